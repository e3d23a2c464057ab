/**
 * Quotations and their speakers in Indonesian news text, by rules (DESIGN.md §5): marks and their
 * direction, reporting clauses, titles, pronouns and role words resolved to the last speaker.
 * Linear in the text: marks pair in one pass, sentences and paragraphs are indexed once, and each
 * quotation reads only a bounded window of the text around it.
 */

import {
  attributionAfter,
  headBeforeSpeechVerb,
  invertedAttribution,
  subjectBefore,
  type Reference
} from './attribution'
import { ParagraphIndex, WINDOW, type Context } from './context'
import { introduction } from './introduction'
import { NAMING_WORDS } from './lexicon'
import { findQuoteSpans, paragraphsOf, type QuoteSpan } from './marks'
import { cleanName, collectNames } from './names'
import { Resolver, type Attributed } from './resolver'
import { maskQuotes, SentenceIndex } from './sentences'
import type { FindQuotesOptions, QuoteKind, Quotation } from './types'

export type { FindQuotesOptions, QuoteKind, Quotation } from './types'
export { LOW_CONFIDENCE } from './types'

const wordCount = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0
const isTitleCase = (text: string): boolean =>
  text.split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w))

type Found = Quotation & { span: QuoteSpan; reference: Reference | null }

/** Confidence of a quotation that needs no speaker (a term) or has none named anywhere. */
const NO_SPEAKER_NEEDED = 1
const NO_SPEAKER_FOUND = 0.5

/** Finds the quotations in an article's canonical text, with speaker, kind and confidence. */
export function findQuotes(text: string, options: FindQuotesOptions = {}): Quotation[] {
  const paragraphs = paragraphsOf(text)
  const spans = findQuoteSpans(text, paragraphs)
  const outer = spans.filter((s) => !s.nested)
  const masked = maskQuotes(text, outer)
  const context: Context = {
    text,
    masked,
    sentences: new SentenceIndex(masked),
    paragraphs: new ParagraphIndex(paragraphs),
    book: collectNames(text, options.title, masked)
  }
  const resolver = new Resolver(context)

  const found: Found[] = []
  const byOpen = new Map<number, Found>()
  let lastTop: Found | null = null
  let nextOuter = 0
  for (const span of spans) {
    const quote = text.slice(span.start, span.end)
    // Nested, or without a letter or digit (`“‘”`): no clause is read. A sentence quoted inside
    // a quotation (`… 'Prabowo, ingat kamu Presiden' …`) is speech whose speaker is not named.
    if (span.nested || !/[\p{L}\p{N}]/u.test(quote)) {
      // As for a fragment outside quotations: it ends like speech, or it is six words or more.
      const words = span.nested ? wordCount(quote) : 0
      const spoken = words >= 3 && !isTitleCase(quote) && (/[.,!?…]\s*$/.test(quote) || words >= 6)
      found.push(
        spoken
          ? foundOf(span, quote, 'direct', null, null, NO_SPEAKER_FOUND)
          : foundOf(span, quote, 'term', null, null, NO_SPEAKER_NEEDED)
      )
      continue
    }
    // Each stretch of text between two quotations is read for at most those two.
    while (nextOuter < outer.length && outer[nextOuter].openAt <= span.openAt) nextOuter++
    const bounds = {
      floor: lastTop ? lastTop.span.closeAt + 1 : 0,
      ceiling: outer[nextOuter]?.openAt ?? text.length
    }
    const { kind, reference, at } = classify(context, span, quote, bounds, lastTop)
    let attributed: Attributed | null = kind === 'term' ? null : resolver.resolve(reference, at)
    if (kind === 'direct' && !attributed && !reference)
      attributed = resolver.inherited(lastTop, span) ?? resolver.neighbour(span)
    if (attributed) resolver.heard(at, attributed.speaker)
    // `kata Ketua DKPP` with no one holding that role: a `sambungnya` after it is nobody too.
    else if (reference && reference.type !== 'pronoun' && kind === 'direct')
      resolver.heardNobody(at)
    const item = foundOf(
      span,
      quote,
      kind,
      reference,
      attributed ? displayName(context, attributed.speaker) : null,
      attributed ? attributed.confidence : kind === 'term' ? NO_SPEAKER_NEEDED : NO_SPEAKER_FOUND
    )
    found.push(item)
    byOpen.set(span.openAt, item)
    lastTop = item
  }
  joinContinuations(found, byOpen)
  return found.map(({ quote, speaker, kind, start, end, confidence }) => ({
    quote,
    speaker,
    kind,
    start,
    end,
    confidence: Math.round(confidence * 100) / 100
  }))
}

/** One result, always built in the same shape (spreads made hostile text twice as slow). */
function foundOf(
  span: QuoteSpan,
  quote: string,
  kind: QuoteKind,
  reference: Reference | null,
  speaker: string | null,
  confidence: number
): Found {
  return { quote, speaker, kind, start: span.start, end: span.end, confidence, span, reference }
}

/** A quote over several paragraphs is attributed once, usually in its last part. */
function joinContinuations(found: Found[], byOpen: Map<number, Found>): void {
  const previousOf = (item: Found): Found | undefined =>
    item.span.continues === null ? undefined : byOpen.get(item.span.continues)
  for (const item of found) {
    const previous = previousOf(item)
    if (!previous) continue
    if (item.speaker && !previous.speaker) {
      for (let p: Found | undefined = previous; p && !p.speaker; p = previousOf(p)) {
        p.speaker = item.speaker
        p.confidence = item.confidence
      }
    } else if (!item.speaker && previous.speaker) {
      item.speaker = previous.speaker
      item.confidence = previous.confidence
    }
  }
}

/** The speaker's name as the article writes it most fully. */
function displayName(context: Context, speaker: { name: string; person: boolean }): string {
  return speaker.person ? cleanName(speaker.name, context.book) : speaker.name
}

/** Kind of a top-level quotation and the clause that names its speaker. */
function classify(
  context: Context,
  span: QuoteSpan,
  quote: string,
  bounds: { floor: number; ceiling: number },
  previous: Found | null
): { kind: QuoteKind; reference: Reference | null; at: number } {
  const { masked, sentences } = context
  const paragraph = context.paragraphs.at(span.openAt)
  const runsOn = span.closeAt >= paragraph.end
  const afterEnd = runsOn
    ? span.closeAt
    : Math.min(
        sentences.end(span.closeAt + 1, paragraph.end),
        span.closeAt + 1 + WINDOW,
        Math.max(bounds.ceiling, span.closeAt + 1)
      )
  const after = runsOn ? '' : masked.slice(span.closeAt + 1, afterEnd)
  const sentenceStart = sentences.start(span.openAt, paragraph.start)
  const sentenceFrom = Math.max(sentenceStart, span.openAt - WINDOW, bounds.floor)
  const cut = sentenceFrom > sentenceStart
  const before = masked.slice(sentenceFrom, span.openAt)
  const words = wordCount(quote)
  const endsLikeSpeech = /[.,!?…]\s*$/.test(quote)

  const afterReference = runsOn ? null : attributionAfter(after)
  if (afterReference && (endsLikeSpeech || words >= 4))
    return { kind: 'direct', reference: afterReference, at: span.closeAt }

  const opensSentence = !cut && before.trim() === ''
  const introduced = introduction(context, before, sentenceStart, paragraph, opensSentence)
  if (introduced !== undefined) return { kind: 'direct', reference: introduced, at: span.openAt }
  if (span.continues !== null || (opensSentence && (endsLikeSpeech || words >= 5)))
    return { kind: 'direct', reference: null, at: span.openAt }

  const previousWord = before.match(/(\p{L}+)\W*$/u)?.[1]?.toLowerCase() ?? ''
  const titleCase = isTitleCase(quote)
  if (NAMING_WORDS.has(previousWord) || (titleCase && words <= 5))
    return { kind: 'term', reference: null, at: span.openAt }
  const sentence = masked.slice(sentenceFrom, afterEnd)
  const head = headBeforeSpeechVerb(before)
  if (head !== null || afterReference) {
    const reference =
      invertedAttribution(sentence) ??
      afterReference ??
      subjectBefore(masked.slice(sentenceFrom, sentenceFrom + (head?.length ?? 0))) ??
      subjectBefore(before)
    return { kind: 'partial', reference, at: span.openAt }
  }
  // `X menyebut "a" dan "b"`: the second fragment shares the first one's clause.
  if (cut && previous?.kind === 'partial' && previous.span.openAt >= sentenceStart)
    return { kind: 'partial', reference: previous.reference, at: span.openAt }
  if (words >= 6)
    return { kind: 'partial', reference: invertedAttribution(sentence), at: span.openAt }
  return { kind: 'term', reference: null, at: span.openAt }
}
