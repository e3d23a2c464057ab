import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { crc32 } from 'node:zlib'
import {
  decodePostings,
  encodePostings,
  mergePostings,
  type BestSlots,
  type PostingVisitor
} from './postings'
import { lowerBound } from './sorted'

/**
 * The search index file (DESIGN.md §3 search-index.bin, derived from the library and rebuilt
 * when missing or stale): a magic, a JSON header (version, fingerprint, sections with their
 * lengths, CRC-32s), then the sections — the document table, the sorted terms, a dictionary of
 * each term's document count and where its postings start in each index, and the postings of
 * each index. Loading reads all but the postings; a query reads the postings of its terms at
 * their offsets, so memory does not grow with the library's text.
 */
export const SEARCH_INDEX_FILE = 'search-index.bin'

/** The checkpoint of a build under way, in the same layout; a stopped build resumes from it. */
export const SEARCH_PARTIAL_FILE = 'search-index.partial.bin'

/** Bump when tokenising, fields or the layout change: an older cache is rebuilt, not trusted. */
export const SEARCH_SCHEMA_VERSION = 4

/** The indexes, in the order their postings are stored: every field, the title, annotations. */
export const INDEXES = ['all', 'title', 'notes'] as const
export type IndexName = (typeof INDEXES)[number]

const MAGIC = 'SOROTIX\n'
const DOCUMENTS = 'documents'
const TERMS = 'terms'
const DICTIONARY = 'dictionary'
/** Dictionary numbers per term: its document count, then where its postings start per index. */
const ROW = 1 + INDEXES.length

export interface CacheHeader {
  schemaVersion: number
  /** fingerprintOf(stamps): equal fingerprints mean the cache indexes this very library. */
  fingerprint: string
  /** Annotation files changed after this moment are indexed again when the cache is loaded. */
  savedAt: number
  /** The sections in order, [name, length in bytes]. */
  sections: Array<[string, number]>
  /** CRC-32 of the sections read at load (documents, terms, dictionary). */
  crc: number
  /** CRC-32 of the postings (checked when the whole file is decoded, not at load). */
  postingsCrc: number
}

/** What an index file is written from: its live documents and each term's live postings. */
export interface IndexState {
  /** [document number, article id, stamp]. */
  documents: Array<[number, string, string]>
  /** Every term, sorted. */
  terms: string[]
  /** Visits the postings of `term` in INDEXES[index] (ascending documents within each slot). */
  postings: (term: string, index: number, visit: PostingVisitor) => void
}

/** A growing byte buffer. */
class Bytes {
  data = new Uint8Array(1 << 16)
  length = 0

  push(bytes: Uint8Array): void {
    if (this.length + bytes.length > this.data.length) {
      const grown = new Uint8Array(Math.max(this.data.length * 2, this.length + bytes.length))
      grown.set(this.data.subarray(0, this.length))
      this.data = grown
    }
    this.data.set(bytes, this.length)
    this.length += bytes.length
  }

  get view(): Uint8Array {
    return this.data.subarray(0, this.length)
  }
}

/** The index file's bytes; terms without a live document are left out. */
export function encodeCache(
  state: IndexState,
  meta: { fingerprint: string; savedAt: number }
): ArrayBuffer {
  const postings = INDEXES.map(() => new Bytes())
  const kept: string[] = []
  const rows: number[] = []
  for (const term of state.terms) {
    let count = 0
    const counted: PostingVisitor = () => (count += 1)
    const encoded = INDEXES.map((_, index) =>
      encodePostings((visit) =>
        state.postings(
          term,
          index,
          index > 0
            ? visit
            : (doc, slot) => {
                counted(doc, slot)
                visit(doc, slot)
              }
        )
      )
    )
    if (count === 0) continue
    kept.push(term)
    rows.push(count, ...postings.map((bytes) => bytes.length))
    encoded.forEach((bytes, index) => postings[index].push(bytes))
  }
  rows.push(0, ...postings.map((bytes) => bytes.length))
  const dictionary = new Uint8Array(Uint32Array.from(rows).buffer)
  const loaded = [
    Buffer.from(JSON.stringify(state.documents), 'utf8'),
    Buffer.from(kept.join('\n'), 'utf8'),
    dictionary
  ]
  const stored = postings.map((bytes) => bytes.view)
  const header: CacheHeader = {
    schemaVersion: SEARCH_SCHEMA_VERSION,
    fingerprint: meta.fingerprint,
    savedAt: meta.savedAt,
    sections: [
      [DOCUMENTS, loaded[0].length],
      [TERMS, loaded[1].length],
      [DICTIONARY, loaded[2].length],
      ...INDEXES.map((name, i): [string, number] => [`postings/${name}`, stored[i].length])
    ],
    crc: crc32(Buffer.concat(loaded)),
    postingsCrc: stored.reduce((crc, bytes) => crc32(bytes, crc), 0)
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const start = MAGIC.length + 4 + json.length
  const buffer = new ArrayBuffer(start + header.sections.reduce((sum, [, n]) => sum + n, 0))
  const bytes = new Uint8Array(buffer)
  bytes.set(Buffer.from(MAGIC, 'latin1'), 0)
  new DataView(buffer).setUint32(MAGIC.length, json.length, true)
  bytes.set(json, MAGIC.length + 4)
  let at = start
  for (const section of [...loaded, ...stored]) {
    bytes.set(section, at)
    at += section.length
  }
  return buffer
}

/** Reads `length` bytes at `position` of an index file (or of its bytes in memory). */
type Reader = (position: number, length: number) => Uint8Array

/** The header of an index file; throws an Error saying what is wrong with it. */
function headerOf(read: Reader, size: number): { header: CacheHeader; start: number } {
  const head = size >= MAGIC.length + 4 ? read(0, MAGIC.length + 4) : new Uint8Array(0)
  if (
    head.length < MAGIC.length + 4 ||
    Buffer.from(head.subarray(0, 8)).toString('latin1') !== MAGIC
  )
    throw new Error('not a Sorot search index')
  const length = new DataView(head.buffer, head.byteOffset).getUint32(MAGIC.length, true)
  if (MAGIC.length + 4 + length > size) throw new Error('cut short in its header')
  const header = JSON.parse(
    Buffer.from(read(MAGIC.length + 4, length)).toString('utf8')
  ) as CacheHeader
  return { header, start: MAGIC.length + 4 + length }
}

/**
 * A loaded index file: documents, terms and dictionary in memory, postings read on demand.
 * Throws an Error on a file from another version or a damaged one.
 */
export class IndexBase {
  readonly header: CacheHeader
  /** Sorted. */
  readonly terms: string[]
  #documents: Array<[number, string, string]>
  readonly #table: Uint32Array
  /** Where each index's postings start in the file. */
  readonly #starts: number[] = []
  readonly #read: Reader
  readonly #close: () => void

  constructor(read: Reader, size: number, close: () => void = () => undefined, whole = false) {
    this.#read = read
    this.#close = close
    const { header, start } = headerOf(read, size)
    this.header = header
    if (header.schemaVersion !== SEARCH_SCHEMA_VERSION)
      throw new Error(`is from another version of the index (${String(header.schemaVersion)})`)
    const { sections } = header
    const names = [DOCUMENTS, TERMS, DICTIONARY, ...INDEXES.map((name) => `postings/${name}`)]
    if (
      typeof header.fingerprint !== 'string' ||
      !Array.isArray(sections) ||
      sections.length !== names.length ||
      !sections.every(([name, length], i) => name === names[i] && Number.isInteger(length))
    )
      throw new Error('has a damaged header')
    if (size - start !== sections.reduce((sum, [, length]) => sum + length, 0))
      throw new Error('is cut short')
    const loadedLength = sections[0][1] + sections[1][1] + sections[2][1]
    const loaded = read(start, loadedLength)
    if (crc32(loaded) !== header.crc) throw new Error('has damaged contents')
    let at = start + loadedLength
    for (const [, length] of sections.slice(3)) {
      this.#starts.push(at)
      at += length
    }
    if (whole && crc32(read(this.#starts[0], at - this.#starts[0])) !== header.postingsCrc)
      throw new Error('has damaged contents')
    const text = (from: number, length: number): string =>
      Buffer.from(loaded.buffer, loaded.byteOffset + from, length).toString('utf8')
    this.#documents = JSON.parse(text(0, sections[0][1])) as Array<[number, string, string]>
    this.terms = sections[1][1] > 0 ? text(sections[0][1], sections[1][1]).split('\n') : []
    this.#table = new Uint32Array(sections[2][1] / 4)
    new Uint8Array(this.#table.buffer).set(loaded.subarray(sections[0][1] + sections[1][1]))
    if (!Array.isArray(this.#documents) || this.#table.length !== (this.terms.length + 1) * ROW)
      throw new Error('has a damaged header')
  }

  /** The document table, handed over once (the index keeps its own maps of it). */
  takeDocuments(): Array<[number, string, string]> {
    const documents = this.#documents
    this.#documents = []
    return documents
  }

  /** The term's place in `terms`, or -1. */
  find(term: string): number {
    const at = lowerBound(this.terms, term)
    return this.terms[at] === term ? at : -1
  }

  /** How many documents the term at `at` is in. */
  count(at: number): number {
    return this.#table[at * ROW]
  }

  /** Visits the postings of the term at `at` in INDEXES[index]. */
  visit(at: number, index: number, visit: PostingVisitor): void {
    const from = this.#table[at * ROW + 1 + index]
    const to = this.#table[(at + 1) * ROW + 1 + index]
    if (to <= from) return
    decodePostings(this.#read(this.#starts[index] + from, to - from), visit)
  }

  /** Merges the postings of the term at `at` in INDEXES[index] into a query word's `best`. */
  merge(at: number, index: number, best: BestSlots, dead: ReadonlySet<number>): void {
    const from = this.#table[at * ROW + 1 + index]
    const to = this.#table[(at + 1) * ROW + 1 + index]
    if (to > from) mergePostings(this.#read(this.#starts[index] + from, to - from), best, dead)
  }

  close(): void {
    this.#close()
  }
}

/** An index held whole in memory as bytes (tests, a checkpoint); checks every CRC. */
export function decodeCache(bytes: Uint8Array): IndexBase {
  return new IndexBase(
    (position, length) => bytes.subarray(position, Math.min(bytes.length, position + length)),
    bytes.length,
    undefined,
    true
  )
}

/** An index file, opened for reading its postings on demand; close() it when done. */
export function openCacheFile(file: string): IndexBase {
  const fd = openSync(file, 'r')
  try {
    const read: Reader = (position, length) => {
      const buffer = Buffer.allocUnsafe(length)
      const got = readSync(fd, buffer, 0, length, position)
      return got === length ? buffer : buffer.subarray(0, got)
    }
    return new IndexBase(read, fstatSync(fd).size, () => closeSync(fd))
  } catch (error) {
    closeSync(fd)
    throw error
  }
}

/** The header of a cache file alone (tests, diagnostics); throws when it is not one. */
export async function readCacheHeader(file: string): Promise<CacheHeader> {
  await Promise.resolve()
  const base = openCacheFile(file)
  base.close()
  return base.header
}
