import type { ArticleDetail, ArticleMeta } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import { canonicalText } from '../../../shared/text'
import type { LibraryStore } from '../store/library-store'

/** Articles in the library (not in the trash), newest import first. */
export function listArticles(store: LibraryStore): ArticleMeta[] {
  return store.index.data.articles
    .filter((article) => !article.deletedAt)
    .sort((a, b) => b.importedAt.localeCompare(a.importedAt))
}

/** The index record of one article, or a not_found failure. */
export function findArticleMeta(store: LibraryStore, id: string): ArticleMeta {
  const meta = store.index.data.articles.find((article) => article.id === id)
  if (!meta) throw new SorotFailure('not_found', `No article with id ${id}`)
  return meta
}

/** One article with its newest version's blocks and canonical text. */
export async function getArticle(store: LibraryStore, id: string): Promise<ArticleDetail> {
  const meta = findArticleMeta(store, id)
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
  id: string
): Promise<{ id: string; deletedAt: string }> {
  const meta = findArticleMeta(store, id)
  const deletedAt = meta.deletedAt ?? new Date().toISOString()
  await store.index.update((index) => {
    const record = index.articles.find((article) => article.id === id)
    if (record) record.deletedAt = deletedAt
  })
  return { id, deletedAt }
}
