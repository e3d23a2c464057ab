import YAML from 'yaml'
import { isArticleNote } from '../../../shared/annotations'
import type { Annotation } from '../../../shared/model'
import type { ExportArticle } from './gather'
import type { ExportWords } from './i18n'
import { noteFileName, quoteOf } from './names'

/** One file of a split export. */
export interface ExportFile {
  fileName: string
  content: string
}

/**
 * Escapes text so Markdown shows it as written: every inline marker is backslash-escaped, and
 * a line that would start a list, heading or quote is escaped at its start.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>#~=|!{}&$]/g, '\\$&')
    .split('\n')
    .map((line) =>
      line
        .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])(?=\s|$)/, '$1\\$2')
        .replace(/^[ \t]+/, '')
    )
    .join('\n')
}

/** Prefixes every line with `> `, blank lines with `>`, so the whole text is one block quote. */
const blockQuote = (text: string): string =>
  text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n')

function labelsOf(annotation: Annotation, words: ExportWords): string {
  return annotation.labels.map(words.label).join(', ')
}

/** A highlight as a block quote, the speaker inside it, colour and labels, then its note. */
function annotationMarkdown(annotation: Annotation, words: ExportWords): string {
  const { t } = words
  const quote = quoteOf(annotation) ?? ''
  const parts: string[] = []
  let quoted = escapeMarkdown(quote)
  if (annotation.speaker) quoted += `\n\n— ${escapeMarkdown(annotation.speaker)}`
  parts.push(blockQuote(quoted))
  const meta = [`${t('export.color')}: ${words.color(annotation.color)}`]
  if (annotation.labels.length)
    meta.push(`${t('export.labelsHeading')}: ${escapeMarkdown(labelsOf(annotation, words))}`)
  if (annotation.author)
    meta.push(t('export.annotatedBy', { name: escapeMarkdown(annotation.author) }))
  if (annotation.orphan) meta.push(t('export.orphan'))
  parts.push(`*${meta.join(' · ')}*`)
  if (annotation.note.trim()) parts.push(annotation.note.trim())
  return parts.join('\n\n')
}

/** The body of one article: heading, metadata (in a combined file), article note, highlights. */
function articleBody(article: ExportArticle, words: ExportWords, level: 1 | 2): string {
  const { t } = words
  const { meta } = article
  const hashes = '#'.repeat(level)
  const parts = [`${hashes} ${escapeMarkdown(meta.title)}`]
  if (level === 2) {
    const lines = [
      meta.outlet && `- ${t('export.outlet')}: ${escapeMarkdown(meta.outlet)}`,
      meta.author && `- ${t('export.author')}: ${escapeMarkdown(meta.author)}`,
      meta.publishedAt && `- ${t('export.published')}: ${words.date(meta.publishedAt)}`,
      meta.url && `- ${t('export.url')}: <${meta.url.replace(/[<>\s]/g, encodeURIComponent)}>`
    ].filter((line): line is string => Boolean(line))
    if (lines.length) parts.push(lines.join('\n'))
  }
  const articleNote = article.annotations.find(isArticleNote)
  if (articleNote?.note.trim())
    parts.push(`${hashes}# ${t('export.articleNote')}`, articleNote.note.trim())
  const highlights = article.annotations.filter((a) => a.target)
  parts.push(`${hashes}# ${t('export.highlights')}`)
  if (highlights.length === 0) parts.push(`*${t('export.noHighlights')}*`)
  for (const annotation of highlights) parts.push(annotationMarkdown(annotation, words))
  return parts.join('\n\n')
}

const labelTags = (articles: readonly ExportArticle[]): string[] =>
  articles.flatMap((article) => [
    ...(article.meta.tags ?? []),
    ...article.annotations.flatMap((a) => a.labels)
  ])

const frontMatter = (fields: Record<string, unknown>): string =>
  `---\n${YAML.stringify(fields, { lineWidth: 0 })}---`

/** One article as an Obsidian note: YAML front matter, then its highlights. */
function articleNoteFile(article: ExportArticle, words: ExportWords): string {
  const { meta } = article
  const fields = {
    title: meta.title,
    outlet: meta.outlet,
    author: meta.author,
    url: meta.url,
    published: meta.publishedAt,
    tags: [...new Set(labelTags([article]))]
  }
  return `${frontMatter(fields)}\n\n${articleBody(article, words, 1)}\n`
}

/**
 * Markdown for Obsidian. One article gives one note; several give one combined file, or with
 * `split` one note per article (named after its title).
 */
export function renderMarkdown(
  articles: readonly ExportArticle[],
  words: ExportWords,
  options: { split?: boolean; exportedAt: string }
): { content: string; files?: ExportFile[] } {
  if (options.split) {
    const taken = new Set<string>()
    const files = articles.map((article) => ({
      fileName: noteFileName(article.meta.title, taken),
      content: articleNoteFile(article, words)
    }))
    return { content: files.map((file) => file.content).join('\n'), files }
  }
  if (articles.length === 1) return { content: articleNoteFile(articles[0], words) }
  const { t } = words
  const fields = {
    title: t('export.collectionTitle'),
    exported: options.exportedAt,
    tags: [...new Set(labelTags(articles))]
  }
  const body = [
    `# ${t('export.collectionTitle')}`,
    `${t('export.exportedOn', { date: new Date(options.exportedAt), formatParams: { date: { dateStyle: 'long' } } })} · ${t('export.articleCount', { count: articles.length })}`,
    ...articles.map((article) => articleBody(article, words, 2))
  ]
  return { content: `${frontMatter(fields)}\n\n${body.join('\n\n')}\n` }
}
