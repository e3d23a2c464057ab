import type { SpeakerSummary } from './model'

/** What the charts are filtered by: an outlet (null: all) and publication dates (ISO days). */
export interface ChartFilter {
  outlet: string | null
  from: string
  to: string
}

type ArticleCount = SpeakerSummary['perArticle'][number]

/** True when an article's quotations count under the filter (a date filter needs a date). */
function passes(article: ArticleCount, filter: ChartFilter): boolean {
  if (filter.outlet !== null && article.outlet !== filter.outlet) return false
  const day = article.publishedAt?.slice(0, 10)
  if ((filter.from || filter.to) && !day) return false
  if (filter.from && day! < filter.from) return false
  if (filter.to && day! > filter.to) return false
  return true
}

/** The outlets of the library's quoted articles, for the outlet filter. */
export function outletsOf(speakers: readonly SpeakerSummary[]): string[] {
  const outlets = new Set<string>()
  for (const s of speakers) for (const a of s.perArticle) if (a.outlet) outlets.add(a.outlet)
  return [...outlets].sort((a, b) => a.localeCompare(b))
}

/** The most quoted speakers under the filter, with their quotations and articles. */
export function topSpeakers(
  speakers: readonly SpeakerSummary[],
  filter: ChartFilter,
  limit: number
): Array<{ name: string; quotes: number; articles: number }> {
  return speakers
    .map((s) => {
      const kept = s.perArticle.filter((a) => passes(a, filter))
      return {
        name: s.name,
        quotes: kept.reduce((sum, a) => sum + a.quotes, 0),
        articles: kept.length
      }
    })
    .filter((s) => s.quotes > 0)
    .sort((a, b) => b.quotes - a.quotes || b.articles - a.articles || a.name.localeCompare(b.name))
    .slice(0, limit)
}

/** Spans longer than this many years are counted per year. */
const YEARS_BY_MONTH = 2

/** Month counts summed per year, every year from the first to the last. */
function byYear(counts: ReadonlyMap<string, number>): Array<{ month: string; quotes: number }> {
  const years = new Map<number, number>()
  for (const [month, quotes] of counts) {
    const year = Number(month.slice(0, 4))
    years.set(year, (years.get(year) ?? 0) + quotes)
  }
  const first = Math.min(...years.keys())
  const last = Math.max(...years.keys())
  return Array.from({ length: last - first + 1 }, (_, i) => ({
    month: String(first + i),
    quotes: years.get(first + i) ?? 0
  }))
}

/**
 * A speaker's quotations per month of publication (not import), every month from the first to
 * the last shown (per year over long spans), and how many quotations had no publication date.
 */
export function quotesByMonth(
  speaker: SpeakerSummary,
  filter: ChartFilter
): { months: Array<{ month: string; quotes: number }>; undated: number } {
  const counts = new Map<string, number>()
  let undated = 0
  for (const article of speaker.perArticle) {
    if (!passes(article, filter)) continue
    const month = article.publishedAt?.slice(0, 7)
    if (!month) {
      undated += article.quotes
      continue
    }
    counts.set(month, (counts.get(month) ?? 0) + article.quotes)
  }
  const known = [...counts.keys()].sort()
  const months: Array<{ month: string; quotes: number }> = []
  if (known.length === 0) return { months, undated }
  // Over many years, months would be hairlines: years are counted instead.
  if (Number(known.at(-1)!.slice(0, 4)) - Number(known[0].slice(0, 4)) > YEARS_BY_MONTH)
    return { months: byYear(counts), undated }
  let [year, month] = known[0].split('-').map(Number)
  const last = known.at(-1)!
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`
    months.push({ month: key, quotes: counts.get(key) ?? 0 })
    if (key >= last) break
    month += 1
    if (month > 12) [year, month] = [year + 1, 1]
  }
  return { months, undated }
}
