import type { Annotation, ArticleMeta, Block } from '../../../shared/model'
import { isMadeBy } from '../../../shared/annotations'
import { canonicalText } from '../../../shared/text'
import { listArticles } from '../library/articles'
import { listAnnotations } from '../library/annotations'
import type { LibraryStore } from '../store/library-store'

/** Which annotations an export holds: some articles (all when absent), filtered. */
export interface ExportScope {
  articleIds?: readonly string[]
  /** Only annotations carrying this label (its key, compared without case). */
  label?: string
  /** Only annotations whose speaker is this one (compared without case or extra spaces). */
  speaker?: string
  /** Only annotations made by this author (compared without case or extra spaces). */
  author?: string
}

/** One article as the exporters see it: metadata, newest text and its live annotations. */
export interface ExportArticle {
  meta: ArticleMeta
  version: number
  text: string
  /** The newest version's blocks; `text` is their canonical text. */
  blocks: Block[]
  annotations: Annotation[]
}

export interface GatherOptions {
  /** The library-wide identity name of a speaker as written: exports carry it. */
  speakerName?: (name: string) => string
}

const folded = (value: string): string =>
  value.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()

/** True when the annotation passes the scope's label, speaker and author filters. */
function matches(annotation: Annotation, scope: ExportScope): boolean {
  if (scope.label && !annotation.labels.some((label) => folded(label) === folded(scope.label!)))
    return false
  if (scope.speaker && folded(annotation.speaker ?? '') !== folded(scope.speaker)) return false
  if (scope.author && !isMadeBy(annotation, scope.author)) return false
  return true
}

/**
 * The articles and annotations an export covers, in library order (or the order the ids were
 * given). With a label or speaker filter, articles left without any annotation are dropped.
 */
export async function gatherExport(
  store: LibraryStore,
  scope: ExportScope,
  options: GatherOptions = {}
): Promise<ExportArticle[]> {
  const identity = options.speakerName
  if (identity && scope.speaker) scope = { ...scope, speaker: identity(scope.speaker) }
  const metas = scope.articleIds
    ? [...new Set(scope.articleIds)].map((id) => store.requireArticleMeta(id))
    : listArticles(store)
  const filtered = Boolean(scope.label || scope.speaker || scope.author)
  const articles: ExportArticle[] = []
  for (const meta of metas) {
    const latest = (await store.articleFile(meta.id)).data.versions.at(-1)
    const annotations = (await listAnnotations(store, meta.id))
      .map((a) => (identity && a.speaker?.trim() ? { ...a, speaker: identity(a.speaker) } : a))
      .filter((a) => matches(a, scope))
    if (filtered && annotations.length === 0) continue
    articles.push({
      meta: structuredClone(meta),
      version: latest?.version ?? 0,
      text: latest ? canonicalText(latest.blocks) : '',
      blocks: latest ? structuredClone(latest.blocks) : [],
      annotations
    })
  }
  return articles
}
