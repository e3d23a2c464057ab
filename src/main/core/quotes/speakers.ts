import type { Annotation, ArticleMeta, SpeakerGroup, SpeakerQuotation } from '../../../shared/model'
import type { Quotation } from '../../../shared/quotes'

/** What one article brings to the speakers view. */
export interface ArticleQuoteSources {
  meta: ArticleMeta
  detected: readonly Quotation[]
  /** Its live quote annotations with a passage. */
  saved: readonly Annotation[]
}

interface Gathering {
  forms: Map<string, number>
  quotations: SpeakerQuotation[]
}

/** A name folded for matching: no case, no diacritics, single spaces. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * True when a saved quote annotation stands for a detected quotation: its range holds the
 * quotation's. A term inside a saved quote is not saved itself, so a term needs a range of its
 * own (its marks may be included).
 */
export function covers(annotation: Annotation, quote: Quotation): boolean {
  const position = annotation.orphan ? undefined : annotation.target?.selectors[0]
  if (!position || position.start > quote.start || position.end < quote.end) return false
  return (
    quote.kind !== 'term' || (position.start >= quote.start - 1 && position.end <= quote.end + 1)
  )
}

/** Plain code-unit order: ISO dates and ids need no locale rules, and localeCompare is slow. */
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Newest article first, then the article's own order. */
function newestFirst(a: SpeakerQuotation, b: SpeakerQuotation): number {
  return (
    byCodeUnits(b.date, a.date) ||
    byCodeUnits(a.articleId, b.articleId) ||
    (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER)
  )
}

/** One article's quotation under its speaker, with the folded name to group by. */
export type SpeakerEntry = [speaker: string, folded: string, quotation: SpeakerQuotation]

/** What an article's entries depend on besides its version: a cache key for them. */
export function entriesKey(source: ArticleQuoteSources): string {
  const { meta, saved } = source
  const quotes = saved.map(
    (a) =>
      `${a.id}:${a.updatedAt}:${a.orphan ? 1 : 0}:${a.target?.selectors[0].start}:${a.target?.selectors[0].end}`
  )
  return `${meta.versionCount}:${meta.contentHash}:${meta.title}:${meta.publishedAt ?? meta.importedAt}:${quotes.join(',')}`
}

/** The quotations of one article, each under the speaker it belongs to. */
export function entriesOf(source: ArticleQuoteSources): SpeakerEntry[] {
  return quotationsOf(source).map(([speaker, q]) => [speaker, foldName(speaker), q])
}

function quotationsOf(source: ArticleQuoteSources): Array<[string, SpeakerQuotation]> {
  const { meta, detected, saved } = source
  const base = {
    articleId: meta.id,
    articleTitle: meta.title,
    date: meta.publishedAt ?? meta.importedAt
  }
  const found: Array<[string, SpeakerQuotation]> = []
  const covered = new Set<Quotation>()
  for (const annotation of saved) {
    const position = annotation.orphan ? undefined : annotation.target?.selectors[0]
    const matches = detected.filter((q) => covers(annotation, q))
    for (const q of matches) covered.add(q)
    const match = matches.find((q) => q.kind !== 'term')
    const speaker = annotation.speaker?.trim()
    if (!speaker) continue
    found.push([
      speaker,
      {
        ...base,
        quote: annotation.target?.selectors[1].exact ?? '',
        kind: match?.kind === 'partial' ? 'partial' : 'direct',
        start: position?.start ?? null,
        end: position?.end ?? null,
        savedId: annotation.id
      }
    ])
  }
  for (const quote of detected) {
    // A saved quote stands for the detection it covers (with the speaker the reader gave it).
    if (quote.kind === 'term' || !quote.speaker || covered.has(quote)) continue
    found.push([
      quote.speaker,
      {
        ...base,
        quote: quote.quote,
        kind: quote.kind,
        start: quote.start,
        end: quote.end,
        savedId: null
      }
    ])
  }
  return found
}

/**
 * Groups the quotations of the library by speaker (names folded, shown as the form used most),
 * newest first, keeping the speakers whose name contains the folded query.
 */
export function groupSpeakers(
  entries: ReadonlyArray<readonly SpeakerEntry[]>,
  query?: string,
  perSpeaker = Number.POSITIVE_INFINITY
): SpeakerGroup[] {
  const wanted = foldName(query ?? '')
  const byName = new Map<string, Gathering>()
  for (const article of entries) {
    for (const [speaker, key, quotation] of article) {
      if (wanted && !key.includes(wanted)) continue
      let gathering = byName.get(key)
      if (!gathering) byName.set(key, (gathering = { forms: new Map(), quotations: [] }))
      gathering.forms.set(speaker, (gathering.forms.get(speaker) ?? 0) + 1)
      gathering.quotations.push(quotation)
    }
  }
  const groups: SpeakerGroup[] = []
  for (const { forms, quotations } of byName.values()) {
    quotations.sort(newestFirst)
    const name = [...forms].sort((a, b) => b[1] - a[1])[0][0]
    const savedCount = quotations.filter((q) => q.savedId !== null).length
    groups.push({
      name,
      count: quotations.length,
      savedCount,
      quotations: quotations.slice(0, perSpeaker)
    })
  }
  return groups.sort(
    (a, b) =>
      byCodeUnits(b.quotations[0].date, a.quotations[0].date) ||
      b.count - a.count ||
      a.name.localeCompare(b.name)
  )
}
