import { countsOf } from '../../../shared/annotations'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { AnnotationCounts, ArticleMeta } from '../../../shared/model'
import { termsOfDocument } from './analyze'
import {
  decodeCache,
  encodeCache,
  SEARCH_INDEX_FILE,
  SEARCH_PARTIAL_FILE,
  writeCacheFile
} from './cache-file'
import { SearchIndex, type DocumentTerms } from './search-index'
import {
  documentOf,
  fingerprintOf,
  libraryStamps,
  namesFrom,
  type SearchDocument,
  type SpeakerNameTable
} from './documents'

import { peekAnnotationList, peekIndexArticles, peekNewestVersion } from '../store/peek'

export { SEARCH_INDEX_FILE } from './cache-file'

/** What a full build hands back (the cache file is written): each article's annotation counts. */
export interface BuiltCache {
  documents: number
  /** Documents taken from the checkpoint of an earlier build that was stopped, not read again. */
  resumed: number
  counts: Record<string, AnnotationCounts>
  milliseconds: number
}

export interface BuildCheckpoints {
  /** Documents indexed between checkpoints (default a fifth of the library, at least 2,000). */
  checkpointEvery?: number
}

const CHECKPOINT_MIN = 2000

/**
 * One article's annotations (for its counts) and, unless the checkpoint holds it already, its
 * newest blocks, straight from the data dir; null when its article file is gone.
 */
async function readDocument(
  dataDir: string,
  meta: ArticleMeta,
  speakerTable: SpeakerNameTable,
  indexed: boolean
): Promise<{ document: SearchDocument | null; counts: AnnotationCounts } | null> {
  const blocks = indexed ? null : (await peekNewestVersion(dataDir, meta.id))?.blocks
  if (!indexed && !blocks) return null
  // A missing or unreadable file: the article is indexed without it (the store reports it).
  const annotations = (await peekAnnotationList(dataDir, meta.id)) ?? []
  return {
    document: blocks ? documentOf(meta, blocks, annotations, namesFrom(speakerTable)) : null,
    counts: countsOf(annotations)
  }
}

/** The cache bytes of an index, stamped with the fingerprint of what it indexes. */
export function cacheBytes(index: SearchIndex, savedAt = Date.now()): ArrayBuffer {
  return encodeCache(index.state(), { fingerprint: fingerprintOf(index.stamps()), savedAt })
}

/** Writes cache bytes to the data dir. */
export async function saveCache(dataDir: string, bytes: ArrayBuffer): Promise<void> {
  await writeCacheFile(path.join(dataDir, SEARCH_INDEX_FILE), bytes)
}

/** The index a stopped build had checkpointed, and when that build started; null if none. */
async function readCheckpoint(
  file: string
): Promise<{ index: SearchIndex; savedAt: number } | null> {
  try {
    // Read whole (not left open): the next checkpoint is written over it.
    const base = decodeCache(await fs.readFile(file))
    return { index: new SearchIndex(base), savedAt: base.header.savedAt }
  } catch {
    return null
  }
}

/**
 * Indexes every live article of the data dir from its files (no store, no lowdb: this runs in
 * the search worker) and writes the cache. Files are read a few dozen at a time. Every so many
 * documents the index so far is checkpointed, and a build stopped part way (a killed app)
 * resumes from there: articles whose stamp is unchanged are not read and analysed again.
 */
export async function buildSearchCache(
  dataDir: string,
  speakerTable: SpeakerNameTable = new Map(),
  options: BuildCheckpoints = {}
): Promise<BuiltCache> {
  const started = performance.now()
  const partialFile = path.join(dataDir, SEARCH_PARTIAL_FILE)
  const checkpoint = await readCheckpoint(partialFile)
  // Annotation files changed after the (first) start are indexed again when the cache loads.
  const savedAt = checkpoint?.savedAt ?? Date.now()
  const live = (await peekIndexArticles(dataDir)).filter((meta) => !meta.deletedAt)
  const index = checkpoint?.index ?? new SearchIndex()
  const stamps = libraryStamps(live)
  const done = index.stamps()
  for (const id of done.keys()) if (!stamps.has(id)) index.remove(id)
  const every = options.checkpointEvery ?? Math.max(CHECKPOINT_MIN, Math.ceil(live.length / 5))
  const counts: Record<string, AnnotationCounts> = Object.create(null)
  let resumed = 0
  let sinceCheckpoint = 0
  const BATCH = 48
  for (let i = 0; i < live.length; i += BATCH) {
    const batch = live.slice(i, i + BATCH)
    const indexed = batch.map((meta) => done.get(meta.id) === stamps.get(meta.id))
    const read = await Promise.all(
      batch.map((meta, j) => readDocument(dataDir, meta, speakerTable, indexed[j]))
    )
    const docs: DocumentTerms[] = []
    read.forEach((entry, j) => {
      if (!entry) return
      const id = batch[j].id
      if (entry.document) docs.push(termsOfDocument(entry.document, stamps.get(id) ?? ''))
      else resumed += 1
      counts[id] = entry.counts
    })
    index.addAll(docs)
    sinceCheckpoint += docs.length
    if (sinceCheckpoint >= every && i + BATCH < live.length) {
      sinceCheckpoint = 0
      await writeCacheFile(partialFile, encodeCache(index.state(), { fingerprint: '', savedAt }))
    }
  }
  const bytes = cacheBytes(index, savedAt)
  const documents = index.size
  await saveCache(dataDir, bytes)
  await fs.rm(partialFile, { force: true })
  return {
    documents,
    resumed,
    counts,
    milliseconds: Math.round(performance.now() - started)
  }
}
