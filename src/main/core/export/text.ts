import { isArticleNote } from '../../../shared/annotations'
import type { Annotation } from '../../../shared/model'
import type { ExportArticle } from './gather'
import type { ExportWords } from './i18n'
import { quoteOf } from './names'

const indent = (text: string, by = '    '): string =>
  text
    .split('\n')
    .map((line) => (line ? by + line : line))
    .join('\n')

function annotationText(annotation: Annotation, words: ExportWords): string {
  const { t } = words
  const lines = [`“${quoteOf(annotation) ?? ''}”`]
  if (annotation.speaker) lines.push(`    — ${annotation.speaker}`)
  const details = [`${t('export.color')}: ${words.color(annotation.color)}`]
  if (annotation.labels.length)
    details.push(`${t('export.labelsHeading')}: ${annotation.labels.map(words.label).join(', ')}`)
  if (annotation.author) details.push(t('export.annotatedBy', { name: annotation.author }))
  lines.push(`    [${details.join(' · ')}]`)
  if (annotation.orphan) lines.push(`    ${t('export.orphan')}`)
  if (annotation.note.trim()) lines.push(indent(annotation.note.trim()))
  return lines.join('\n')
}

function articleText(article: ExportArticle, words: ExportWords): string {
  const { t } = words
  const { meta } = article
  const parts: string[] = []
  parts.push(`${meta.title}\n${'='.repeat(Math.min(meta.title.length, 72))}`)
  const info = [
    meta.outlet && `${t('export.outlet')}: ${meta.outlet}`,
    meta.author && `${t('export.author')}: ${meta.author}`,
    meta.publishedAt && `${t('export.published')}: ${words.date(meta.publishedAt)}`,
    meta.url && `${t('export.url')}: ${meta.url}`
  ].filter((line): line is string => Boolean(line))
  if (info.length) parts.push(info.join('\n'))
  const articleNote = article.annotations.find(isArticleNote)
  if (articleNote?.note.trim())
    parts.push(`${t('export.articleNote')}\n\n${indent(articleNote.note.trim())}`)
  const highlights = article.annotations.filter((a) => a.target)
  parts.push(`${t('export.highlights')}`)
  if (highlights.length === 0) parts.push(t('export.noHighlights'))
  for (const annotation of highlights) parts.push(annotationText(annotation, words))
  return parts.join('\n\n')
}

/** Plain text: each article's title and details, then its highlights with their notes. */
export function renderText(articles: readonly ExportArticle[], words: ExportWords): string {
  return `${articles.map((article) => articleText(article, words)).join('\n\n\n')}\n`
}
