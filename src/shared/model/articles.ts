/** Articles as stored and listed (DESIGN.md §3–4). */
import type { AnnotationColor, BlockType, SourceFormat } from '../enums'

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

/** A tag of the library, with its colour and how many live articles carry it. */
export interface TagInfo {
  name: string
  color: AnnotationColor | null
  count: number
}
