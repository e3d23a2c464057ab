import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { crc32 } from 'node:zlib'
import { FIELD_COUNT, type DocumentTerms, type IndexState } from './flex-index'

/**
 * The search cache of DESIGN.md §3 (derived from the library, rebuilt when missing or stale),
 * as one binary file: a magic, a JSON header (version, fingerprint, the payload's sections with
 * their lengths, its CRC-32), then the payload: UTF-8 sections — the document table, the
 * vocabulary, and each part of FlexSearch's export of each index, as it wrote them.
 */
export const SEARCH_INDEX_FILE = 'search-index.bin'

/** The checkpoint of a build under way, in the same layout; a stopped build resumes from it. */
export const SEARCH_PARTIAL_FILE = 'search-index.partial.bin'

/** Bump when tokenising, fields or the layout change: an older cache is rebuilt, not trusted. */
export const SEARCH_SCHEMA_VERSION = 3

const MAGIC = 'SOROTIX\n'

export interface CacheHeader {
  schemaVersion: number
  /** fingerprintOf(stamps): equal fingerprints mean the cache indexes this very library. */
  fingerprint: string
  /** Annotation files changed after this moment are indexed again when the cache is loaded. */
  savedAt: number
  /** The payload's sections in order, [name, length in bytes], and its CRC-32. */
  sections: Array<[string, number]>
  crc: number
}

const DOCUMENTS = 'documents'
const VOCABULARY = 'vocabulary'

/** The cache file's bytes for an index's state. */
export function encodeCache(
  state: IndexState,
  meta: { fingerprint: string; savedAt: number }
): ArrayBuffer {
  const parts: Array<[string, Buffer]> = [
    [DOCUMENTS, Buffer.from(JSON.stringify(state.documents), 'utf8')],
    [VOCABULARY, Buffer.from(JSON.stringify(state.vocabulary), 'utf8')]
  ]
  for (const [index, exported] of Object.entries(state.exports))
    for (const [key, data] of Object.entries(exported))
      parts.push([`${index}/${key}`, Buffer.from(data, 'utf8')])
  const payload = Buffer.concat(parts.map(([, bytes]) => bytes))
  const header: CacheHeader = {
    schemaVersion: SEARCH_SCHEMA_VERSION,
    fingerprint: meta.fingerprint,
    savedAt: meta.savedAt,
    sections: parts.map(([name, bytes]) => [name, bytes.length]),
    crc: crc32(payload)
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8')
  const start = MAGIC.length + 4 + json.length
  const buffer = new ArrayBuffer(start + payload.length)
  const bytes = new Uint8Array(buffer)
  bytes.set(Buffer.from(MAGIC, 'latin1'), 0)
  new DataView(buffer).setUint32(MAGIC.length, json.length, true)
  bytes.set(json, MAGIC.length + 4)
  bytes.set(payload, start)
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
  return { header, start: MAGIC.length + 4 + length }
}

/**
 * The header and index state of cache bytes. Throws an Error on a file from another version or
 * a damaged one: the payload must have the header's length and CRC-32.
 */
export function decodeCache(bytes: Uint8Array): { header: CacheHeader; state: IndexState } {
  const { header, start } = headerOf(bytes)
  if (header.schemaVersion !== SEARCH_SCHEMA_VERSION)
    throw new Error(`is from another version of the index (${String(header.schemaVersion)})`)
  const { sections } = header
  if (
    typeof header.fingerprint !== 'string' ||
    !Array.isArray(sections) ||
    !sections.every(([name, length]) => typeof name === 'string' && Number.isInteger(length))
  )
    throw new Error('has a damaged header')
  const size = sections.reduce((sum, [, length]) => sum + length, 0)
  if (bytes.length - start !== size) throw new Error('is cut short')
  const payload = bytes.subarray(start)
  if (crc32(payload) !== header.crc) throw new Error('has damaged contents')
  const text = new Map<string, string>()
  let at = 0
  for (const [name, length] of sections) {
    text.set(name, Buffer.from(payload.buffer, payload.byteOffset + at, length).toString('utf8'))
    at += length
  }
  const state: IndexState = {
    documents: JSON.parse(text.get(DOCUMENTS) ?? '[]') as IndexState['documents'],
    vocabulary: JSON.parse(text.get(VOCABULARY) ?? '[]') as IndexState['vocabulary'],
    exports: {}
  }
  for (const [name, data] of text) {
    const slash = name.indexOf('/')
    if (slash < 0) continue
    const index = name.slice(0, slash)
    ;(state.exports[index] ??= {})[name.slice(slash + 1)] = data
  }
  if (!Array.isArray(state.documents) || !Array.isArray(state.vocabulary))
    throw new Error('has a damaged header')
  return { header, state }
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
    const ours = [SEARCH_INDEX_FILE, SEARCH_PARTIAL_FILE].some((file) =>
      name.startsWith(`.${file}.`)
    )
    if (!ours || !name.endsWith(TEMP_SUFFIX)) continue
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
  added: DocumentTerms[]
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
    added: changes.added
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
        !Array.isArray(doc.fields) ||
        doc.fields.length !== FIELD_COUNT ||
        !doc.fields.every((field) => typeof field === 'string')
      )
        throw new Error('damaged document')
      return { id: doc.id, stamp: doc.stamp, fields: doc.fields }
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
