import type { ArticleMeta } from '../../../../shared/model'

export type SortKey = 'published' | 'imported' | 'title' | 'outlet'
export type ReadingState = 'unread' | 'reading' | 'finished'
export type AnnotationFilter = 'highlights' | 'notes' | 'quotes'

export interface LibraryFilters {
  outlet: string
  tag: string
  language: string
  reading: ReadingState | ''
  has: AnnotationFilter[]
  /** yyyy-mm-dd, inclusive; compared with the publication date, else the import date. */
  from: string
  to: string
}

export const NO_FILTERS: LibraryFilters = {
  outlet: '',
  tag: '',
  language: '',
  reading: '',
  has: [],
  from: '',
  to: ''
}

/** Where the reader is with an article, from how far they scrolled. */
export function readingStateOf(meta: ArticleMeta): ReadingState {
  const progress = meta.readingProgress ?? 0
  if (progress <= 0) return 'unread'
  return progress >= 0.95 ? 'finished' : 'reading'
}

/** The date an article is filed under: when it was published, else when it was imported. */
const dateOf = (meta: ArticleMeta): string => (meta.publishedAt ?? meta.importedAt).slice(0, 10)

/** The articles that pass every filter that is set. */
export function filterArticles(
  articles: readonly ArticleMeta[],
  filters: LibraryFilters
): ArticleMeta[] {
  return articles.filter(
    (meta) =>
      (!filters.outlet || meta.outlet === filters.outlet) &&
      (!filters.tag || (meta.tags ?? []).includes(filters.tag)) &&
      (!filters.language || meta.language === filters.language) &&
      (!filters.reading || readingStateOf(meta) === filters.reading) &&
      filters.has.every((kind) => (meta.counts?.[kind] ?? 0) > 0) &&
      (!filters.from || dateOf(meta) >= filters.from) &&
      (!filters.to || dateOf(meta) <= filters.to)
  )
}

/** ISO 8601 strings sort as plain strings: far cheaper than a locale comparison on 10,000 rows. */
const byIsoDescending = (a: string, b: string): number => (a < b ? 1 : a > b ? -1 : 0)

/** Articles in the chosen order: dates newest first, title and outlet alphabetically. */
export function sortArticles(
  articles: readonly ArticleMeta[],
  key: SortKey,
  language: string
): ArticleMeta[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base', numeric: true })
  const byTitle = (a: ArticleMeta, b: ArticleMeta): number => collator.compare(a.title, b.title)
  const compare: Record<SortKey, (a: ArticleMeta, b: ArticleMeta) => number> = {
    published: (a, b) =>
      byIsoDescending(a.publishedAt ?? '', b.publishedAt ?? '') ||
      byIsoDescending(a.importedAt, b.importedAt),
    imported: (a, b) => byIsoDescending(a.importedAt, b.importedAt),
    title: byTitle,
    outlet: (a, b) =>
      (a.outlet === null ? 1 : 0) - (b.outlet === null ? 1 : 0) ||
      collator.compare(a.outlet ?? '', b.outlet ?? '') ||
      byTitle(a, b)
  }
  return [...articles].sort(compare[key])
}

/** The distinct non-empty values of a field, sorted, for a filter's choices. */
export function choicesOf(
  articles: readonly ArticleMeta[],
  pick: (meta: ArticleMeta) => ReadonlyArray<string | null> | string | null
): string[] {
  const values = new Set<string>()
  for (const meta of articles) {
    const picked = pick(meta)
    for (const value of Array.isArray(picked) ? picked : [picked]) if (value) values.add(value)
  }
  return [...values].sort((a, b) => a.localeCompare(b))
}
