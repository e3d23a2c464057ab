/** The data model shared by core, bridges and renderer (DESIGN.md §3–4). */
import type { AnnotationColor } from './annotations'

export type BlockType = 'p' | 'h' | 'quote' | 'li'

export interface Block {
  type: BlockType
  text: string
}

/** Something cleaning took out of an article, kept so the reader can see and restore it. */
export interface Removal {
  rule: string
  text: string
  /** Index of the source line (0-based) the removal came from. */
  line: number
}

export type SourceFormat = 'text' | 'markdown' | 'html'

/** The input a version was made from, kept so a removal can be restored by re-extracting. */
export interface ArticleSource {
  name: string | null
  format: SourceFormat
  text: string
}

export interface ArticleVersion {
  version: number
  blocks: Block[]
  removed: Removal[]
  importedAt: string
  contentHash: string
  source?: ArticleSource
  /** Removals the reader asked to restore (`rule:line:text` keys), kept on re-extraction. */
  restored?: string[]
}

/** The small record kept in index.json for every article. */
export interface ArticleMeta {
  id: string
  title: string
  outlet: string | null
  author: string | null
  url: string | null
  publishedAt: string | null
  language: string | null
  wordCount: number
  /** Each credited person or desk, when the page names more than one (`author` joins them). */
  authors?: string[]
  importedAt: string
  updatedAt: string
  contentHash: string
  versionCount: number
  sourceName: string | null
  /** How far the reader got, 0 to 1; absent when never opened. */
  readingProgress?: number
  tags?: string[]
  /** Live annotations by kind, kept by the annotations core (absent on an older library). */
  counts?: AnnotationCounts
  deletedAt?: string
}

/**
 * An article as the library screen lists, sorts and filters it: its index record without what
 * only the reader and the store use (hash, version count, source name, edit date, author, URL),
 * so a list of 10,000 crosses a bridge quickly.
 */
export type ArticleSummary = Pick<
  ArticleMeta,
  | 'id'
  | 'title'
  | 'outlet'
  | 'publishedAt'
  | 'language'
  | 'wordCount'
  | 'importedAt'
  | 'readingProgress'
  | 'tags'
  | 'counts'
>

/** The library list for the library screen (or its first articles), newest import first. */
export interface ArticleSummaries {
  /** How many articles the library holds: more than `articles` when only the first were asked for. */
  total: number
  articles: readonly ArticleSummary[]
  /** The library's revision when the answer was made: it only grows, so a stale answer shows. */
  revision: number
}

/** How many live highlights, notes and quotes an article has. */
export interface AnnotationCounts {
  highlights: number
  notes: number
  quotes: number
}

/** An article as the reader opens it: its metadata and its newest version. */
export interface ArticleDetail extends ArticleMeta {
  version: number
  blocks: Block[]
  removed: Removal[]
  text: string
}

export type ImportStatus = 'imported' | 'duplicate' | 'new-version' | 'failed' | 'cancelled'

export interface ImportOutcome {
  input: string
  status: ImportStatus
  id?: string
  title?: string
  error?: string
}

export type Language = 'id' | 'en'
export type Theme = 'system' | 'light' | 'dark' | 'sepia'

export interface Settings {
  /** null until the reader picks one: the UI then follows the system language. */
  language: Language | null
  theme: Theme
  /** Reading text size in CSS pixels. */
  fontSize: number
  /** Reading line height, a multiple of the font size. */
  lineHeight: number
  /** Reading column width in characters (CSS `ch`). */
  measure: number
  /** Optional translated labels: each UI and highlight label also shown in this language. */
  glossLanguage: Language | null
}

export const defaultSettings: Settings = {
  language: null,
  theme: 'system',
  fontSize: 19,
  lineHeight: 1.7,
  measure: 68,
  glossLanguage: null
}

/** The ranges the reader settings may take (the UI's sliders and the zod schemas use them). */
export const READER_LIMITS = {
  fontSize: { min: 14, max: 28, step: 1 },
  lineHeight: { min: 1.3, max: 2.2, step: 0.1 },
  measure: { min: 45, max: 90, step: 1 }
} as const

/** Events the core sends to the UI, the same over IPC and Server-Sent Events. */
export type SorotEvent =
  | { type: 'library.changed' }
  | { type: 'annotations.changed'; articleId: string }
  | { type: 'settings.changed'; settings: Settings }
  | { type: 'import.progress'; jobId?: string; done: number; total: number; current: string }
  | { type: 'storage.recovered'; file: string; movedTo: string }
  /** The main process imported a file opened with Sorot: show it. */
  | { type: 'article.open'; id: string }

/** W3C Web Annotation selectors over an article's canonical text (DESIGN.md §4). */
export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

export type TextSelector = TextPositionSelector | TextQuoteSelector

export type AnnotationKind = 'highlight' | 'quote' | 'note'

/** Where an annotation points: the selectors, and the article version they were made on. */
export interface AnnotationTarget {
  version: number
  selectors: [TextPositionSelector, TextQuoteSelector]
}

/**
 * A highlight, a quote (with its speaker) or a note. An article note has no target. `orphan`
 * is true when the newest article version has no place for the target (kept, never dropped).
 */
export interface Annotation {
  id: string
  articleId: string
  kind: AnnotationKind
  target?: AnnotationTarget
  color: AnnotationColor
  labels: string[]
  /** Markdown. */
  note: string
  speaker?: string | null
  orphan?: boolean
  createdAt: string
  updatedAt: string
  deletedAt?: string
  /** When each field was last set (sync merges field by field, last writer wins). */
  fieldTimes?: Record<string, string>
  /** Other texts of the note, edited on another device at the same time: the reader chooses. */
  otherNotes?: string[]
  /** Who made it (a display name per device or user), in a shared library. */
  author?: string
}

/** A piece of a search snippet: plain text, marked when it is a match (rendered as text). */
export interface SnippetSegment {
  text: string
  match: boolean
}

/** One search result, best first. */
export interface SearchHit {
  id: string
  title: string
  outlet: string | null
  publishedAt: string | null
  score: number
  /** The snippet as plain text; `segments` is the same text with its matches marked. */
  snippet: string
  segments: SnippetSegment[]
  /** Offset of the first match in the article's canonical text; null when only the title or an annotation matched. */
  offset: number | null
}

export interface SearchResponse {
  results: SearchHit[]
  /** True while the index is being built or brought up to date: results may be incomplete. */
  indexing: boolean
}

/** A tag of the library, with its colour and how many live articles carry it. */
export interface TagInfo {
  name: string
  color: AnnotationColor | null
  count: number
}

/** A quotation detected in an article's newest version (offsets inside the quote marks). */
export interface ArticleQuotation {
  quote: string
  speaker: string | null
  kind: 'direct' | 'partial' | 'term'
  start: number
  end: number
  /** The live quote annotation that covers it, or null when it is not saved. */
  savedId: string | null
  /** How sure the speaker is, 0..1 (1 once the reader confirmed or corrected it). */
  confidence: number
  /** The speaker as detection found it in this article, before identities and corrections. */
  detectedSpeaker: string | null
  /** True when the reader confirmed or corrected the speaker (detection never overrides it). */
  corrected: boolean
}

/** The detected quotations of an article's newest version (`quotes.list`). */
export interface ArticleQuotes {
  articleId: string
  version: number
  quotations: ArticleQuotation[]
  /** True while the library's other articles are still read: identity names may change. */
  partial?: boolean
}

/** One quotation of a speaker across the library: a saved quote annotation or a detected one. */
export interface SpeakerQuotation {
  articleId: string
  articleTitle: string
  /** The article's publishedAt, else its importedAt: what "newest first" sorts by. */
  date: string
  quote: string
  kind: 'direct' | 'partial' | 'term'
  /** Offsets into the newest version's text; null for a saved quote that lost its place. */
  start: number | null
  end: number | null
  savedId: string | null
}

/** A person or organisation and their quotations, newest first. */
export interface SpeakerGroup {
  name: string
  /** The other names the library writes this speaker with (the identity's aliases). */
  aliases: string[]
  /** All their quotations; `quotations` holds the newest `perSpeaker` of them. */
  count: number
  savedCount: number
  quotations: SpeakerQuotation[]
}

/** `quotes.speakers`: `partial` while articles not yet read are still being detected. */
export interface SpeakersResponse {
  speakers: SpeakerGroup[]
  partial: boolean
  /** Live articles whose quotations are known, of `total`. */
  done: number
  total: number
}

/** One speaker across the library: the name shown and the other names that stand for them. */
export interface SpeakerIdentity {
  name: string
  aliases: string[]
}

/** A reader's speaker for a quotation not saved as an annotation, kept by article and text. */
export interface SpeakerCorrection {
  articleId: string
  /** The quotation's text and offsets when corrected (offsets may move in a new version). */
  quote: string
  start: number
  end: number
  speaker: string
  correctedAt: string
}

/** speakers.json: the reader's merges and splits of speakers, and their corrections. */
export interface SpeakersFile {
  schemaVersion: number
  /** Merged by hand: every alias is this name's person. */
  identities: SpeakerIdentity[]
  /** Split by hand: these names are never grouped with another automatically. */
  separate: string[]
  corrections: SpeakerCorrection[]
}

/** One speaker of the library with counts (`speakers.list`, `sorot speakers`). */
export interface SpeakerSummary extends SpeakerIdentity {
  quotes: number
  articles: number
  /** Their quotations per article, for the charts: outlet and publication date (null: unknown). */
  perArticle: Array<{
    articleId: string
    outlet: string | null
    publishedAt: string | null
    quotes: number
  }>
}

/** `speakers.list`: `partial` while articles not yet read are still being detected. */
export interface SpeakerSummaries {
  speakers: SpeakerSummary[]
  partial: boolean
}

/** Sync (DESIGN.md §9): what the Settings indicator shows. */
export type SyncIndicator =
  | { state: 'off' }
  | { state: 'paused' }
  | { state: 'syncing' }
  | { state: 'synced'; at: string }
  | { state: 'offline'; reason: string; retryInMs: number }
  | { state: 'error'; reason: string; retryInMs: number }

export interface SyncLogEntry {
  at: string
  ok: boolean
  message: string
  pulled: number
  pushed: number
}

export interface SyncStatus {
  indicator: SyncIndicator
  url: string | null
  database: string | null
  user: string | null
  /** The last syncs, newest first. */
  log: SyncLogEntry[]
}
