/** What a quotation is: spoken words, a quoted fragment of reported speech, or a quoted term. */
export type QuoteKind = 'direct' | 'partial' | 'term'

/** One quotation found in a text; `start`/`end` are the quoted text's offsets inside the marks. */
export interface Quotation {
  quote: string
  speaker: string | null
  kind: QuoteKind
  start: number
  end: number
  /** How sure the attribution is, 0..1; below LOW_CONFIDENCE the UI says "maybe". */
  confidence: number
}

/** Attributions less sure than this are shown as "maybe: X". */
export const LOW_CONFIDENCE = 0.6

/** Options of `findQuotes`; all optional. */
export interface FindQuotesOptions {
  /** The article's headline, when the text does not start with it: `X: "…"` names a speaker. */
  title?: string
}
