import { z } from 'zod'
import type { Channel } from './channels'
import {
  READER_LIMITS,
  type Annotation,
  type ArticleDetail,
  type ArticleQuotes,
  type SpeakersResponse,
  type SpeakerIdentity,
  type SpeakerSummaries,
  type ArticleMeta,
  type ArticleSummaries,
  type ImportOutcome,
  type SearchResponse,
  type Settings,
  type SyncStatus,
  type TagInfo
} from './model'
import type { Result } from './result'
import {
  ANNOTATION_COLORS,
  ANNOTATION_KINDS,
  EXPORT_FORMATS,
  LANGUAGES,
  SOURCE_FORMATS,
  THEMES
} from './enums'
import { MAX_ARCHIVE_CHARS, MAX_IMPORT_BYTES } from './limits'
import { idSchema } from './ids'

export { MAX_ARCHIVE_CHARS, MAX_IMPORT_BYTES, idSchema }
/** Base64 grows data by 4/3; a little slack for padding. */
const MAX_BASE64_CHARS = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 16

const sourceFormat = z.enum(SOURCE_FORMATS)
const language = z.enum(LANGUAGES)

const importItemSchema = z.union([
  z
    .object({
      name: z.string().min(1).max(1024),
      base64: z.string().max(MAX_BASE64_CHARS),
      format: sourceFormat.optional()
    })
    .strict(),
  z
    .object({
      name: z.string().max(1024).optional(),
      text: z.string().max(MAX_IMPORT_BYTES),
      format: sourceFormat.optional()
    })
    .strict()
])

const optionalText = (max: number): z.ZodOptional<z.ZodNullable<z.ZodString>> =>
  z.string().trim().max(max).nullable().optional()

/** An http(s) address; anything else (file:, javascript:, data:) is refused by name. */
export const webUrlSchema = z
  .string()
  .trim()
  .max(4096)
  .refine((value) => {
    try {
      return ['http:', 'https:'].includes(new URL(value).protocol)
    } catch {
      return false
    }
  }, 'must be an http:// or https:// address')

const annotationKind = z.enum(ANNOTATION_KINDS)
const annotationColor = z.enum(ANNOTATION_COLORS)
const annotationLabels = z.array(z.string().trim().min(1).max(80)).max(50)
const textOffset = z.number().int().min(0)
const annotationRef = z.object({ articleId: idSchema, id: idSchema }).strict()
const tagName = z.string().trim().min(1).max(80)
const speakerName = z.string().trim().min(1).max(300)
const readerSetting = (name: keyof typeof READER_LIMITS): z.ZodNumber =>
  z.number().min(READER_LIMITS[name].min).max(READER_LIMITS[name].max)

/** The zod schema of every channel's input: `dispatch` parses with these before any core code. */
export const inputSchemas = {
  'app.info': z.object({}).strict(),
  'articles.list': z.object({}).strict(),
  /** `limit`: only the first articles (a screenful, painted before the whole list is in). */
  'articles.summaries': z
    .object({ limit: z.number().int().min(1).max(10_000).optional() })
    .strict(),
  'articles.get': z.object({ id: idSchema }).strict(),
  'articles.import': z
    .object({ items: z.array(importItemSchema).min(1).max(5000), jobId: idSchema.optional() })
    .strict(),
  'articles.delete': z.object({ id: idSchema }).strict(),
  'articles.tag': z
    .object({
      ids: z.array(idSchema).min(1).max(100_000),
      add: z.array(tagName).max(50).optional(),
      remove: z.array(tagName).max(50).optional()
    })
    .strict(),
  'tags.list': z.object({}).strict(),
  'tags.rename': z
    .object({ name: tagName, to: tagName.optional(), color: annotationColor.nullable().optional() })
    .strict(),
  'articles.update': z
    .object({
      id: idSchema,
      title: z.string().trim().min(1).max(500).optional(),
      outlet: optionalText(200),
      author: optionalText(300),
      url: webUrlSchema.nullable().optional(),
      publishedAt: z.iso.datetime({ offset: true }).or(z.iso.date()).nullable().optional(),
      language: optionalText(20)
    })
    .strict(),
  'articles.importUrl': z.object({ url: webUrlSchema, jobId: idSchema.optional() }).strict(),
  'articles.cancelImport': z.object({ jobId: idSchema }).strict(),
  'articles.restoreRemoval': z.object({ id: idSchema, removal: z.number().int().min(0) }).strict(),
  'articles.progress': z.object({ id: idSchema, progress: z.number().min(0).max(1) }).strict(),
  'annotations.list': z.object({ articleId: idSchema, trash: z.boolean().optional() }).strict(),
  'annotations.create': z
    .object({
      articleId: idSchema,
      kind: annotationKind,
      start: textOffset.optional(),
      end: textOffset.optional(),
      color: annotationColor.optional(),
      labels: annotationLabels.optional(),
      note: z.string().max(200_000).optional(),
      speaker: z.string().trim().max(300).nullable().optional()
    })
    .strict(),
  'annotations.update': z
    .object({
      articleId: idSchema,
      id: idSchema,
      color: annotationColor.optional(),
      labels: annotationLabels.optional(),
      note: z.string().max(200_000).optional(),
      speaker: z.string().trim().max(300).nullable().optional(),
      start: textOffset.optional(),
      end: textOffset.optional(),
      /** The other texts of a note edited on two devices; [] once the reader chose one. */
      otherNotes: z.array(z.string().max(200_000)).max(100).optional()
    })
    .strict(),
  'annotations.delete': annotationRef,
  'annotations.restore': annotationRef,
  'annotations.emptyTrash': z.object({ articleId: idSchema }).strict(),
  'search.query': z
    .object({ query: z.string().max(500), limit: z.number().int().min(1).max(500).optional() })
    .strict(),
  'quotes.list': z.object({ articleId: idSchema }).strict(),
  'quotes.speakers': z
    .object({
      query: z.string().max(300).optional(),
      perSpeaker: z.number().int().min(1).max(1_000_000).optional()
    })
    .strict(),
  'export.render': z
    .object({
      format: z.enum(EXPORT_FORMATS),
      articleIds: z.array(idSchema).max(100_000).optional(),
      language: language.optional(),
      label: z.string().trim().min(1).max(80).optional(),
      speaker: z.string().trim().min(1).max(300).optional(),
      split: z.boolean().optional(),
      author: z.string().trim().min(1).max(100).optional()
    })
    .strict(),
  'annotations.importJsonLd': z.object({ content: z.string().max(MAX_ARCHIVE_CHARS) }).strict(),
  'backup.create': z.object({}).strict(),
  'backup.restore': z.object({ content: z.string().max(MAX_ARCHIVE_CHARS) }).strict(),
  'backup.list': z.object({}).strict(),
  'backup.restoreSnapshot': z
    .object({
      name: z
        .string()
        .regex(/^[0-9TZ-]+-(daily|migration|restore|manual)$/)
        .max(80)
    })
    .strict(),
  'settings.get': z.object({}).strict(),
  'settings.set': z
    .object({
      language: language.nullable().optional(),
      theme: z.enum(THEMES).optional(),
      fontSize: readerSetting('fontSize').optional(),
      lineHeight: readerSetting('lineHeight').optional(),
      measure: readerSetting('measure').optional(),
      glossLanguage: language.nullable().optional()
    })
    .strict(),
  /** `complete`: wait until every article is read (the CLI) instead of answering `partial`. */
  'speakers.list': z.object({ complete: z.boolean().optional() }).strict(),
  /** Makes `names` one speaker, shown as `into` (which may be a new spelling). */
  'speakers.merge': z
    .object({ names: z.array(speakerName).min(1).max(1000), into: speakerName })
    .strict(),
  /** Makes `alias` a speaker of its own, never grouped automatically again. */
  'speakers.split': z.object({ alias: speakerName }).strict(),
  /** Confirms or corrects the speaker of a quotation not saved as an annotation. */
  'quotes.correct': z
    .object({
      articleId: idSchema,
      start: textOffset,
      end: textOffset,
      quote: z.string().min(1).max(200_000),
      speaker: speakerName
    })
    .strict(),
  'sync.status': z.object({}).strict(),
  /** Secrets are held in memory for this session only, never written to sync.json. */
  'sync.start': z
    .object({
      url: z.string().trim().min(1).max(2000),
      database: z.string().trim().min(1).max(238),
      user: z.string().max(200).nullable().optional(),
      password: z.string().max(1000).nullable().optional(),
      passphrase: z.string().max(1000).nullable().optional(),
      author: z.string().trim().max(100).nullable().optional()
    })
    .strict(),
  'sync.pause': z.object({}).strict(),
  'sync.resume': z.object({}).strict(),
  'sync.stop': z.object({}).strict()
} satisfies Record<Channel, z.ZodType>

/** What `annotations.importJsonLd` did with each annotation it was given. */
export interface JsonLdImportReport {
  imported: Array<{ id: string; articleId: string }>
  /** Already in the library: the same id, or the same passage with the same note and labels. */
  skipped: Array<{ id: string; articleId: string; reason: string }>
  /** Kept out: no such article, or its passage could not be found in it. */
  unmatched: Array<{ id: string | null; reason: string }>
}

/** What `backup.restore` did, and what it left alone because the library's copy was kept. */
export interface RestoreReport {
  /** The snapshot taken just before, to go back to. */
  snapshot: string
  articlesAdded: number
  articlesUpdated: number
  versionsAdded: number
  annotationsAdded: number
  annotationsUpdated: number
  settingsChanged: string[]
  skipped: Array<{
    kind: 'article' | 'version' | 'annotation' | 'setting'
    id: string
    reason: string
  }>
}

/** One automatic snapshot in the data dir's backups/ folder, newest first in `backup.list`. */
export interface SnapshotSummary {
  name: string
  reason: 'daily' | 'migration' | 'restore' | 'manual'
  takenAt: string
}

export interface AppInfo {
  version: string
  dataDir: string
}

/** What each channel answers with when it succeeds. */
export interface ChannelOutputs {
  'app.info': AppInfo
  'articles.list': ArticleMeta[]
  /** The articles of `articles.list`, as the library screen lists them. */
  'articles.summaries': ArticleSummaries
  'articles.get': ArticleDetail
  'articles.import': ImportOutcome[]
  'articles.delete': { id: string; deletedAt: string }
  'articles.update': ArticleMeta
  'articles.importUrl': ImportOutcome[]
  'articles.cancelImport': { jobId: string; cancelled: boolean }
  'articles.restoreRemoval': ArticleDetail
  'articles.progress': { id: string; readingProgress: number }
  'annotations.list': Annotation[]
  'annotations.create': Annotation
  'annotations.update': Annotation
  'annotations.delete': Annotation
  'annotations.restore': Annotation
  /** The annotations deleted for good. */
  'annotations.emptyTrash': Annotation[]
  'search.query': SearchResponse
  'quotes.list': ArticleQuotes
  'quotes.speakers': SpeakersResponse
  'articles.tag': ArticleMeta[]
  'tags.list': TagInfo[]
  'tags.rename': TagInfo[]
  /** `files` holds one note per article when a Markdown export was split. */
  'export.render': {
    content: string
    mimeType: string
    fileName: string
    files?: Array<{ fileName: string; content: string }>
  }
  'annotations.importJsonLd': JsonLdImportReport
  'backup.create': { content: string; fileName: string }
  'backup.restore': RestoreReport
  'backup.list': SnapshotSummary[]
  'backup.restoreSnapshot': RestoreReport
  'settings.get': Settings
  'settings.set': Settings
  'speakers.list': SpeakerSummaries
  'speakers.merge': SpeakerIdentity
  'speakers.split': SpeakerIdentity
  'quotes.correct': { articleId: string; start: number; end: number; speaker: string }
  'sync.status': SyncStatus
  'sync.start': SyncStatus
  'sync.pause': SyncStatus
  'sync.resume': SyncStatus
  'sync.stop': SyncStatus
}

export type ChannelInput<C extends Channel> = z.input<(typeof inputSchemas)[C]>
export type ParsedInput<C extends Channel> = z.output<(typeof inputSchemas)[C]>
export type ChannelOutput<C extends Channel> = ChannelOutputs[C]
export type ChannelResult<C extends Channel> = Result<ChannelOutput<C>>
