import { FIELD_COUNT, type DocumentTerms, type IndexBuilder } from './compact-index'
import type { SearchDocument } from './documents'
import { termsOfWord, tokenize } from './terms'

/** The texts of a document's fields: title, body text, and its annotations together. */
export function fieldTexts(doc: SearchDocument): string[] {
  return [doc.title, doc.text, [doc.highlights, doc.notes, doc.speakers].filter(Boolean).join('\n')]
}

/** A document as its index terms (one article changed: the main process indexes it). */
export function termsOfDocument(doc: SearchDocument, stamp: string): DocumentTerms {
  const fields: Array<Map<string, number>> = []
  const lengths: number[] = []
  for (const text of fieldTexts(doc)) {
    const tf = new Map<string, number>()
    let length = 0
    for (const word of tokenize(text))
      for (const term of termsOfWord(word)) {
        tf.set(term, (tf.get(term) ?? 0) + 1)
        length += 1
      }
    fields.push(tf)
    lengths.push(length)
  }
  return { id: doc.id, stamp, fields, lengths }
}

/**
 * Turns whole documents into term numbers for an IndexBuilder (the full build). A library
 * repeats its written forms endlessly, so each form becomes term numbers once, and frequencies
 * are counted in one reused array rather than a Map per document.
 */
export class BuildAnalyzer {
  readonly #builder: IndexBuilder
  readonly #forms = new Map<string, number[]>()
  #tf = new Uint32Array(4096)
  readonly #touched: number[] = []

  constructor(builder: IndexBuilder) {
    this.#builder = builder
  }

  /** Adds a document to the builder. */
  add(doc: SearchDocument, stamp: string): void {
    const fields: Array<{ terms: Uint32Array; tfs: Uint32Array; count: number }> = []
    const lengths: number[] = []
    for (const text of fieldTexts(doc)) {
      const touched = this.#touched
      touched.length = 0
      let length = 0
      for (const word of tokenize(text)) {
        let numbers = this.#forms.get(word)
        if (!numbers) {
          numbers = termsOfWord(word).map((term) => this.#builder.termNumber(term))
          this.#forms.set(word, numbers)
        }
        for (const t of numbers) {
          if (t >= this.#tf.length) {
            const next = new Uint32Array(Math.max(t + 1, this.#tf.length * 2))
            next.set(this.#tf)
            this.#tf = next
          }
          if (this.#tf[t] === 0) touched.push(t)
          this.#tf[t] += 1
          length += 1
        }
      }
      const terms = Uint32Array.from(touched)
      const tfs = new Uint32Array(touched.length)
      touched.forEach((t, i) => {
        tfs[i] = this.#tf[t]
        this.#tf[t] = 0
      })
      fields.push({ terms, tfs, count: touched.length })
      lengths.push(length)
    }
    if (fields.length !== FIELD_COUNT) throw new Error('a document has the wrong number of fields')
    this.#builder.add(doc.id, stamp, fields, lengths)
  }
}
