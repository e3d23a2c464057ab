import { z } from 'zod'
import {
  ANNOTATION_COLORS,
  ANNOTATION_KINDS,
  BLOCK_TYPES,
  LANGUAGES,
  SOURCE_FORMATS,
  THEMES
} from '../../../shared/enums'
import type {
  Annotation,
  ArticleMeta,
  ArticleVersion,
  Settings,
  SpeakersFile
} from '../../../shared/model'

/** The schemaVersion this build reads and writes. A file with a higher one is not written. */
export const SCHEMA_VERSION = 1

const blockSchema = z.object({ type: z.enum(BLOCK_TYPES), text: z.string() })
const removalSchema = z.object({ rule: z.string(), text: z.string(), line: z.number() })
const nullableString = z.string().nullable()

export const articleMetaSchema = z.object({
  id: z.string(),
  title: z.string(),
  outlet: nullableString,
  author: nullableString,
  url: nullableString,
  publishedAt: nullableString,
  language: nullableString,
  wordCount: z.number(),
  importedAt: z.string(),
  updatedAt: z.string(),
  contentHash: z.string(),
  versionCount: z.number(),
  sourceName: nullableString,
  readingProgress: z.number().min(0).max(1).optional(),
  tags: z.array(z.string()).optional(),
  counts: z.object({ highlights: z.number(), notes: z.number(), quotes: z.number() }).optional(),
  deletedAt: z.string().optional(),
  authors: z.array(z.string()).optional()
})

export const indexFileSchema = z.object({
  schemaVersion: z.number(),
  articles: z.array(articleMetaSchema),
  /** The colour of each tag that has one (tags themselves live on the articles). */
  tagColors: z.record(z.string(), z.enum(ANNOTATION_COLORS)).optional()
})

/**
 * The copy of an article's index record kept in its article file, written with each version
 * (never on a metadata edit), so a lost index.json can be rebuilt. Counts are derived, never kept.
 */
export const storedMetaSchema = articleMetaSchema.omit({ counts: true })

const articleVersionSchema = z.object({
  version: z.number(),
  blocks: z.array(blockSchema),
  removed: z.array(removalSchema),
  importedAt: z.string(),
  contentHash: z.string(),
  source: z
    .object({ name: z.string().nullable(), format: z.enum(SOURCE_FORMATS), text: z.string() })
    .optional(),
  restored: z.array(z.string()).optional()
})

export const articleFileSchema = z.object({
  schemaVersion: z.number(),
  id: z.string(),
  /** Absent in files written before it existed: those are re-listed from their text. */
  meta: storedMetaSchema.optional(),
  versions: z.array(articleVersionSchema)
})

const textPositionSelectorSchema = z.object({
  type: z.literal('TextPositionSelector'),
  start: z.number().int().min(0),
  end: z.number().int().min(0)
})

const textQuoteSelectorSchema = z.object({
  type: z.literal('TextQuoteSelector'),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string()
})

/** One annotation as stored (the Annotation type of src/shared/model.ts). */
export const annotationSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  kind: z.enum(ANNOTATION_KINDS),
  target: z
    .object({
      version: z.number().int(),
      selectors: z.tuple([textPositionSelectorSchema, textQuoteSelectorSchema])
    })
    .optional(),
  color: z.enum(ANNOTATION_COLORS),
  labels: z.array(z.string()),
  note: z.string(),
  speaker: z.string().nullable().optional(),
  orphan: z.boolean().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().optional(),
  fieldTimes: z.record(z.string(), z.string()).optional(),
  otherNotes: z.array(z.string()).optional(),
  author: z.string().optional()
}) satisfies z.ZodType<Annotation>

export const annotationsFileSchema = z.object({
  schemaVersion: z.number(),
  annotations: z.array(annotationSchema)
})

export const settingsFileSchema = z.object({
  schemaVersion: z.number(),
  language: z.enum(LANGUAGES).nullable(),
  theme: z.enum(THEMES),
  // Reader typography, absent in files written before it existed (defaults then apply).
  fontSize: z.number().optional(),
  lineHeight: z.number().optional(),
  measure: z.number().optional(),
  glossLanguage: z.enum(LANGUAGES).nullable().optional()
})

/** speakers.json: merges, splits and corrections of speakers (SpeakersFile in the model). */
export const speakersFileSchema = z.object({
  schemaVersion: z.number(),
  identities: z.array(z.object({ name: z.string(), aliases: z.array(z.string()) })),
  separate: z.array(z.string()),
  corrections: z.array(
    z.object({
      articleId: z.string(),
      quote: z.string(),
      start: z.number().int().min(0),
      end: z.number().int().min(0),
      speaker: z.string(),
      correctedAt: z.string()
    })
  )
}) satisfies z.ZodType<SpeakersFile>

export type IndexFile = z.infer<typeof indexFileSchema>
export type ArticleFile = z.infer<typeof articleFileSchema>
export type StoredMeta = z.infer<typeof storedMetaSchema>
export type AnnotationsFile = z.infer<typeof annotationsFileSchema>
export type SettingsFile = z.infer<typeof settingsFileSchema>

/**
 * True only when A and B are the same type, field for field: a field added to the model and not
 * to its stored schema (or the other way round) makes the checks below fail typecheck.
 */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false
type Tied<Check extends true> = Check

/** A settings file holds every setting (older files lack the typography ones). */
type StoredSettings = Required<Omit<SettingsFile, 'schemaVersion'>>

/** Each stored-file schema against its model type (DESIGN.md §3): compiles only while tied. */
export type SchemasMatchModel = [
  Tied<Same<z.output<typeof articleMetaSchema>, ArticleMeta>>,
  Tied<Same<StoredMeta, Omit<ArticleMeta, 'counts'>>>,
  Tied<Same<z.output<typeof articleVersionSchema>, ArticleVersion>>,
  Tied<Same<z.output<typeof annotationSchema>, Annotation>>,
  Tied<Same<StoredSettings, Settings>>,
  Tied<Same<z.output<typeof speakersFileSchema>, SpeakersFile>>
]
