import { z } from 'zod'

/** The schemaVersion this build reads and writes. A file with a higher one is not written. */
export const SCHEMA_VERSION = 1

const blockSchema = z.object({ type: z.enum(['p', 'h', 'quote', 'li']), text: z.string() })
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
  deletedAt: z.string().optional()
})

export const indexFileSchema = z.object({
  schemaVersion: z.number(),
  articles: z.array(articleMetaSchema)
})

export const articleFileSchema = z.object({
  schemaVersion: z.number(),
  id: z.string(),
  versions: z.array(
    z.object({
      version: z.number(),
      blocks: z.array(blockSchema),
      removed: z.array(removalSchema),
      importedAt: z.string(),
      contentHash: z.string()
    })
  )
})

export const annotationsFileSchema = z.object({
  schemaVersion: z.number(),
  annotations: z.array(z.record(z.string(), z.unknown()))
})

export const settingsFileSchema = z.object({
  schemaVersion: z.number(),
  language: z.enum(['id', 'en']).nullable(),
  theme: z.enum(['system', 'light', 'dark', 'sepia'])
})

export type IndexFile = z.infer<typeof indexFileSchema>
export type ArticleFile = z.infer<typeof articleFileSchema>
export type AnnotationsFile = z.infer<typeof annotationsFileSchema>
export type SettingsFile = z.infer<typeof settingsFileSchema>
