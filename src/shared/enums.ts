/**
 * The closed sets of the contract, each said once (issue 17). The model's types and the zod
 * schemas (contract.ts, store/schemas.ts) derive from these tuples. No zod here, so the
 * sandboxed preload and the renderer can import them without bundling it.
 */

/** The languages of the UI and of exports. */
export const LANGUAGES = ['id', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const
export type Theme = (typeof THEMES)[number]

export const ANNOTATION_KINDS = ['highlight', 'quote', 'note'] as const
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number]

/** The colours a highlight can have, in the order the UI offers them. */
export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const
export type AnnotationColor = (typeof ANNOTATION_COLORS)[number]

/** What an imported source was read as. */
export const SOURCE_FORMATS = ['text', 'markdown', 'html'] as const
export type SourceFormat = (typeof SOURCE_FORMATS)[number]

/** The formats annotations export to, in the order the UI offers them. */
export const EXPORT_FORMATS = ['md', 'csv', 'jsonld', 'html', 'txt'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The kinds of text block an article version is made of (DESIGN.md §4). */
export const BLOCK_TYPES = ['p', 'h', 'quote', 'li'] as const
export type BlockType = (typeof BLOCK_TYPES)[number]

/**
 * The shape of an article or annotation id: safe as a file name and as a key on every OS
 * (ids.ts adds the reserved names this pattern cannot express).
 */
export const ID_PATTERN = /^[a-z0-9_-]{1,64}$/

/** True when `value` is one of `tuple`'s members (narrows a string from outside). */
export function isOneOf<T extends string>(tuple: readonly T[], value: unknown): value is T {
  return (tuple as readonly unknown[]).includes(value)
}
