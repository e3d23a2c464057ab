import { stringify } from 'csv-stringify/sync'
import type { Annotation } from '../../../shared/model'
import type { ExportArticle } from './gather'
import type { ExportWords } from './i18n'
import { quoteOf, startOf } from './names'

/** Readwise's CSV columns, in its order and spelling (readwise.io/import_bulk). */
export const READWISE_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date']

/** Readwise reads `YYYY-MM-DD HH:MM:SS`; times are UTC. */
const readwiseDate = (iso: string): string => {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 19).replace('T', ' ')
}

/** Readwise tags a highlight from `.tag` words in its note; a tag cannot hold spaces. */
const readwiseTag = (label: string): string => `.${label.replace(/\s+/g, '_')}`

/** The note column: the note, a quote's speaker, who annotated, the labels as Readwise tags. */
function noteColumn(annotation: Annotation, words: ExportWords): string {
  const parts = [annotation.note.trim()]
  if (annotation.speaker) parts.push(`${words.t('export.speaker')}: ${annotation.speaker}`)
  // Readwise's columns are fixed ("Author" is the article's): who annotated goes in the note.
  if (annotation.author) parts.push(words.t('export.annotatedBy', { name: annotation.author }))
  if (annotation.labels.length) parts.push(annotation.labels.map(readwiseTag).join(' '))
  return parts.filter(Boolean).join('\n')
}

/**
 * Readwise CSV: one row per highlight with exactly Readwise's columns, quoted by csv-stringify.
 * An article note has no passage to be a highlight of, so it is left out.
 */
export function renderCsv(articles: readonly ExportArticle[], words: ExportWords): string {
  const rows: string[][] = []
  for (const { meta, annotations } of articles) {
    for (const annotation of annotations) {
      const quote = quoteOf(annotation)
      if (quote === null) continue
      rows.push([
        quote,
        meta.title,
        meta.author ?? meta.outlet ?? '',
        meta.url ?? '',
        noteColumn(annotation, words),
        String((startOf(annotation) ?? 0) + 1),
        readwiseDate(annotation.createdAt)
      ])
    }
  }
  return stringify(rows, { header: true, columns: READWISE_COLUMNS })
}
