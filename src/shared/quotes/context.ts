/** What every step of attribution reads: the text, its masked twin and their indexes. */

import type { Paragraph } from './marks'
import type { NameBook } from './names'
import type { SentenceIndex } from './sentences'

/**
 * How far (in characters) before or after a quotation its reporting clause is looked for.
 * Real clauses are a few dozen characters; the bound keeps hostile text linear.
 */
export const WINDOW = 400

export interface Context {
  text: string
  /** `text` with the inner text of every top-level quotation blanked. */
  masked: string
  sentences: SentenceIndex
  paragraphs: ParagraphIndex
  book: NameBook
}

/** A paragraph with its place in the text's list. */
export interface IndexedParagraph extends Paragraph {
  index: number
}

/** Paragraphs found by offset in O(log n). */
export class ParagraphIndex {
  readonly list: IndexedParagraph[]

  constructor(paragraphs: Paragraph[]) {
    this.list = paragraphs.map((p, index) => ({ ...p, index }))
  }

  /** The paragraph holding offset `at` (the first one when `at` is before them all). */
  at(at: number): IndexedParagraph {
    let lo = 0
    let hi = this.list.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.list[mid].start <= at) lo = mid
      else hi = mid - 1
    }
    return this.list[lo]
  }

  /** The paragraph before `paragraph`, if any. */
  before(paragraph: IndexedParagraph): IndexedParagraph | undefined {
    return this.list[paragraph.index - 1]
  }
}
