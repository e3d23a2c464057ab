import { countsOf } from '../../../shared/annotations'
import path from 'node:path'
import type { AnnotationCounts, ArticleMeta } from '../../../shared/model'
import { termsOfDocument } from './analyze'
import { encodeCache, SEARCH_INDEX_FILE, writeCacheFile } from './cache-file'
import { SearchIndex, type DocumentTerms } from './flex-index'
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

/** What a full build hands back: the cache file's bytes, and each article's annotation counts. */
export interface BuiltCache {
  /** Transferred, not copied, from the worker thread. */
  bytes: ArrayBuffer
  documents: number
  counts: Record<string, AnnotationCounts>
  milliseconds: number
}

/** Reads one article's newest blocks and its annotations straight from the data dir. */
async function readDocument(
  dataDir: string,
  meta: ArticleMeta,
  speakerTable: SpeakerNameTable
): Promise<{ document: SearchDocument; counts: AnnotationCounts } | null> {
  const blocks = (await peekNewestVersion(dataDir, meta.id))?.blocks
  if (!blocks) return null
  // A missing or unreadable file: the article is indexed without it (the store reports it).
  const annotations = (await peekAnnotationList(dataDir, meta.id)) ?? []
  return {
    document: documentOf(meta, blocks, annotations, namesFrom(speakerTable)),
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

/**
 * Indexes every live article of the data dir from its files (no store, no lowdb: this runs in
 * the search worker) and writes the cache. Files are read a few dozen at a time.
 */
export async function buildSearchCache(
  dataDir: string,
  speakerTable: SpeakerNameTable = new Map()
): Promise<BuiltCache> {
  const started = performance.now()
  // Annotation files changed from now on are indexed again when the cache is loaded.
  const savedAt = Date.now()
  const live = (await peekIndexArticles(dataDir)).filter((meta) => !meta.deletedAt)
  const index = new SearchIndex()
  const counts: Record<string, AnnotationCounts> = Object.create(null)
  const stamps = libraryStamps(live)
  const BATCH = 48
  for (let i = 0; i < live.length; i += BATCH) {
    const batch = live.slice(i, i + BATCH)
    const read = await Promise.all(batch.map((meta) => readDocument(dataDir, meta, speakerTable)))
    const docs: DocumentTerms[] = []
    read.forEach((entry, j) => {
      if (!entry) return
      const id = batch[j].id
      docs.push(termsOfDocument(entry.document, stamps.get(id) ?? ''))
      counts[id] = entry.counts
    })
    index.addAll(docs)
  }
  const bytes = cacheBytes(index, savedAt)
  const documents = index.size
  await saveCache(dataDir, bytes)
  return {
    bytes,
    documents,
    counts,
    milliseconds: Math.round(performance.now() - started)
  }
}
