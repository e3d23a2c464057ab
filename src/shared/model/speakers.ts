/** Quotations and speakers (DESIGN.md §5). */

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
