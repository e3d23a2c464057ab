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

export const LOW_CONFIDENCE = 0.6
