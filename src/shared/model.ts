/**
 * The data model shared by core, bridges and renderer (DESIGN.md §3–4), one file per concern
 * in model/. The closed sets (languages, kinds, formats…) are tuples in enums.ts.
 */
export type {
  AnnotationColor,
  AnnotationKind,
  BlockType,
  ExportFormat,
  Language,
  SourceFormat,
  Theme
} from './enums'
export * from './model/articles'
export * from './model/annotations'
export * from './model/settings'
export * from './model/events'
export * from './model/search'
export * from './model/speakers'
export * from './model/sync'
