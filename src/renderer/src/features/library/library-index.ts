import type { ArticleSummary } from '@shared/model'
import {
  dateOf,
  matchesFilters,
  readingStateOf,
  sortArticles,
  type AnnotationFilter,
  type LibraryFilters,
  type SortKey
} from './library-filters'

const HAS: AnnotationFilter[] = ['highlights', 'notes', 'quotes']

/** Appends `position` to the list kept under `key`. */
function post<K>(lists: Map<K, number[]>, key: K, position: number): void {
  const list = lists.get(key)
  if (list) list.push(position)
  else lists.set(key, [position])
}

/**
 * The library list's filters and orders, answered from indexes built once per list: a filter
 * starts from the shortest list of articles one of its conditions allows (an outlet's, a tag's,
 * a date range's…) and checks only those, and an order is computed once and then reused. So
 * choosing a filter or typing a date costs what it finds, not a pass over 100,000 articles.
 */
export class LibraryIndex {
  private readonly byOutlet = new Map<string, number[]>()
  private readonly byTag = new Map<string, number[]>()
  private readonly byLanguage = new Map<string, number[]>()
  private readonly byReading = new Map<string, number[]>()
  private readonly byHas = new Map<AnnotationFilter, number[]>()
  /** Positions ordered by the date an article is filed under, and those dates. */
  private readonly byDate: number[]
  private readonly sortedDates: string[]
  private readonly countsByField = new Map<string, ReadonlyMap<string, number>>()
  /** Per order (and language, for the orders by text): each position's rank in it. */
  private readonly ranks = new Map<string, { rank: Int32Array; sorted: ArticleSummary[] }>()

  constructor(readonly articles: readonly ArticleSummary[]) {
    const dates = articles.map(dateOf)
    articles.forEach((meta, position) => {
      if (meta.outlet) post(this.byOutlet, meta.outlet, position)
      for (const tag of meta.tags ?? []) post(this.byTag, tag, position)
      post(this.byLanguage, meta.language, position)
      post(this.byReading, readingStateOf(meta), position)
      for (const kind of HAS) if ((meta.counts?.[kind] ?? 0) > 0) post(this.byHas, kind, position)
    })
    this.byDate = articles.map((_, position) => position)
    this.byDate.sort((a, b) => (dates[a] < dates[b] ? -1 : dates[a] > dates[b] ? 1 : a - b))
    this.sortedDates = this.byDate.map((position) => dates[position])
  }

  /** How many articles have each value of a field: the counts beside the filters' choices. */
  counts(field: 'outlet' | 'tag' | 'language' | 'reading'): ReadonlyMap<string, number> {
    let counts = this.countsByField.get(field)
    if (!counts) {
      const lists = {
        outlet: this.byOutlet,
        tag: this.byTag,
        language: this.byLanguage,
        reading: this.byReading
      }[field]
      counts = new Map([...lists].map(([value, list]) => [value, list.length]))
      this.countsByField.set(field, counts)
    }
    return counts
  }

  /** The articles that pass every filter that is set, in the chosen order. */
  query(filters: LibraryFilters, sort: SortKey, language: string): ArticleSummary[] {
    const { rank, sorted } = this.order(sort, language)
    const candidates = this.shortestList(filters)
    if (candidates === null) return sorted
    return candidates
      .filter((position) => matchesFilters(this.articles[position], filters))
      .sort((a, b) => rank[a] - rank[b])
      .map((position) => this.articles[position])
  }

  /** The shortest list of positions one set filter allows; null when no filter is set. */
  private shortestList(filters: LibraryFilters): number[] | null {
    const lists: number[][] = []
    const posted = (map: Map<string, number[]>, key: string): void => {
      if (key) lists.push(map.get(key) ?? [])
    }
    posted(this.byOutlet, filters.outlet)
    posted(this.byTag, filters.tag)
    posted(this.byLanguage, filters.language)
    posted(this.byReading, filters.reading)
    for (const kind of filters.has) lists.push(this.byHas.get(kind) ?? [])
    let shortest = lists.reduce<number[] | null>(
      (best, list) => (best === null || list.length < best.length ? list : best),
      null
    )
    if (filters.from || filters.to) {
      const start = filters.from ? this.firstDateAtLeast(filters.from) : 0
      // Dates are yyyy-mm-dd: every date of the day `to` sorts before `to` + a later character.
      const end = filters.to ? this.firstDateAtLeast(`${filters.to}\uffff`) : this.byDate.length
      if (shortest === null || end - start < shortest.length)
        shortest = this.byDate.slice(start, Math.max(start, end))
    }
    return shortest
  }

  private firstDateAtLeast(date: string): number {
    let low = 0
    let high = this.sortedDates.length
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.sortedDates[middle] < date) low = middle + 1
      else high = middle
    }
    return low
  }

  private order(sort: SortKey, language: string): { rank: Int32Array; sorted: ArticleSummary[] } {
    const key = `${sort}\u0000${language}`
    let entry = this.ranks.get(key)
    if (!entry) {
      const sorted = sortArticles(this.articles, sort, language)
      const positions = new Map(this.articles.map((meta, position) => [meta, position]))
      const rank = new Int32Array(this.articles.length)
      sorted.forEach((meta, place) => (rank[positions.get(meta) ?? 0] = place))
      entry = { rank, sorted }
      this.ranks.set(key, entry)
    }
    return entry
  }
}
