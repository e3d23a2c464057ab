import type { Annotation } from '../../../shared/model'
import type { ExportArticle } from './gather'

/** A title as a safe file-name part: letters, digits and dashes only, at most 60 characters. */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return slug || 'article'
}

/** The base file name of an export: the one article's title, or the library's. */
export function exportBaseName(articles: readonly ExportArticle[], today: string): string {
  const what = articles.length === 1 ? slugOf(articles[0].meta.title) : 'library'
  return `sorot-${what}-${today.slice(0, 10)}`
}

/**
 * A title as an Obsidian note name: without the characters Obsidian or a file system refuses,
 * numbered when another article of the export already took it.
 */
export function noteFileName(title: string, taken: Set<string>): string {
  const base =
    title
      .replace(/[\\/:*?"<>|#^[\]]/g, ' ')
      .replace(/\p{Cc}/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 100)
      .trim()
      .replace(/^\.+/, '') || 'article'
  let name = `${base}.md`
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} (${n}).md`
  taken.add(name.toLowerCase())
  return name
}

/** The exact text an annotation marks, or null for an article note. */
export const quoteOf = (annotation: Annotation): string | null =>
  annotation.target?.selectors[1].exact ?? null

/** Where an annotation starts in the canonical text, or null for an article note. */
export const startOf = (annotation: Annotation): number | null =>
  annotation.target?.selectors[0].start ?? null
