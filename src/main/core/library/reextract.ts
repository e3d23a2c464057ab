import { extractArticle, type ArticleDraft } from '../import/extract'
import { detectLanguage, titleFromText } from '../import/metadata'
import type { ArticleDetails } from '../store/relist'
import type { ArticleFile } from '../store/schemas'

/**
 * The details of an article file written before it kept a copy of its index record: what its
 * first import found, extracted again from the kept source, else a title and language from the
 * newest text. The store re-lists such files with it when index.json lost them.
 */
export function detailsFromFile(file: ArticleFile): Partial<ArticleDetails> | null {
  const first = file.versions[0]
  const latest = file.versions.at(-1)
  if (!first || !latest) return null
  const source = first.source
  let details: ArticleDraft | null = null
  if (source)
    try {
      details = extractArticle(source.text, source.name ?? 'text', source.format)
    } catch {
      // A source that no longer extracts: the text below still gives a title and language.
    }
  return {
    outlet: details?.outlet ?? null,
    author: details?.author ?? null,
    url: details?.url ?? null,
    publishedAt: details?.publishedAt ?? null,
    title: details?.title || titleFromText(latest.blocks[0]?.text ?? ''),
    language: details?.language ?? detectLanguage(latest.blocks)
  }
}
