/** What a search answers with. */

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
