import { createHash, randomUUID } from 'node:crypto'
import type { ArticleMeta, ImportOutcome, SorotEvent } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import { canonicalText, countWords } from '../../../shared/text'
import { decodeBytes, normalizeText } from '../import/decode'
import { extractArticle, formatOf } from '../import/extract'
import type { LibraryStore } from '../store/library-store'
import { SCHEMA_VERSION } from '../store/schemas'

/** One thing to import: raw bytes with a file name, or text (pasted or from stdin). */
export type ImportItem = { name: string; bytes: Uint8Array } | { name?: string; text: string }

const INDEX_BATCH = 200

const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex')

/**
 * Imports each item in turn. A bad item is reported as `failed` and the batch goes on; an
 * item whose text is already in the library is a `duplicate` and writes nothing. Article
 * files are written before the index points at them, so a failure never leaves a dangling
 * entry.
 */
export async function importItems(
  store: LibraryStore,
  items: ImportItem[],
  emit: (event: SorotEvent) => void
): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = []
  const known = new Map<string, ArticleMeta>()
  for (const meta of store.index.data.articles)
    if (!meta.deletedAt) known.set(meta.contentHash, meta)
  let pending: ArticleMeta[] = []

  const commit = async (): Promise<void> => {
    if (pending.length === 0) return
    const batch = pending
    pending = []
    await store.index.update((index) => index.articles.push(...batch))
  }

  for (const [i, item] of items.entries()) {
    const input = item.name ?? (items.length > 1 ? `text ${i + 1}` : 'text')
    emit({ type: 'import.progress', done: i, total: items.length, current: input })
    try {
      const text = 'bytes' in item ? decodeBytes(item.bytes, input) : normalizeText(item.text)
      const draft = extractArticle(text, input, formatOf(item.name))
      const contentHash = hashOf(canonicalText(draft.blocks))
      const existing = known.get(contentHash)
      if (existing) {
        outcomes.push({ input, status: 'duplicate', id: existing.id, title: existing.title })
        continue
      }
      const id = randomUUID()
      const now = new Date().toISOString()
      const articleFile = await store.articleFile(id)
      await articleFile.update((file) => {
        file.schemaVersion = SCHEMA_VERSION
        file.versions.push({
          version: 1,
          blocks: draft.blocks,
          removed: draft.removed,
          importedAt: now,
          contentHash
        })
      })
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
        sourceName: item.name ?? null
      }
      known.set(contentHash, meta)
      pending.push(meta)
      outcomes.push({ input, status: 'imported', id, title: meta.title })
      if (pending.length >= INDEX_BATCH) await commit()
    } catch (error) {
      const message = error instanceof SorotFailure ? error.message : `${input}: ${String(error)}`
      outcomes.push({ input, status: 'failed', error: message })
    }
  }
  try {
    await commit()
  } catch (error) {
    // The index could not be saved: the batch's articles are not in the library.
    for (const outcome of outcomes) {
      if (outcome.status === 'imported')
        Object.assign(outcome, { status: 'failed', error: String((error as Error).message) })
    }
  }
  emit({ type: 'import.progress', done: items.length, total: items.length, current: '' })
  if (outcomes.some((o) => o.status === 'imported')) emit({ type: 'library.changed' })
  return outcomes
}
