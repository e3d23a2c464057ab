import { createHash } from 'node:crypto'
import { anchorThenDescribe } from '../../../shared/selectors/anchor-describe'
import type {
  ArticleMeta,
  ArticleSource,
  AnnotationTarget,
  TextSelector
} from '../../../shared/model'
import { canonicalText, countWords } from '../../../shared/text'
import type { ArticleDraft } from '../import/extract'
import type { LibraryStore } from '../store/library-store'
import { storedMeta } from '../store/relist'
import { SCHEMA_VERSION } from '../store/schemas'

/** An article version's number and canonical text: what annotations are placed on. */
export interface ArticleText {
  version: number
  text: string
}

export interface ReanchorSummary {
  /** Annotations placed on the newest version. */
  anchored: number
  /** Annotations that found no place there and have just become orphans. */
  orphaned: number
}

/** The content hash that tells duplicates and versions apart. */
export const hashOf = (text: string): string => createHash('sha256').update(text).digest('hex')

/** The newest version of an article and its canonical text, or a not_found failure. */
export async function newestText(
  store: LibraryStore,
  articleId: string
): Promise<ArticleText | null> {
  store.requireArticleMeta(articleId)
  const latest = (await store.articleFile(articleId)).data.versions.at(-1)
  return latest ? { version: latest.version, text: canonicalText(latest.blocks) } : null
}

/**
 * Places selectors on a version's text and describes that place anew (DESIGN.md §4): the one
 * way an annotation moves between versions. Null when no place is certain (an orphan).
 */
export function retarget(
  article: ArticleText,
  selectors: readonly TextSelector[]
): AnnotationTarget | null {
  const placed = anchorThenDescribe(article.text, selectors)
  return placed && { version: article.version, selectors: placed }
}

/**
 * Adds `draft` as the newest version of `meta`'s article, updates its index record and
 * re-anchors its annotations. Metadata the reader may have edited (title) is kept; what the
 * earlier version did not know is filled in.
 */
export async function addVersion(
  store: LibraryStore,
  meta: ArticleMeta,
  draft: Pick<ArticleDraft, 'blocks' | 'removed'> & Partial<ArticleDraft>,
  source: ArticleSource | undefined,
  contentHash: string,
  restored?: string[]
): Promise<void> {
  const articleFile = await store.articleFile(meta.id)
  const now = new Date().toISOString()
  const version = (articleFile.data.versions.at(-1)?.version ?? 0) + 1
  const current = store.articleMeta(meta.id) ?? meta
  const changes = {
    outlet: current.outlet ?? draft.outlet ?? null,
    author: current.author ?? draft.author ?? null,
    url: current.url ?? draft.url ?? null,
    publishedAt: current.publishedAt ?? draft.publishedAt ?? null,
    language: current.language ?? draft.language ?? null,
    wordCount: countWords(canonicalText(draft.blocks)),
    contentHash,
    versionCount: version,
    updatedAt: now
  } satisfies Partial<ArticleMeta>
  const previousMeta = articleFile.data.meta
  await articleFile.update((file) => {
    // The record as the index will hold it: the copy a lost index.json is rebuilt from.
    file.meta = storedMeta({ ...current, ...changes })
    file.versions.push({
      version,
      blocks: draft.blocks,
      removed: draft.removed,
      importedAt: now,
      contentHash,
      ...(source && { source }),
      ...(restored?.length && { restored })
    })
  })
  try {
    await store.index.update((index) => {
      const record = index.articles.find((article) => article.id === meta.id)
      if (!record) return
      // Fill in only what is still unknown: an edit made while the file was written is kept.
      record.outlet ??= changes.outlet
      record.author ??= changes.author
      record.url ??= changes.url
      record.publishedAt ??= changes.publishedAt
      record.language ??= changes.language
      record.wordCount = changes.wordCount
      record.contentHash = contentHash
      record.versionCount = version
      record.updatedAt = now
    })
  } catch (error) {
    // The index still describes the earlier version: take the new one back out.
    await articleFile
      .update((file) => {
        file.versions.pop()
        if (previousMeta) file.meta = previousMeta
        else delete file.meta
      })
      .catch(() => undefined)
    throw error
  }
  await reanchorAnnotations(store, meta.id)
}

/**
 * Re-anchors every annotation of an article (trashed ones too, so a restore finds them in
 * place) onto its newest version. Those that cannot be placed become orphans: kept with their
 * old selectors, so a later version may place them again, never dropped. Writes only when
 * something moved.
 */
export async function reanchorAnnotations(
  store: LibraryStore,
  articleId: string
): Promise<ReanchorSummary> {
  const summary: ReanchorSummary = { anchored: 0, orphaned: 0 }
  const article = await newestText(store, articleId)
  if (!article) return summary
  const file = await store.annotationsFile(articleId)
  const moves = new Map<string, AnnotationTarget | null>()
  for (const annotation of file.data.annotations) {
    const target = annotation.target
    if (!target || target.version === article.version) continue
    const moved = retarget(article, target.selectors)
    if (!moved && annotation.orphan) continue
    moves.set(annotation.id, moved)
    if (moved) summary.anchored += 1
    else summary.orphaned += 1
  }
  if (moves.size === 0) return summary
  await file.update((data) => {
    data.schemaVersion = SCHEMA_VERSION
    for (const annotation of data.annotations) {
      const moved = moves.get(annotation.id)
      if (moved === undefined) continue
      if (moved) {
        annotation.target = moved
        delete annotation.orphan
      } else annotation.orphan = true
    }
  })
  return summary
}
