import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { FIELD_COUNT, type DocumentTerms } from './search-index'
import {
  SEARCH_INDEX_FILE,
  SEARCH_PARTIAL_FILE,
  SEARCH_SCHEMA_VERSION,
  type CacheHeader
} from './index-file'

/**
 * Writing the search cache (its layout is index-file.ts) and the updates file beside it: the
 * changes made since the cache was built.
 */
export {
  decodeCache,
  encodeCache,
  openCacheFile,
  readCacheHeader,
  SEARCH_INDEX_FILE,
  SEARCH_PARTIAL_FILE,
  SEARCH_SCHEMA_VERSION,
  type CacheHeader,
  type IndexState
} from './index-file'

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
