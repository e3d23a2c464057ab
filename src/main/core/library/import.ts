import { randomUUID } from 'node:crypto'
import type {
  ArticleMeta,
  ArticleSource,
  ImportOutcome,
  SorotEvent,
  SourceFormat
} from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import { canonicalText, countWords } from '../../../shared/text'
import { decodeBytes, normalizeText } from '../import/decode'
import { extractArticleAndSource, formatOf, type ArticleDraft } from '../import/extract'
import type { LibraryStore } from '../store/library-store'
import { SCHEMA_VERSION } from '../store/schemas'
import { storedMeta } from '../store/relist'
import { addVersion, hashOf } from './versions'

/**
 * One thing to import: raw bytes with a file name, or text (pasted or from stdin). `format`
 * overrides the one the name implies (a fetched URL, pasted HTML); `url` is where it came from.
 */
export type ImportItem = ({ name: string; bytes: Uint8Array } | { name?: string; text: string }) & {
  format?: SourceFormat
  url?: string
}

export interface ImportOptions {
  /** Tags the progress events, so a window follows only its own import. */
  jobId?: string
  /** Asked before each item: once true, the rest of the batch is reported as cancelled. */
  isCancelled?: () => boolean
}

const INDEX_BATCH = 200

/** Decodes and extracts one item, keeping the decoded source beside the draft. */
function draftOf(item: ImportItem, input: string): { draft: ArticleDraft; source: ArticleSource } {
  const text = 'bytes' in item ? decodeBytes(item.bytes, input) : normalizeText(item.text)
  const format = item.format ?? formatOf(item.name)
  const { draft, stored } = extractArticleAndSource(text, input, format)
  if (!draft.url && item.url) draft.url = item.url
  return { draft, source: { name: item.name ?? null, format, text: stored } }
}

/**
 * Imports each item in turn. A bad item is reported as `failed` and the batch goes on; an
 * item whose text is already in the library is a `duplicate` and writes nothing; a changed
 * text of an article already there becomes its `new-version` and its annotations are
 * re-anchored. Article files are written before the index points at them, and a failed index
 * write takes them back out, so a failure never changes what was stored before.
 */
export async function importItems(
  store: LibraryStore,
  items: ImportItem[],
  emit: (event: SorotEvent) => void,
  options: ImportOptions = {}
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  const known = new Map<string, ArticleMeta>()
  for (const meta of store.index.data.articles)
    if (!meta.deletedAt) known.set(meta.contentHash, meta)
  let pending: ArticleMeta[] = []
  let pendingOutcomes: ImportOutcome[] = []

  const commit = async (): Promise<void> => {
    if (pending.length === 0) return
    const batch = pending
    const batchOutcomes = pendingOutcomes
    pending = []
    pendingOutcomes = []
    try {
      await store.index.update((index) => index.articles.push(...batch))
    } catch (error) {
      // The index could not be saved: the batch's articles are not in the library.
      for (const meta of batch) await store.discardArticle(meta.id)
      for (const outcome of batchOutcomes) {
        known.delete(batch.find((meta) => meta.id === outcome.id)?.contentHash ?? '')
        Object.assign(outcome, { status: 'failed', error: (error as Error).message, id: undefined })
      }
    }
  }

  const progress = (done: number, current: string): void =>
    emit({ type: 'import.progress', jobId: options.jobId, done, total: items.length, current })

  for (const [i, item] of items.entries()) {
    const input = item.name ?? (items.length > 1 ? `text ${i + 1}` : 'text')
    if (options.isCancelled?.()) {
      outcomes.push({ input, status: 'cancelled' })
      continue
    }
    progress(i, input)
    try {
      const { draft, source } = draftOf(item, input)
      const contentHash = hashOf(canonicalText(draft.blocks))
      const existing = known.get(contentHash)
      if (existing) {
        outcomes.push({ input, status: 'duplicate', id: existing.id, title: existing.title })
        continue
      }
      // Same article, other text: the same source URL, or the same title from the same outlet.
      const earlier = store.earlierArticle(draft)
      if (earlier) {
        await commit()
        await addVersion(store, earlier, draft, source, contentHash)
        known.delete(earlier.contentHash)
        known.set(contentHash, earlier)
        outcomes.push({ input, status: 'new-version', id: earlier.id, title: earlier.title })
        continue
      }
      const meta = await addArticle(store, draft, source, contentHash, item.name ?? null)
      known.set(contentHash, meta)
      pending.push(meta)
      const outcome: ImportOutcome = { input, status: 'imported', id: meta.id, title: meta.title }
      outcomes.push(outcome)
      pendingOutcomes.push(outcome)
      if (pending.length >= INDEX_BATCH) await commit()
    } catch (error) {
      const message = error instanceof SorotFailure ? error.message : `${input}: ${String(error)}`
      outcomes.push({ input, status: 'failed', error: message })
    }
  }
  await commit()
  progress(items.length, '')
  if (outcomes.some((o) => o.status === 'imported' || o.status === 'new-version'))
    emit({ type: 'library.changed' })
  return outcomes
}

/** Writes a new article's file (version 1) and returns its index record, not yet indexed. */
async function addArticle(
  store: LibraryStore,
  draft: ArticleDraft,
  source: ArticleSource,
  contentHash: string,
  sourceName: string | null
): Promise<ArticleMeta> {
  const id = randomUUID()
  const now = new Date().toISOString()
  const meta: ArticleMeta = {
    id,
    title: draft.title,
    outlet: draft.outlet,
    author: draft.author,
    url: draft.url,
    publishedAt: draft.publishedAt,
    language: draft.language,
    wordCount: countWords(canonicalText(draft.blocks)),
    importedAt: now,
    updatedAt: now,
    contentHash,
    versionCount: 1,
    sourceName,
    ...(draft.authors.length > 1 ? { authors: draft.authors } : {})
  }
  const articleFile = await store.articleFile(id)
  try {
    await articleFile.update((file) => {
      file.schemaVersion = SCHEMA_VERSION
      file.meta = storedMeta(meta)
      file.versions.push({
        version: 1,
        blocks: draft.blocks,
        removed: draft.removed,
        importedAt: now,
        contentHash,
        source
      })
    })
  } catch (error) {
    await store.discardArticle(id)
    throw error
  }
  return meta
}
