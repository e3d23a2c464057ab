/**
 * Sorot's full-text index: an inverted index whose postings are typed arrays (document numbers
 * and term frequencies per field), loaded from and saved to one binary cache file.
 *
 * Why not MiniSearch (the index before this one): on 10,000 articles of 600 words it keeps ~3.5
 * million postings as nested Maps — even with one field of ready-made stems, 4.7 s to load from
 * JSON, ~30 ms to score one common term, ~780 MB resident while built. Flat arrays load in
 * milliseconds (views on the file's bytes), score a term in well under 1 ms and take ~6 bytes a
 * posting.
 *
 * The index is one immutable base (as loaded or built) plus a small overlay of the documents
 * indexed since; a changed document is removed (its number marked dead) and added again under a
 * new number, so postings stay sorted by number. The overlay is saved as a short list of
 * changes beside the base (service.ts); a rebuild in the worker makes a new base.
 */

/**
 * The fields, in this order: title, body text, and the reader's annotations (highlights, notes
 * and speakers folded into one: they are short, and a field costs a set of arrays).
 */
export const FIELD_COUNT = 3
/** A title match counts most, then an annotation, then the body text. */
export const FIELD_BOOST = [3, 1, 1.7]

/** One document as its terms: per field, each term with how often it occurs, and the length. */
export interface DocumentTerms {
  id: string
  /** What the document depends on in index.json (documents.ts stampOf). */
  stamp: string
  fields: Array<Map<string, number>>
  lengths: number[]
}

/** A term of a query word and its weight (1 for the word itself, less for a prefix expansion). */
export interface WeightedTerm {
  term: string
  weight: number
}

export interface ScoredDocument {
  id: string
  score: number
}

/** The flat form of an index: what the cache file holds and what a build produces. */
export interface IndexParts {
  ids: string[]
  stamps: string[]
  /** Sorted, so a prefix is a range. */
  terms: string[]
  /** Per field: postings of term t are offsets[t] … offsets[t + 1] - 1. */
  offsets: Uint32Array[]
  docs: Uint32Array[]
  tfs: Uint16Array[]
  /** Per field: each document's length in words. */
  lengths: Uint32Array[]
}

// BM25+ with MiniSearch's constants (the index before this one), so rankings stay as they were.
const K1 = 1.2
const B = 0.7
const DELTA = 0.5

/** Growable typed array helpers: the doc table grows by one document at a time. */
function grown<T extends Uint32Array | Uint8Array>(array: T, need: number): T {
  if (need <= array.length) return array
  const next = new (array.constructor as new (n: number) => T)(Math.max(need, array.length * 2, 16))
  next.set(array)
  return next
}

/** The first index in sorted `terms` whose term is ≥ `value`. */
function lowerBound(terms: readonly string[], value: string): number {
  let lo = 0
  let hi = terms.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (terms[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The full-text index of one library, kept up to date document by document. */
export class SearchIndex {
  #base: IndexParts
  readonly #baseTerm = new Map<string, number>()
  /** Document number → article id ('' once dead). */
  #ids: string[]
  #stamps: string[]
  #alive: Uint8Array
  #lengths: Uint32Array[]
  readonly #number = new Map<string, number>()
  #liveCount = 0
  readonly #lengthSum: number[] = new Array<number>(FIELD_COUNT).fill(0)
  /** Postings of documents added since the base: term → per field [doc, tf, doc, tf, …]. */
  readonly #overlay = new Map<string, number[][]>()
  /** Overlay terms the base does not have, sorted (prefix search). */
  readonly #newTerms: string[] = []
  /** Documents added since the base, and base documents removed since (the changes to save). */
  readonly #added = new Map<string, DocumentTerms>()
  readonly #removedFromBase = new Set<string>()

  constructor(parts: IndexParts) {
    this.#base = parts
    parts.terms.forEach((term, i) => this.#baseTerm.set(term, i))
    this.#ids = [...parts.ids]
    this.#stamps = [...parts.stamps]
    const count = parts.ids.length
    this.#alive = new Uint8Array(Math.max(16, count)).fill(1, 0, count)
    this.#lengths = parts.lengths.map((l) => {
      const copy = new Uint32Array(Math.max(16, count))
      copy.set(l)
      return copy
    })
    for (let n = 0; n < count; n++) this.#number.set(parts.ids[n], n)
    this.#liveCount = count
    for (let f = 0; f < FIELD_COUNT; f++)
      for (let n = 0; n < count; n++) this.#lengthSum[f] += parts.lengths[f][n]
  }

  /** An empty index. */
  static empty(): SearchIndex {
    return new SearchIndex(new IndexBuilder().finish())
  }

  /** How many documents are indexed. */
  get size(): number {
    return this.#liveCount
  }

  has(id: string): boolean {
    return this.#number.has(id)
  }

  /** How many documents differ from the base: many mean the base is worth building again. */
  get changeCount(): number {
    return this.#added.size + this.#removedFromBase.size
  }

  /** What changed since the base: replaying it on the base gives this index. */
  changes(): { removed: string[]; added: DocumentTerms[] } {
    return { removed: [...this.#removedFromBase], added: [...this.#added.values()] }
  }

  /** Each indexed article's stamp, by id. */
  stamps(): Map<string, string> {
    const stamps = new Map<string, string>()
    for (const [id, n] of this.#number) stamps.set(id, this.#stamps[n])
    return stamps
  }

  /** Indexes a document, replacing what was indexed under its id. */
  add(doc: DocumentTerms): void {
    this.remove(doc.id)
    const n = this.#ids.length
    this.#ids.push(doc.id)
    this.#stamps.push(doc.stamp)
    this.#alive = grown(this.#alive, n + 1)
    this.#alive[n] = 1
    this.#number.set(doc.id, n)
    this.#added.set(doc.id, doc)
    this.#liveCount += 1
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.#lengths[f] = grown(this.#lengths[f], n + 1)
      this.#lengths[f][n] = doc.lengths[f]
      this.#lengthSum[f] += doc.lengths[f]
      for (const [term, tf] of doc.fields[f]) {
        let postings = this.#overlay.get(term)
        if (!postings) {
          postings = Array.from({ length: FIELD_COUNT }, () => [])
          this.#overlay.set(term, postings)
          if (!this.#baseTerm.has(term))
            this.#newTerms.splice(lowerBound(this.#newTerms, term), 0, term)
        }
        postings[f].push(n, Math.min(tf, 0xffff))
      }
    }
  }

  /** Forgets a document (its postings stay, marked dead, until the next base). */
  remove(id: string): void {
    const n = this.#number.get(id)
    if (n === undefined) return
    this.#number.delete(id)
    if (n < this.#base.ids.length) this.#removedFromBase.add(id)
    else this.#added.delete(id)
    this.#alive[n] = 0
    this.#ids[n] = ''
    this.#liveCount -= 1
    for (let f = 0; f < FIELD_COUNT; f++) this.#lengthSum[f] -= this.#lengths[f][n]
  }

  /** Indexed terms starting with `prefix`, those in most documents first, at most `cap`. */
  expandPrefix(prefix: string, cap: number): string[] {
    const found: Array<{ term: string; df: number }> = []
    for (const terms of [this.#base.terms, this.#newTerms])
      for (let i = lowerBound(terms, prefix); i < terms.length; i++) {
        const term = terms[i]
        if (!term.startsWith(prefix)) break
        found.push({ term, df: this.#documentFrequency(term) })
      }
    found.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1))
    return found.slice(0, cap).map((f) => f.term)
  }

  #documentFrequency(term: string): number {
    let df = 0
    const t = this.#baseTerm.get(term)
    const overlay = this.#overlay.get(term)
    for (let f = 0; f < FIELD_COUNT; f++) {
      if (t !== undefined)
        df = Math.max(df, this.#base.offsets[f][t + 1] - this.#base.offsets[f][t])
      if (overlay) df = Math.max(df, overlay[f].length / 2)
    }
    return df
  }

  /**
   * The best `limit` documents for a query: each word is any of its terms; with `all`, a
   * document must match every word, else any. BM25+ over the fields, boosted per field.
   */
  search(
    words: ReadonlyArray<readonly WeightedTerm[]>,
    all: boolean,
    limit: number
  ): ScoredDocument[] {
    const count = this.#ids.length
    if (words.length === 0 || this.#liveCount === 0 || limit < 1) return []
    const scratch = this.#scratchFor(count)
    words.forEach((terms, w) => {
      for (const { term, weight } of terms) this.#score(term, weight, w, scratch)
    })
    const { scores, hits, seen, touched } = scratch
    const alive = this.#alive
    const need = all ? words.length : 1
    const top = new TopDocuments(limit)
    for (let i = 0; i < scratch.touchedCount; i++) {
      const n = touched[i]
      if (alive[n] === 1 && hits[n] >= need) top.offer(n, scores[n])
      // Left clean for the next search.
      scores[n] = 0
      hits[n] = 0
      seen[n] = -1
    }
    scratch.touchedCount = 0
    return top.best().map((n) => ({ id: this.#ids[n], score: top.scoreOf(n) }))
  }

  /** Per-document accumulators, kept between searches: 10,000 documents, 3 arrays, no garbage. */
  #scratch: Scratch | null = null

  #scratchFor(count: number): Scratch {
    if (!this.#scratch || this.#scratch.scores.length < count) {
      const size = Math.max(count, 1024) * 2
      this.#scratch = {
        scores: new Float64Array(size),
        hits: new Uint16Array(size),
        seen: new Int32Array(size).fill(-1),
        touched: new Int32Array(size),
        touchedCount: 0
      }
    }
    return this.#scratch
  }

  #score(term: string, weight: number, word: number, scratch: Scratch): void {
    const t = this.#baseTerm.get(term)
    const overlay = this.#overlay.get(term)
    if (t === undefined && !overlay) return
    const total = this.#liveCount
    for (let f = 0; f < FIELD_COUNT; f++) {
      const { offsets, docs, tfs } = this.#base
      const from = t === undefined ? 0 : offsets[f][t]
      const to = t === undefined ? 0 : offsets[f][t + 1]
      const extra = overlay ? overlay[f] : null
      // Postings of dead documents count until the next base: never more than exist.
      const df = Math.min(total, to - from + (extra ? extra.length / 2 : 0))
      if (df === 0) continue
      const field: FieldScoring = {
        boost: FIELD_BOOST[f] * weight * Math.log(1 + (total - df + 0.5) / (df + 0.5)),
        average: this.#lengthSum[f] / Math.max(1, total) || 1,
        lengths: this.#lengths[f],
        alive: this.#alive,
        word
      }
      if (to > from) scorePostings(field, docs[f], tfs[f], from, to, 1, scratch)
      if (extra && extra.length > 0) scorePostings(field, extra, extra, 0, extra.length, 2, scratch)
    }
  }
}

interface FieldScoring {
  /** Field boost × term weight × idf. */
  boost: number
  average: number
  lengths: Uint32Array
  alive: Uint8Array
  word: number
}

/**
 * Adds one field's BM25+ of one term to every document in its postings: `docs[i]` with
 * frequency `tfs[i + step - 1]`, for i from `from` to `to` by `step` (typed base arrays with
 * step 1, the overlay's [doc, tf, …] lists with step 2).
 */
function scorePostings(
  field: FieldScoring,
  docs: ArrayLike<number>,
  tfs: ArrayLike<number>,
  from: number,
  to: number,
  step: 1 | 2,
  scratch: Scratch
): void {
  const { boost, average, lengths, alive, word } = field
  const { scores, hits, seen, touched } = scratch
  const tfAt = step - 1
  for (let i = from; i < to; i += step) {
    const n = docs[i]
    if (alive[n] === 0) continue
    const tf = tfs[i + tfAt]
    const norm = K1 * (1 - B + (B * lengths[n]) / average)
    scores[n] += boost * (DELTA + (tf * (K1 + 1)) / (tf + norm))
    if (seen[n] !== word) {
      if (seen[n] === -1) touched[scratch.touchedCount++] = n
      seen[n] = word
      hits[n] += 1
    }
  }
}

interface Scratch {
  scores: Float64Array
  hits: Uint16Array
  /** The last word that matched each document (-1: none yet, so not in `touched`). */
  seen: Int32Array
  /** The documents some word matched, in touched[0 … touchedCount - 1]. */
  touched: Int32Array
  touchedCount: number
}

/** The `limit` best documents offered: a min-heap in typed arrays (higher score, then lower number). */
class TopDocuments {
  readonly #docs: Int32Array
  readonly #scores: Float64Array
  #size = 0
  readonly #found = new Map<number, number>()

  constructor(limit: number) {
    this.#docs = new Int32Array(limit)
    this.#scores = new Float64Array(limit)
  }

  #worse(i: number, j: number): boolean {
    const a = this.#scores[i]
    const b = this.#scores[j]
    return a < b || (a === b && this.#docs[i] > this.#docs[j])
  }

  #swap(i: number, j: number): void {
    const d = this.#docs[i]
    this.#docs[i] = this.#docs[j]
    this.#docs[j] = d
    const s = this.#scores[i]
    this.#scores[i] = this.#scores[j]
    this.#scores[j] = s
  }

  offer(n: number, score: number): void {
    const limit = this.#docs.length
    if (this.#size < limit) {
      let i = this.#size++
      this.#docs[i] = n
      this.#scores[i] = score
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (!this.#worse(i, parent)) break
        this.#swap(i, parent)
        i = parent
      }
      return
    }
    const least = this.#scores[0]
    if (score < least || (score === least && n > this.#docs[0])) return
    this.#docs[0] = n
    this.#scores[0] = score
    for (let i = 0; ;) {
      const l = 2 * i + 1
      const r = l + 1
      let m = i
      if (l < limit && this.#worse(l, m)) m = l
      if (r < limit && this.#worse(r, m)) m = r
      if (m === i) break
      this.#swap(i, m)
      i = m
    }
  }

  /** The documents kept, best first. */
  best(): number[] {
    const order: number[] = []
    for (let i = 0; i < this.#size; i++) {
      order.push(i)
      this.#found.set(this.#docs[i], this.#scores[i])
    }
    order.sort((i, j) => (this.#worse(i, j) ? 1 : this.#worse(j, i) ? -1 : 0))
    return order.map((i) => this.#docs[i])
  }

  scoreOf(n: number): number {
    return this.#found.get(n) ?? 0
  }
}

/**
 * Builds the flat arrays of a whole library, one document after the other (the search worker).
 * Postings are gathered as (term, doc, tf) runs in growing typed arrays and sorted by term once
 * at the end, so 3 million postings cost no 3 million objects.
 */
export class IndexBuilder {
  readonly #termNumber = new Map<string, number>()
  readonly #terms: string[] = []
  readonly #ids: string[] = []
  readonly #stamps: string[] = []
  #lengths: Uint32Array[] = Array.from({ length: FIELD_COUNT }, () => new Uint32Array(1024))
  #runs: Uint32Array[] = Array.from({ length: FIELD_COUNT }, () => new Uint32Array(3 * 4096))
  readonly #used: number[] = new Array<number>(FIELD_COUNT).fill(0)

  /** The number of a term, given on first sight. */
  termNumber(term: string): number {
    let t = this.#termNumber.get(term)
    if (t === undefined) {
      t = this.#terms.length
      this.#termNumber.set(term, t)
      this.#terms.push(term)
    }
    return t
  }

  /**
   * Adds the next document: per field, parallel lists of term numbers and their frequencies.
   */
  add(
    id: string,
    stamp: string,
    fields: ReadonlyArray<{ terms: ArrayLike<number>; tfs: ArrayLike<number>; count: number }>,
    lengths: readonly number[]
  ): void {
    const n = this.#ids.length
    this.#ids.push(id)
    this.#stamps.push(stamp)
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.#lengths[f] = grown(this.#lengths[f], n + 1)
      this.#lengths[f][n] = lengths[f]
      const { terms, tfs, count } = fields[f]
      this.#runs[f] = grown(this.#runs[f], this.#used[f] + 3 * count)
      const runs = this.#runs[f]
      let at = this.#used[f]
      for (let i = 0; i < count; i++) {
        runs[at++] = terms[i]
        runs[at++] = n
        runs[at++] = Math.min(tfs[i], 0xffff)
      }
      this.#used[f] = at
    }
  }

  /** Adds a document given as term maps (few documents, or tests). */
  addTerms(doc: DocumentTerms): void {
    this.add(
      doc.id,
      doc.stamp,
      doc.fields.map((field) => ({
        terms: [...field.keys()].map((term) => this.termNumber(term)),
        tfs: [...field.values()],
        count: field.size
      })),
      doc.lengths
    )
  }

  /** The flat arrays, terms sorted (the builder is used up). */
  finish(): IndexParts {
    const termCount = this.#terms.length
    const order = this.#terms
      .map((_, t) => t)
      .sort((a, b) => (this.#terms[a] < this.#terms[b] ? -1 : 1))
    const rank = new Uint32Array(termCount)
    order.forEach((t, r) => (rank[t] = r))
    const count = this.#ids.length
    const offsets: Uint32Array[] = []
    const docs: Uint32Array[] = []
    const tfs: Uint16Array[] = []
    for (let f = 0; f < FIELD_COUNT; f++) {
      const runs = this.#runs[f]
      const used = this.#used[f]
      const start = new Uint32Array(termCount + 1)
      for (let i = 0; i < used; i += 3) start[rank[runs[i]] + 1] += 1
      for (let r = 0; r < termCount; r++) start[r + 1] += start[r]
      const fill = start.slice(0, termCount)
      const fieldDocs = new Uint32Array(used / 3)
      const fieldTfs = new Uint16Array(used / 3)
      // Documents were added in order, so each term's postings come out sorted by number.
      for (let i = 0; i < used; i += 3) {
        const at = fill[rank[runs[i]]]++
        fieldDocs[at] = runs[i + 1]
        fieldTfs[at] = runs[i + 2]
      }
      offsets.push(start)
      docs.push(fieldDocs)
      tfs.push(fieldTfs)
    }
    this.#runs = []
    return {
      ids: this.#ids,
      stamps: this.#stamps,
      terms: order.map((t) => this.#terms[t]),
      offsets,
      docs,
      tfs,
      lengths: this.#lengths.map((l) => l.slice(0, count))
    }
  }
}
