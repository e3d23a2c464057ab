import { Encoder, Index, Resolver, type DocumentData } from 'flexsearch'
import { best, lowerBound } from './sorted'

/**
 * Sorot's full-text index over FlexSearch (Apache-2.0): FlexSearch keeps the postings, evaluates
 * a query's AND/OR and exports itself for the cache file; Sorot hands it the Indonesian analysis
 * (terms.ts) as space-separated terms and keeps the vocabulary prefixes expand to. Three indexes:
 * `all` (title, annotations and text, so any word may match in any of them), `title` and `notes`
 * (matches there weigh more). SQLite FTS5 in WebAssembly was measured first: 17 ms p95, 350 MB.
 */

/** The fields, in this order (analyze.ts fieldTexts): title, body text, annotations. */
export const FIELD_COUNT = 3

/** One document as the index receives it: per field, its index terms separated by spaces. */
export interface DocumentTerms {
  id: string
  /** What the document depends on in index.json (documents.ts stampOf). */
  stamp: string
  fields: string[]
}

export interface ScoredDocument {
  id: string
  score: number
}

/** One query word: any of its terms matches; `prefix` terms also match the terms they start. */
export interface MatchWord {
  terms: readonly string[]
  prefix: readonly string[]
}

/** What a cache file holds of an index: FlexSearch's own export and Sorot's tables. */
export interface IndexState {
  /** [document number, article id, stamp]. */
  documents: Array<[number, string, string]>
  /** [term, documents it was in when indexed]: orders prefix expansions. */
  vocabulary: Array<[string, number]>
  /** Per FlexSearch index (INDEXES), its export: key → data. */
  exports: Record<string, Record<string, string>>
}

const INDEXES = ['all', 'title', 'notes'] as const
type IndexName = (typeof INDEXES)[number]
/** How much a match in each index counts: the title most, then the reader's annotations. */
const WEIGHT: Record<IndexName, number> = { all: 1, title: 3, notes: 1.7 }

/** FlexSearch's scoring resolution: a match lands in one of this many slots, 0 the best. */
const RESOLUTION = 9
/** Query words still being typed match at most this many indexed terms each. */
const PREFIX_EXPANSIONS = 50

// BM25's term-frequency saturation and length normalisation, for FlexSearch's slots.
const K1 = 1.2
const B = 0.75
const TYPICAL_LENGTH = 400
/** The first distinct terms (title, lead) score one slot better. */
const LEAD = 40

/** The term counts and length of the text being added (FlexSearch hands slotOf unique terms). */
let adding: { counts: Map<string, number>; length: number } = { counts: new Map(), length: 0 }

/**
 * The slot of a term in the text being added (FlexSearch's `score` option, asked once per term
 * and document with the term's place among the text's distinct terms): BM25's saturated
 * frequency, normalised by the text's length, one slot better for a term of the opening.
 */
function slotOf(_distinct: string[], term: string, at: number): number {
  const tf = adding.counts.get(term) ?? 1
  const norm = (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * adding.length) / TYPICAL_LENGTH))
  const slot = RESOLUTION - 1 - Math.floor((norm / (K1 + 1)) * RESOLUTION) - (at < LEAD ? 1 : 0)
  return Math.max(0, Math.min(RESOLUTION - 1, slot))
}

/** Adds a text to a FlexSearch index, its term counts at hand for slotOf; returns the counts. */
function addText(index: Index, number: number, text: string): Map<string, number> {
  const terms = text.split(' ')
  const counts = new Map<string, number>()
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1)
  adding = { counts, length: terms.length }
  index.add(number, text)
  return counts
}

/**
 * A term that does not keep its text alive: V8 cuts a longer word out of a string as a view on
 * the whole string, so an index keyed by such views would hold every document's text.
 */
function ownString(term: string): string {
  return term.length < 13 ? term : (' ' + term).slice(1)
}

function flexIndex(): Index {
  return new Index({
    tokenize: 'strict',
    resolution: RESOLUTION,
    // FlexSearch's import turns fastupdate off, so it is off from the start: removing a
    // document then scans the index (about 7 ms in 10,000 articles) but behaves alike always.
    fastupdate: false,
    score: slotOf,
    // The text is analysed already: split at spaces, nothing else.
    encoder: new Encoder({
      normalize: false,
      dedupe: false,
      split: ' ',
      minlength: 1,
      cache: false,
      finalize: (terms) => terms.map(ownString)
    })
  })
}

/** The texts each FlexSearch index receives for a document. */
function textsOf(doc: DocumentTerms): Record<IndexName, string> {
  const [title, body, notes] = doc.fields
  return { all: [title, notes, body].filter(Boolean).join(' '), title, notes }
}

/** The full-text index of one library, kept up to date document by document. */
export class SearchIndex {
  readonly #indexes: Record<IndexName, Index>
  /** Document number → article id and stamp, and back. */
  readonly #ids = new Map<number, string>()
  readonly #numbers = new Map<string, number>()
  readonly #stamps = new Map<string, string>()
  #next = 1
  /** Sorted, so the terms a prefix starts are a range; with their document counts. */
  #terms: string[] = []
  /** Terms new since #terms was sorted (a full build adds them all at once, sorted after). */
  #unsorted: string[] = []
  readonly #documentCounts = new Map<string, number>()
  /** Documents added since the base, and base documents removed since (the changes to save). */
  readonly #added = new Map<string, DocumentTerms>()
  readonly #removed = new Set<string>()

  /** An empty index, or the one a cache file holds (throws when its state is damaged). */
  constructor(state?: IndexState) {
    this.#indexes = { all: flexIndex(), title: flexIndex(), notes: flexIndex() }
    if (!state) return
    for (const [number, id, stamp] of state.documents) {
      if (!Number.isInteger(number) || typeof id !== 'string' || typeof stamp !== 'string')
        throw new Error('has a damaged document table')
      this.#ids.set(number, id)
      this.#numbers.set(id, number)
      this.#stamps.set(id, stamp)
      if (number >= this.#next) this.#next = number + 1
    }
    for (const [term, count] of state.vocabulary) this.#documentCounts.set(term, count)
    this.#terms = [...this.#documentCounts.keys()].sort()
    for (const name of INDEXES)
      for (const [key, data] of Object.entries(state.exports[name] ?? {}))
        this.#indexes[name].import(key, data)
  }

  get size(): number {
    return this.#numbers.size
  }

  has(id: string): boolean {
    return this.#numbers.has(id)
  }

  /** How many documents changed since the base. */
  get changeCount(): number {
    return this.#added.size + this.#removed.size
  }

  changes(): { removed: string[]; added: DocumentTerms[] } {
    return { removed: [...this.#removed], added: [...this.#added.values()] }
  }

  stamps(): Map<string, string> {
    return new Map(this.#stamps)
  }

  /** Adds a document, or replaces the one with its id. */
  add(doc: DocumentTerms): void {
    this.#put(doc)
    this.#added.set(doc.id, doc)
  }

  /** Adds documents of a full build (not recorded as changes since the base). */
  addAll(docs: Iterable<DocumentTerms>): void {
    for (const doc of docs) this.#put(doc, true)
    this.#sortTerms()
  }

  remove(id: string): void {
    if (!this.#numbers.has(id)) return
    this.#delete(id)
    this.#added.delete(id)
    this.#removed.add(id)
  }

  /**
   * The best `limit` documents for `words`: every word must match somewhere in the document
   * (`all`), or any word. A document scores by its FlexSearch slot in `all`, plus, for each word
   * found in its title or annotations, that index's slot weighted (a title match counts three
   * times a match in the text).
   */
  search(words: readonly MatchWord[], all: boolean, limit: number): ScoredDocument[] {
    if (words.length === 0 || this.#numbers.size === 0 || limit < 1) return []
    const alternatives = words.map((word) => this.#alternatives(word))
    // Title and annotation matches are few: each one's increments, in the order they add up.
    const bonus = new Map<number, number[]>()
    for (const name of ['title', 'notes'] as const)
      for (const terms of alternatives)
        this.#matches(this.#indexes[name], [terms], false).forEach((numbers, slot) => {
          const score = ((WEIGHT[name] / words.length) * (RESOLUTION - slot)) / RESOLUTION
          for (const number of numbers ?? []) {
            const increments = bonus.get(number as number)
            if (increments) increments.push(score)
            else bonus.set(number as number, [score])
          }
        })
    // FlexSearch gives each document one slot, best first: once `limit` documents without a
    // bonus are in, later slots can only add documents with one (100,000 matches, 20 wanted).
    const scores = new Map<number, number>()
    let plain = 0
    this.#matches(this.#indexes.all, alternatives, all).forEach((numbers, slot) => {
      const score = (WEIGHT.all * (RESOLUTION - slot)) / RESOLUTION
      const full = plain >= limit
      for (const number of numbers ?? []) {
        const increments = bonus.get(number as number)
        if (increments)
          scores.set(
            number as number,
            increments.reduce((a, b) => a + b, score)
          )
        else if (!full) {
          scores.set(number as number, score)
          plain += 1
        }
      }
    })
    return best(scores, limit).flatMap(([number, score]) => {
      const id = this.#ids.get(number)
      return id ? [{ id, score }] : []
    })
  }

  /** FlexSearch's own export of each index, and the tables beside it (the cache file). */
  state(): IndexState {
    const exports: IndexState['exports'] = {}
    for (const name of INDEXES) {
      const parts: Record<string, string> = {}
      void this.#indexes[name].export((key, data) => {
        parts[key] = data
      })
      exports[name] = parts
    }
    return {
      documents: [...this.#ids].map(([number, id]) => [number, id, this.#stamps.get(id) ?? '']),
      vocabulary: [...this.#documentCounts],
      exports
    }
  }

  /** The terms a query word matches: its own, and those its prefix terms start, commonest first. */
  #alternatives(word: MatchWord): string[] {
    const terms = new Set(word.terms)
    for (const prefix of word.prefix) {
      terms.add(prefix)
      const started: string[] = []
      for (let i = lowerBound(this.#terms, prefix); i < this.#terms.length; i++) {
        if (!this.#terms[i].startsWith(prefix)) break
        started.push(this.#terms[i])
      }
      started.sort(
        (a, b) => (this.#documentCounts.get(b) ?? 0) - (this.#documentCounts.get(a) ?? 0)
      )
      for (const term of started.slice(0, PREFIX_EXPANSIONS)) terms.add(term)
    }
    return [...terms]
  }

  /** The matches in one FlexSearch index, by slot (FlexSearch's intermediate result). */
  #matches(index: Index, alternatives: readonly string[][], all: boolean): Array<Array<unknown>> {
    let combined: Resolver<DocumentData> | null = null
    for (const terms of alternatives) {
      if (terms.length === 0) {
        if (all) return []
        continue
      }
      const word = new Resolver<DocumentData>({ index, query: terms[0] })
      // One union of all the alternatives (one `or` each would merge the growing result again).
      if (terms.length > 1) word.or(...terms.slice(1).map((query) => ({ index, query })))
      if (!combined) combined = word
      else if (all) combined.and(word)
      else combined.or(word)
    }
    return combined?.result ?? []
  }

  #put(doc: DocumentTerms, many = false): void {
    if (doc.fields.length !== FIELD_COUNT) throw new Error('a document has the wrong fields')
    if (this.#numbers.has(doc.id)) this.#delete(doc.id)
    const number = this.#next++
    const texts = textsOf(doc)
    let distinct = new Map<string, number>()
    for (const name of INDEXES) {
      if (!texts[name]) continue
      const counts = addText(this.#indexes[name], number, texts[name])
      if (name === 'all') distinct = counts
    }
    for (const term of distinct.keys()) {
      if (!term) continue
      const count = this.#documentCounts.get(term)
      if (count !== undefined) {
        this.#documentCounts.set(term, count + 1)
        continue
      }
      const own = ownString(term)
      if (many) this.#unsorted.push(own)
      else this.#terms.splice(lowerBound(this.#terms, own), 0, own)
      this.#documentCounts.set(own, 1)
    }
    this.#ids.set(number, doc.id)
    this.#numbers.set(doc.id, number)
    this.#stamps.set(doc.id, doc.stamp)
  }

  #sortTerms(): void {
    if (this.#unsorted.length === 0) return
    this.#terms = this.#terms.concat(this.#unsorted).sort()
    this.#unsorted = []
  }

  #delete(id: string): void {
    const number = this.#numbers.get(id)
    if (number === undefined) return
    // The vocabulary keeps the document's terms (counts only order expansions; a rebuild
    // makes them exact again).
    for (const name of INDEXES) this.#indexes[name].remove(number)
    this.#ids.delete(number)
    this.#numbers.delete(id)
    this.#stamps.delete(id)
  }
}
