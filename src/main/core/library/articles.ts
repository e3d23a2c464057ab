import type {
  ArticleDetail,
  ArticleMeta,
  ArticleSummaries,
  ArticleSummary,
  Removal
} from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import { canonicalText } from '../../../shared/text'
import type { LibraryStore } from '../store/library-store'
import { addVersion, hashOf } from './versions'
import type { Emit } from '../events'

/** Articles in the library (not in the trash), newest import first. */
export function listArticles(store: LibraryStore): ArticleMeta[] {
  // Reversed first: articles of one batch can share their import time, and then the one added
  // last still comes first (the sort is stable).
  return store.index.data.articles
    .filter((article) => !article.deletedAt)
    .reverse()
    .sort((a, b) => b.importedAt.localeCompare(a.importedAt))
}

/** The summary of one index record: a copy, frozen with everything in it. */
function summaryOf(meta: ArticleMeta): ArticleSummary {
  const summary: ArticleSummary = {
    id: meta.id,
    title: meta.title,
    outlet: meta.outlet,
    publishedAt: meta.publishedAt,
    language: meta.language,
    wordCount: meta.wordCount,
    importedAt: meta.importedAt
  }
  if (meta.readingProgress !== undefined) summary.readingProgress = meta.readingProgress
  if (meta.tags) summary.tags = Object.freeze([...meta.tags]) as string[]
  if (meta.counts) summary.counts = Object.freeze({ ...meta.counts })
  return Object.freeze(summary)
}

const summaries = new WeakMap<LibraryStore, { revision: string; all: readonly ArticleSummary[] }>()

/** Every summary, built again only when the index records moved; deeply frozen. */
function allSummaries(store: LibraryStore): readonly ArticleSummary[] {
  const revision = store.indexRevision
  const cached = summaries.get(store)
  if (cached?.revision === revision) return cached.all
  const all = Object.freeze(listArticles(store).map(summaryOf))
  summaries.set(store, { revision, all })
  return all
}

/**
 * The library list as the library screen needs it: the articles of listArticles, in its order,
 * or only the first `limit` of them. The list is built once per change of the library, so the
 * first screenful and then the whole list cost one build.
 */
export function listArticleSummaries(store: LibraryStore, limit?: number): ArticleSummaries {
  const revision = store.listRevision
  const all = allSummaries(store)
  return {
    total: all.length,
    articles: limit === undefined ? all : all.slice(0, limit),
    revision
  }
}

/** One article with its newest version's blocks and canonical text. */
export async function getArticle(store: LibraryStore, id: string): Promise<ArticleDetail> {
  const meta = store.requireArticleMeta(id)
  const file = await store.articleFile(id)
  const latest = file.data.versions.at(-1)
  if (!latest) throw new SorotFailure('not_found', `Article ${id} has no stored text`)
  return {
    ...meta,
    version: latest.version,
    blocks: latest.blocks,
    removed: latest.removed,
    text: canonicalText(latest.blocks)
  }
}

/** Moves an article to the trash (soft delete); its files stay until the trash is emptied. */
export async function deleteArticle(
  store: LibraryStore,
  id: string,
  emit: Emit
): Promise<{ id: string; deletedAt: string }> {
  const meta = store.requireArticleMeta(id)
  const deletedAt = meta.deletedAt ?? new Date().toISOString()
  await store.index.update((index) => {
    const record = index.articles.find((article) => article.id === id)
    if (record) record.deletedAt = deletedAt
  })
  emit({ type: 'library.changed' })
  return { id, deletedAt }
}

export type ArticleChange = Partial<
  Pick<ArticleMeta, 'title' | 'outlet' | 'author' | 'url' | 'publishedAt' | 'language'>
>

/** Edits an article's metadata (title, outlet, author, URL, date, language). */
export async function updateArticle(
  store: LibraryStore,
  id: string,
  change: ArticleChange,
  emit: Emit
): Promise<ArticleMeta> {
  store.requireArticleMeta(id)
  await store.index.update((index) => {
    const record = index.articles.find((article) => article.id === id)
    if (!record) return
    for (const [key, value] of Object.entries(change) as Array<[keyof ArticleChange, string]>) {
      if (value === undefined) continue
      if (key === 'title') record.title = value
      else record[key] = value === '' ? null : value
    }
    record.updatedAt = new Date().toISOString()
  })
  emit({ type: 'library.changed' })
  return store.requireArticleMeta(id)
}

/** The stable name of a removal: a restored one is kept when the source is extracted again. */
export const removalKey = (removal: Removal): string =>
  `${removal.rule}:${removal.line}:${removal.text}`

/**
 * Puts back something cleaning removed: the newest version's source is extracted again with
 * that removal kept, and the result becomes a new version (annotations are re-anchored).
 */
export async function restoreRemoval(
  store: LibraryStore,
  id: string,
  index: number,
  emit: Emit
): Promise<ArticleDetail> {
  const meta = store.requireArticleMeta(id)
  const latest = (await store.articleFile(id)).data.versions.at(-1)
  const removal = latest?.removed[index]
  if (!latest || !removal)
    throw new SorotFailure('not_found', `Article ${id} has no removal number ${index}`)
  if (!latest.source)
    throw new SorotFailure('unsupported', `Article ${id} was stored without its source text`)
  const restored = [...(latest.restored ?? []), removalKey(removal)]
  // Loaded here: the extractor pulls in the HTML parsers, which listing articles never needs.
  const { extractArticle } = await import('../import/extract')
  const draft = extractArticle(
    latest.source.text,
    latest.source.name ?? meta.title,
    latest.source.format,
    {
      keep: new Set(restored)
    }
  )
  const contentHash = hashOf(canonicalText(draft.blocks))
  await addVersion(
    store,
    meta,
    { blocks: draft.blocks, removed: draft.removed },
    latest.source,
    contentHash,
    restored
  )
  emit({ type: 'library.changed' })
  emit({ type: 'annotations.changed', articleId: id })
  return getArticle(store, id)
}

/**
 * Remembers how far the reader got in an article (0 to 1). Not an edit: updatedAt stays, and
 * a write is skipped when the figure did not move.
 */
export async function setReadingProgress(
  store: LibraryStore,
  id: string,
  progress: number
): Promise<{ id: string; readingProgress: number }> {
  const meta = store.requireArticleMeta(id)
  const readingProgress = Math.round(Math.min(1, Math.max(0, progress)) * 1000) / 1000
  if (meta.readingProgress !== readingProgress)
    await store.index.update((index) => {
      const record = index.articles.find((article) => article.id === id)
      if (record) record.readingProgress = readingProgress
    })
  return { id, readingProgress }
}
