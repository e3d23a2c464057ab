import type {
  Annotation,
  ArticleMeta,
  SpeakerCorrection,
  SpeakerGroup,
  SpeakerQuotation
} from '../../../shared/model'
import type { Quotation } from '../../../shared/quotes'
import { foldName, type IdentityBook } from '../library/identity-book'

/** What one article brings to the speakers view. */
export interface ArticleQuoteSources {
  meta: ArticleMeta
  detected: readonly Quotation[]
  /** Its live quote annotations with a passage. */
  saved: readonly Annotation[]
  /** The reader's corrections of its unsaved quotations. */
  corrections: readonly SpeakerCorrection[]
}

/** A detected quotation with the reader's correction applied, if any. */
export interface CorrectedQuotation extends Quotation {
  detectedSpeaker: string | null
  corrected: boolean
}

const sameText = (a: string, b: string): boolean =>
  a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim()

/**
 * The detected quotations with the reader's corrections in place of detection (confidence 1).
 * A correction follows its quotation by text, the nearest one when the text recurs, so a new
 * version or a new detector keeps it; at the same offsets it holds even if the text moved.
 */
export function withCorrections(
  detected: readonly Quotation[],
  corrections: readonly SpeakerCorrection[]
): CorrectedQuotation[] {
  const unused = new Set(corrections)
  return detected.map((q) => {
    let best: SpeakerCorrection | undefined
    for (const c of unused) {
      const samePlace = c.start === q.start && c.end === q.end
      if (!samePlace && !sameText(c.quote, q.quote)) continue
      if (samePlace || !best || Math.abs(c.start - q.start) < Math.abs(best.start - q.start))
        best = c
      if (samePlace) break
    }
    if (!best || q.kind === 'term') return { ...q, detectedSpeaker: q.speaker, corrected: false }
    unused.delete(best)
    return {
      ...q,
      speaker: best.speaker,
      confidence: 1,
      detectedSpeaker: q.speaker,
      corrected: true
    }
  })
}

interface Gathering {
  aliases: string[]
  quotations: SpeakerQuotation[]
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
  const { meta, saved, corrections } = source
  const quotes = saved.map(
    (a) =>
      `${a.id}:${a.updatedAt}:${a.orphan ? 1 : 0}:${a.target?.selectors[0].start}:${a.target?.selectors[0].end}`
  )
  const corrected = corrections.map((c) => `${c.start}:${c.speaker}:${c.correctedAt}`)
  return `${meta.versionCount}:${meta.contentHash}:${meta.title}:${meta.publishedAt ?? meta.importedAt}:${quotes.join(',')}:${corrected.join(',')}`
}

/** The quotations of one article, each under the speaker it belongs to. */
export function entriesOf(source: ArticleQuoteSources): SpeakerEntry[] {
  return quotationsOf(source).map(([speaker, q]) => [speaker, foldName(speaker), q])
}

function quotationsOf(source: ArticleQuoteSources): Array<[string, SpeakerQuotation]> {
  const { meta, saved } = source
  const detected = withCorrections(source.detected, source.corrections)
  const base = {
    articleId: meta.id,
    articleTitle: meta.title,
    date: meta.publishedAt ?? meta.importedAt
  }
  const found: Array<[string, SpeakerQuotation]> = []
  const covered = new Set<CorrectedQuotation>()
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
 * Groups the quotations of the library by speaker identity (the book's name and aliases),
 * newest first, keeping the speakers whose name or an alias contains the folded query.
 */
export function groupSpeakers(
  entries: ReadonlyArray<readonly SpeakerEntry[]>,
  book: IdentityBook,
  query?: string,
  perSpeaker = Number.POSITIVE_INFINITY
): SpeakerGroup[] {
  const wanted = foldName(query ?? '')
  const byName = new Map<string, Gathering>()
  for (const article of entries) {
    for (const [speaker, , quotation] of article) {
      const identity = book.identityOf(speaker)
      let gathering = byName.get(identity.name)
      if (!gathering) {
        const names = [identity.name, ...identity.aliases].map(foldName)
        if (wanted && !names.some((name) => name.includes(wanted))) continue
        byName.set(identity.name, (gathering = { aliases: identity.aliases, quotations: [] }))
      }
      gathering.quotations.push(quotation)
    }
  }
  const groups: SpeakerGroup[] = []
  for (const [name, { aliases, quotations }] of byName) {
    quotations.sort(newestFirst)
    const savedCount = quotations.filter((q) => q.savedId !== null).length
    groups.push({
      name,
      aliases,
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
