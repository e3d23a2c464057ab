import { INDEXES, type IndexBase, type IndexName, type IndexState } from './index-file'
import { BestSlots, MemoryPostings, RESOLUTION, slotsOf, type PostingVisitor } from './postings'
import { bestOf, lowerBound } from './sorted'

/**
 * Sorot's full-text index: per term, the documents it is in, each graded into a slot by BM25
 * (postings.ts), in three indexes: `all` (title, annotations and text, so any word may match in
 * any of them), `title` and `notes` (matches there weigh more). A base file (index-file.ts)
 * holds most documents on disk; documents added since live in memory until the next build.
 * Measured against FlexSearch held whole in memory (1,050 MB and 246 ms p95 at 100,000
 * articles) and SQLite FTS5 in WebAssembly (17 ms p95, 350 MB at 10,000).
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

/** How much a match in each index counts: the title most, then the reader's annotations. */
const WEIGHT: Record<IndexName, number> = { all: 1, title: 3, notes: 1.7 }

/** Query words still being typed match at most this many indexed terms each. */
const PREFIX_EXPANSIONS = 50

/** Per-document arrays a query fills and resets. */
interface Scratch {
  scores: Float64Array
  matched: Uint8Array
  best: BestSlots
  found: Int32Array
  candidates: Int32Array
}

/** The texts each index receives for a document. */
function textsOf(doc: DocumentTerms): string[] {
  const [title, body, notes] = doc.fields
  return [[title, notes, body].filter(Boolean).join(' '), title, notes]
}

/** The full-text index of one library, kept up to date document by document. */
export class SearchIndex {
  readonly #base: IndexBase | null
  readonly #memory = INDEXES.map(() => new MemoryPostings())
  /** Document number → article id and stamp, and back. */
  readonly #ids = new Map<number, string>()
  readonly #numbers = new Map<string, number>()
  readonly #stamps = new Map<string, string>()
  /** Documents removed or replaced: their postings stay until the next build, unread. */
  readonly #dead = new Set<number>()
  #next = 1
  /** Terms in memory and not in the base, sorted (prefixes expand to ranges of them). */
  #terms: string[] = []
  #unsorted: string[] = []
  /** Documents added since the base, and base documents removed since (the changes to save). */
  readonly #added = new Map<string, DocumentTerms>()
  readonly #removed = new Set<string>()

  /** An empty index, or one over a base file. */
  constructor(base?: IndexBase) {
    this.#base = base ?? null
    if (!base) return
    for (const [number, id, stamp] of base.takeDocuments()) {
      if (!Number.isInteger(number) || typeof id !== 'string' || typeof stamp !== 'string')
        throw new Error('has a damaged document table')
      this.#ids.set(number, id)
      this.#numbers.set(id, number)
      this.#stamps.set(id, stamp)
      if (number >= this.#next) this.#next = number + 1
    }
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

  /** The stamp of a document as indexed (no copy of them all: 100,000 in a large library). */
  stampOf(id: string): string | undefined {
    return this.#stamps.get(id)
  }

  /** The ids of the documents indexed. */
  ids(): IterableIterator<string> {
    return this.#numbers.keys()
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

  #scratch: Scratch | null = null

  /** Closes the base file (its postings can no longer be read). */
  close(): void {
    this.#base?.close()
  }

  /**
   * The best `limit` documents for `words`: every word must match somewhere in the document
   * (`all`), or any word. A document scores by its slot in `all` averaged over the words, plus,
   * for each word found in its title or annotations, that index's slot weighted (a title match
   * counts three times a match in the text). Ties go to the newer document.
   */
  search(words: readonly MatchWord[], all: boolean, limit: number): ScoredDocument[] {
    if (words.length === 0 || this.#numbers.size === 0 || limit < 1) return []
    const alternatives = words.map((word) => this.#alternatives(word))
    const scratch = this.#scratchFor(this.#next)
    const { scores, matched, best, found, candidates } = scratch
    const weight = (name: IndexName): number => WEIGHT[name] / words.length / RESOLUTION
    let foundCount = 0
    try {
      const text = weight('all')
      for (const terms of alternatives) {
        this.#bestSlots(0, terms, best)
        for (let i = 0; i < best.count; i++) {
          const doc = best.docs[i]
          if (matched[doc] === 0) found[foundCount++] = doc
          matched[doc] += 1
          scores[doc] += text * (RESOLUTION - best.slots[doc])
        }
      }
      const needed = all ? words.length : 1
      let count = 0
      for (let i = 0; i < foundCount; i++)
        if (matched[found[i]] >= needed) candidates[count++] = found[i]
      if (count === 0) return []
      // Title and annotation matches count only for documents the words matched.
      for (const index of [1, 2]) {
        const bonus = weight(INDEXES[index])
        for (const terms of alternatives) {
          this.#bestSlots(index, terms, best)
          for (let i = 0; i < best.count; i++) {
            const doc = best.docs[i]
            if (matched[doc] >= needed) scores[doc] += bonus * (RESOLUTION - best.slots[doc])
          }
        }
      }
      return bestOf(candidates, count, scores, limit).flatMap((number) => {
        const id = this.#ids.get(number)
        return id ? [{ id, score: scores[number] }] : []
      })
    } finally {
      // Scratch space is reset where it was used, not allocated per query (100,000 documents).
      for (let i = 0; i < foundCount; i++) {
        scores[found[i]] = 0
        matched[found[i]] = 0
      }
      best.clear()
    }
  }

  /** Per-document scratch space of queries, for `size` document numbers. */
  #scratchFor(size: number): Scratch {
    if (!this.#scratch || this.#scratch.scores.length < size) {
      const room = Math.ceil(size * 1.25) + 64
      this.#scratch = {
        scores: new Float64Array(room),
        matched: new Uint8Array(room),
        best: new BestSlots(room),
        found: new Int32Array(room),
        candidates: new Int32Array(room)
      }
    }
    return this.#scratch
  }

  /** What an index file is written from: the live documents and postings, base and memory. */
  state(): IndexState {
    const terms = new Set(this.#base?.terms ?? [])
    for (const term of this.#memory[0].terms()) terms.add(term)
    return {
      documents: [...this.#ids].map(([number, id]) => [number, id, this.#stamps.get(id) ?? '']),
      terms: [...terms].sort(),
      postings: (term, index, visit) => {
        const live: PostingVisitor = (doc, slot) => {
          if (!this.#dead.has(doc)) visit(doc, slot)
        }
        // Base documents are numbered below memory ones: each slot stays ascending.
        const at = this.#base?.find(term) ?? -1
        if (at >= 0) this.#base?.visit(at, index, live)
        this.#memory[index].visit(term, live)
      }
    }
  }

  /** `best` made the best slot of each live document with any of `terms` in INDEXES[index]. */
  #bestSlots(index: number, terms: readonly string[], best: BestSlots): void {
    best.clear()
    for (const term of terms) {
      const at = this.#base?.find(term) ?? -1
      if (at >= 0) this.#base?.merge(at, index, best, this.#dead)
      this.#memory[index].merge(term, best, this.#dead)
    }
  }

  /** The terms a query word matches: its own, and those its prefix terms start, commonest first. */
  #alternatives(word: MatchWord): string[] {
    const terms = new Set(word.terms)
    const base = this.#base
    for (const prefix of word.prefix) {
      terms.add(prefix)
      const started = new Map<string, number>()
      for (const sorted of [base?.terms ?? [], this.#terms])
        for (let i = lowerBound(sorted, prefix); i < sorted.length; i++) {
          if (!sorted[i].startsWith(prefix)) break
          started.set(sorted[i], 0)
        }
      for (const term of started.keys()) {
        const at = base?.find(term) ?? -1
        started.set(term, (at >= 0 ? (base?.count(at) ?? 0) : 0) + this.#memory[0].count(term))
      }
      const commonest = [...started].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      for (const [term] of commonest.slice(0, PREFIX_EXPANSIONS)) terms.add(term)
    }
    return [...terms]
  }

  #put(doc: DocumentTerms, many = false): void {
    if (doc.fields.length !== FIELD_COUNT) throw new Error('a document has the wrong fields')
    if (this.#numbers.has(doc.id)) this.#delete(doc.id)
    const number = this.#next++
    textsOf(doc).forEach((text, index) => {
      if (!text) return
      const added = this.#memory[index].add(number, slotsOf(text))
      // Terms new to the index join the vocabulary prefixes expand to.
      if (index === 0)
        for (const term of added) {
          if ((this.#base?.find(term) ?? -1) >= 0) continue
          if (many) this.#unsorted.push(term)
          else this.#terms.splice(lowerBound(this.#terms, term), 0, term)
        }
    })
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
    this.#dead.add(number)
    this.#ids.delete(number)
    this.#numbers.delete(id)
    this.#stamps.delete(id)
  }
}
