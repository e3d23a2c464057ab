import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FIELD_COUNT, type DocumentTerms, type IndexParts } from './compact-index'

/**
 * The search cache of DESIGN.md §3 (derived from the library, rebuilt when missing or stale),
 * as one binary file: a magic, a JSON header (version, fingerprint, ids, stamps, terms), then
 * the postings as little-endian typed arrays, each 4-byte aligned so they load as views on the
 * file's bytes without copying or parsing.
 */
export const SEARCH_INDEX_FILE = 'search-index.bin'

/** The JSON cache of earlier versions, removed when a binary cache is written. */
export const LEGACY_INDEX_FILE = 'search-index.json'

/** Bump when tokenising, fields or the layout change: an older cache is rebuilt, not trusted. */
export const SEARCH_SCHEMA_VERSION = 2

const MAGIC = 'SOROTIX\n'

export interface CacheHeader {
  schemaVersion: number
  /** fingerprintOf(stamps): equal fingerprints mean the cache indexes this very library. */
  fingerprint: string
  /** Annotation files changed after this moment are indexed again when the cache is loaded. */
  savedAt: number
  ids: string[]
  stamps: string[]
  terms: string[]
  /** Postings per field. */
  postings: number[]
}

const pad4 = (n: number): number => (n + 3) & ~3

/** The sections after the header, in order, as [array kind, element count]. */
function layout(terms: number, docs: number, postings: readonly number[]): Array<[4 | 2, number]> {
  const sections: Array<[4 | 2, number]> = []
  for (let f = 0; f < FIELD_COUNT; f++)
    sections.push([4, terms + 1], [4, postings[f]], [2, postings[f]], [4, docs])
  return sections
}

/** The cache file's bytes for an index. */
export function encodeCache(
  parts: IndexParts,
  meta: { fingerprint: string; savedAt: number }
): ArrayBuffer {
  const header: CacheHeader = {
    schemaVersion: SEARCH_SCHEMA_VERSION,
    fingerprint: meta.fingerprint,
    savedAt: meta.savedAt,
    ids: parts.ids,
    stamps: parts.stamps,
    terms: parts.terms,
    postings: parts.docs.map((d) => d.length)
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const arrays: Array<Uint32Array | Uint16Array> = []
  for (let f = 0; f < FIELD_COUNT; f++)
    arrays.push(parts.offsets[f], parts.docs[f], parts.tfs[f], parts.lengths[f])
  const start = pad4(MAGIC.length + 4 + json.length)
  const size = arrays.reduce((at, a) => pad4(at + a.byteLength), start)
  const buffer = new ArrayBuffer(size)
  const bytes = new Uint8Array(buffer)
  bytes.set(Buffer.from(MAGIC, 'latin1'), 0)
  new DataView(buffer).setUint32(MAGIC.length, json.length, true)
  bytes.set(json, MAGIC.length + 4)
  let at = start
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at)
    at = pad4(at + array.byteLength)
  }
  return buffer
}

/** The header of cache bytes; throws an Error saying what is wrong with them. */
function headerOf(bytes: Uint8Array): { header: CacheHeader; start: number } {
  if (
    bytes.length < MAGIC.length + 4 ||
    Buffer.from(bytes.subarray(0, 8)).toString('latin1') !== MAGIC
  )
    throw new Error('not a Sorot search index')
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true)
  if (MAGIC.length + 4 + length > bytes.length) throw new Error('cut short in its header')
  const header = JSON.parse(
    Buffer.from(bytes.buffer, bytes.byteOffset + MAGIC.length + 4, length).toString('utf8')
  ) as CacheHeader
  return { header, start: pad4(MAGIC.length + 4 + length) }
}

/**
 * Reads cache bytes into index arrays (views on `bytes`, which must not be changed after).
 * Throws an Error on a file from another version or a damaged one: lengths and offsets are
 * checked, so a damaged file cannot make a search read out of bounds.
 */
export function decodeCache(input: Uint8Array): { header: CacheHeader; parts: IndexParts } {
  if (os.endianness() !== 'LE') throw new Error('written on a little-endian machine')
  // Typed array views need 4-byte alignment; a pooled Buffer may not have it.
  const bytes = input.byteOffset % 4 === 0 ? input : new Uint8Array(input)
  const { header, start } = headerOf(bytes)
  if (header.schemaVersion !== SEARCH_SCHEMA_VERSION)
    throw new Error(`is from another version of the index (${String(header.schemaVersion)})`)
  const { ids, stamps, terms, postings } = header
  if (
    !Array.isArray(ids) ||
    !Array.isArray(stamps) ||
    !Array.isArray(terms) ||
    !Array.isArray(postings) ||
    stamps.length !== ids.length ||
    postings.length !== FIELD_COUNT
  )
    throw new Error('has a damaged header')
  const sections = layout(terms.length, ids.length, postings)
  const views: Array<Uint32Array | Uint16Array> = []
  let at = start
  for (const [kind, count] of sections) {
    if (!Number.isInteger(count) || count < 0 || at + kind * count > bytes.length)
      throw new Error('is cut short')
    const offset = bytes.byteOffset + at
    views.push(
      kind === 4
        ? new Uint32Array(bytes.buffer, offset, count)
        : new Uint16Array(bytes.buffer, offset, count)
    )
    at = pad4(at + kind * count)
  }
  const parts: IndexParts = { ids, stamps, terms, offsets: [], docs: [], tfs: [], lengths: [] }
  for (let f = 0; f < FIELD_COUNT; f++) {
    const [offsets, docs, tfs, lengths] = views.slice(4 * f, 4 * f + 4)
    parts.offsets.push(offsets as Uint32Array)
    parts.docs.push(docs as Uint32Array)
    parts.tfs.push(tfs as Uint16Array)
    parts.lengths.push(lengths as Uint32Array)
    const o = offsets as Uint32Array
    if (o[0] !== 0 || o[terms.length] !== postings[f]) throw new Error('has damaged postings')
    for (let t = 0; t < terms.length; t++)
      if (o[t] > o[t + 1]) throw new Error('has damaged postings')
    const numbers = docs as Uint32Array
    let highest = 0
    for (let i = 0; i < numbers.length; i++) if (numbers[i] > highest) highest = numbers[i]
    if (numbers.length > 0 && highest >= ids.length) throw new Error('has damaged postings')
  }
  return { header, parts }
}

/** The header of a cache file alone (tests, diagnostics); throws when it is not one. */
export async function readCacheHeader(file: string): Promise<CacheHeader> {
  return headerOf(await fs.readFile(file)).header
}

const TEMP_SUFFIX = '.writing'

/**
 * Writes the cache so that a crash leaves the old file or the new one, never a mix: temp file
 * beside it → fsync → rename (atomic-file.ts does the same for text; this one is binary).
 */
export async function writeCacheFile(file: string, bytes: ArrayBuffer): Promise<void> {
  const temp = `${path.join(path.dirname(file), '.' + path.basename(file))}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`
  try {
    const handle = await fs.open(temp, 'w', 0o600)
    try {
      await handle.writeFile(new Uint8Array(bytes))
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, file)
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
}

/** Removes temp files of cache writes a killed process left (older than ten minutes). */
export async function removeStaleCacheTemps(dir: string): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[])
  for (const name of names) {
    if (!name.startsWith(`.${SEARCH_INDEX_FILE}.`) || !name.endsWith(TEMP_SUFFIX)) continue
    const file = path.join(dir, name)
    const stat = await fs.stat(file).catch(() => null)
    if (stat && Date.now() - stat.mtimeMs > 600_000) await fs.rm(file, { force: true })
  }
}

/**
 * The changes made to the index since its base file was written (imports, edits, deletes), as
 * a small JSON file beside it: saving one import costs milliseconds, not a rewrite of the
 * whole index on the main thread. A rebuild in the worker folds them into a new base.
 */
export const SEARCH_UPDATES_FILE = 'search-index.updates.json'

interface UpdatesJson {
  schemaVersion: number
  /** baseKeyOf the base file these changes apply to. */
  base: string
  /** Annotation files changed after this moment are indexed again when loading. */
  checkedAt: number
  /** The mtime of each annotations file as indexed in `added` (not to be indexed again). */
  annotated: Record<string, number>
  removed: string[]
  added: Array<{
    id: string
    stamp: string
    fields: Array<Record<string, number>>
    lengths: number[]
  }>
}

/** What tells one base file from another. */
export const baseKeyOf = (header: Pick<CacheHeader, 'fingerprint' | 'savedAt'>): string =>
  `${header.fingerprint}@${header.savedAt}`

/** The updates file's text. */
export function encodeUpdates(
  base: string,
  checkedAt: number,
  changes: { removed: string[]; added: DocumentTerms[] },
  annotated: ReadonlyMap<string, number>
): string {
  const json: UpdatesJson = {
    schemaVersion: SEARCH_SCHEMA_VERSION,
    base,
    checkedAt,
    annotated: Object.fromEntries(
      changes.added.flatMap((doc) => {
        const mtime = annotated.get(doc.id)
        return mtime === undefined ? [] : [[doc.id, mtime] as const]
      })
    ),
    removed: changes.removed,
    added: changes.added.map((doc) => ({
      id: doc.id,
      stamp: doc.stamp,
      fields: doc.fields.map((field) => Object.fromEntries(field)),
      lengths: doc.lengths
    }))
  }
  return JSON.stringify(json)
}

/**
 * The changes of an updates file, or null when it belongs to another base or version or is
 * damaged (the library is then compared with the base alone, which finds the same articles).
 */
export function decodeUpdates(
  text: string,
  base: string
): {
  checkedAt: number
  annotated: Map<string, number>
  removed: string[]
  added: DocumentTerms[]
} | null {
  try {
    const json = JSON.parse(text) as UpdatesJson
    if (json.schemaVersion !== SEARCH_SCHEMA_VERSION || json.base !== base) return null
    if (!Array.isArray(json.removed) || !Array.isArray(json.added)) return null
    const added = json.added.map((doc) => {
      if (
        typeof doc.id !== 'string' ||
        typeof doc.stamp !== 'string' ||
        doc.fields.length !== FIELD_COUNT ||
        doc.lengths.length !== FIELD_COUNT
      )
        throw new Error('damaged document')
      return {
        id: doc.id,
        stamp: doc.stamp,
        fields: doc.fields.map(
          (field) =>
            new Map(Object.entries(field).filter(([, tf]) => Number.isInteger(tf) && tf > 0))
        ),
        lengths: doc.lengths.map(Number)
      }
    })
    const annotated = new Map(
      Object.entries(json.annotated ?? {}).filter(([, mtime]) => typeof mtime === 'number')
    )
    return {
      checkedAt: Number(json.checkedAt) || 0,
      annotated,
      removed: json.removed.map(String),
      added
    }
  } catch {
    return null
  }
}
