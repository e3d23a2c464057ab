/**
 * Postings: for one term in one index, the documents it is in, each in one of RESOLUTION slots
 * (0 the best match). In memory while a build or the changes since the base file gather, and
 * on disk as a compact list read on demand (index-file.ts).
 */

/** How finely a term's weight in a document is graded: a match lands in one of this many slots. */
export const RESOLUTION = 9

// BM25's term-frequency saturation and length normalisation, graded into slots.
const K1 = 1.2
const B = 0.75
const TYPICAL_LENGTH = 400
/** The first distinct terms (title, lead) score one slot better. */
const LEAD = 40

/**
 * A term that does not keep its text alive: V8 cuts a longer word out of a string as a view on
 * the whole string, so an index keyed by such views would hold every document's text.
 */
function ownString(term: string): string {
  return term.length < 13 ? term : (' ' + term).slice(1)
}

/**
 * Each distinct term of a text (terms separated by spaces) and its slot: BM25's saturated
 * frequency, normalised by the text's length, one slot better for a term of the opening.
 */
export function slotsOf(text: string): Map<string, number> {
  const terms = text.split(' ')
  const counts = new Map<string, number>()
  for (const term of terms) {
    if (!term) continue
    const count = counts.get(term)
    counts.set(count === undefined ? ownString(term) : term, (count ?? 0) + 1)
  }
  const lengthNorm = 1 - B + (B * terms.length) / TYPICAL_LENGTH
  const slots = new Map<string, number>()
  let at = 0
  for (const [term, tf] of counts) {
    const norm = (tf * (K1 + 1)) / (tf + K1 * lengthNorm)
    const slot = RESOLUTION - 1 - Math.floor((norm / (K1 + 1)) * RESOLUTION) - (at < LEAD ? 1 : 0)
    slots.set(term, Math.max(0, Math.min(RESOLUTION - 1, slot)))
    at += 1
  }
  return slots
}

/** Calls `visit` with each document and its slot of encoded postings. */
export type PostingVisitor = (doc: number, slot: number) => void

/** A growing list of one term's postings, `doc * 16 + slot`, in the order documents were added. */
class PostingList {
  data = new Uint32Array(4)
  length = 0

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Uint32Array(this.data.length * 2)
      grown.set(this.data)
      this.data = grown
    }
    this.data[this.length++] = value
  }
}

/** One index's postings in memory, by term. */
export class MemoryPostings {
  readonly #lists = new Map<string, PostingList>()

  /**
   * Adds document `doc` (higher than every document added before) with its terms' slots;
   * returns the terms new here.
   */
  add(doc: number, slots: ReadonlyMap<string, number>): string[] {
    const added: string[] = []
    for (const [term, slot] of slots) {
      let list = this.#lists.get(term)
      if (!list) {
        this.#lists.set(term, (list = new PostingList()))
        added.push(term)
      }
      list.push(doc * 16 + slot)
    }
    return added
  }

  /** How many documents were added with the term (removed ones too, until the next build). */
  count(term: string): number {
    return this.#lists.get(term)?.length ?? 0
  }

  has(term: string): boolean {
    return this.#lists.has(term)
  }

  terms(): IterableIterator<string> {
    return this.#lists.keys()
  }

  visit(term: string, visit: PostingVisitor): void {
    const list = this.#lists.get(term)
    if (!list) return
    for (let i = 0; i < list.length; i++) visit(list.data[i] >>> 4, list.data[i] & 15)
  }

  /** Merges the term's postings into `best`. */
  merge(term: string, best: BestSlots, dead: ReadonlySet<number>): void {
    const list = this.#lists.get(term)
    if (!list) return
    for (let i = 0; i < list.length; i++) best.keep(list.data[i] >>> 4, list.data[i] & 15, dead)
  }
}

/** No slot: the document does not have the term. */
export const NONE = 255

/** The best slot of each document for one query word (any of its terms), and those documents. */
export class BestSlots {
  readonly slots: Uint8Array
  /** The documents found, the first `count` of them. */
  readonly docs: Int32Array
  count = 0

  constructor(size: number) {
    this.slots = new Uint8Array(size).fill(NONE)
    this.docs = new Int32Array(size)
  }

  /** Empty again, in time proportional to what was found (not to the library). */
  clear(): void {
    for (let i = 0; i < this.count; i++) this.slots[this.docs[i]] = NONE
    this.count = 0
  }

  /** Records `slot` for `doc` unless it has a better one; a dead document is left out. */
  keep(doc: number, slot: number, dead: ReadonlySet<number>): void {
    const had = this.slots[doc]
    if (had === NONE) {
      if (dead.size > 0 && dead.has(doc)) return
      this.docs[this.count++] = doc
      this.slots[doc] = slot
    } else if (slot < had) this.slots[doc] = slot
  }
}

/** Appends `value` as a LEB128 variable-length number. */
function pushVarint(out: number[], value: number): void {
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80)
    value = Math.floor(value / 128)
  }
  out.push(value)
}

/**
 * Encodes the postings `fill` visits (ascending documents within each slot): per slot, best
 * first, the count and then the documents as gaps. No posting encodes as nothing.
 */
export function encodePostings(fill: (visit: PostingVisitor) => void): Uint8Array {
  const bySlot: number[][] = Array.from({ length: RESOLUTION }, () => [])
  let any = false
  fill((doc, slot) => {
    bySlot[slot].push(doc)
    any = true
  })
  if (!any) return new Uint8Array(0)
  const out: number[] = []
  for (const list of bySlot) {
    pushVarint(out, list.length)
    let previous = 0
    for (const doc of list) {
      pushVarint(out, doc - previous)
      previous = doc
    }
  }
  return Uint8Array.from(out)
}
/**
 * Merges encoded postings into `best`: decoding inlined, as a query at 100,000 articles reads
 * hundreds of thousands of postings. Throws on a damaged list.
 */
export function mergePostings(bytes: Uint8Array, best: BestSlots, dead: ReadonlySet<number>): void {
  const { slots, docs } = best
  const checkDead = dead.size > 0
  const end = bytes.length
  let at = 0
  for (let slot = 0; slot < RESOLUTION && end > 0; slot++) {
    let n = 0
    for (let shift = 1; ; shift *= 128) {
      if (at >= end) throw new Error('has damaged postings')
      const byte = bytes[at++]
      n += (byte & 0x7f) * shift
      if (byte < 0x80) break
    }
    let doc = 0
    for (; n > 0; n--) {
      let gap = 0
      for (let shift = 1; ; shift *= 128) {
        if (at >= end) throw new Error('has damaged postings')
        const byte = bytes[at++]
        gap += (byte & 0x7f) * shift
        if (byte < 0x80) break
      }
      doc += gap
      if (doc >= slots.length) throw new Error('has damaged postings')
      const had = slots[doc]
      if (had === NONE) {
        if (checkDead && dead.has(doc)) continue
        docs[best.count++] = doc
        slots[doc] = slot
      } else if (slot < had) slots[doc] = slot
    }
  }
  if (at !== end) throw new Error('has damaged postings')
}

/** Calls `visit` for every posting of encoded postings; throws on a damaged list. */
export function decodePostings(bytes: Uint8Array, visit: PostingVisitor): void {
  let at = 0
  const next = (): number => {
    let value = 0
    let scale = 1
    for (;;) {
      if (at >= bytes.length) throw new Error('has damaged postings')
      const byte = bytes[at++]
      value += (byte & 0x7f) * scale
      if (byte < 0x80) return value
      scale *= 128
    }
  }
  if (bytes.length === 0) return
  for (let slot = 0; slot < RESOLUTION; slot++) {
    let doc = 0
    for (let n = next(); n > 0; n--) {
      doc += next()
      visit(doc, slot)
    }
  }
  if (at !== bytes.length) throw new Error('has damaged postings')
}
