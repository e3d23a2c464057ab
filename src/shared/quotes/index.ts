/**
 * Quotations and their speakers in Indonesian news text, by rules (DESIGN.md §5): marks and their
 * direction, reporting clauses, titles, pronouns resolved to the last speaker named.
 */

import {
  attributionAfter,
  headBeforeSpeechVerb,
  invertedAttribution,
  referenceOf,
  subjectBefore,
  type Reference
} from './attribution'
import { NAMING_WORDS, PREFIXED_VERBS } from './lexicon'
import { findQuoteSpans, paragraphsOf, type Paragraph, type QuoteSpan } from './marks'
import { collectNames, fullestName, type NameBook, type Speaker } from './names'
import { maskQuotes, sentenceEnd, sentenceStart, sentencesOf } from './sentences'
import type { QuoteKind, Quotation } from './types'

export type { QuoteKind, Quotation } from './types'
export { LOW_CONFIDENCE } from './types'

interface Mention {
  at: number
  speaker: Speaker
}

interface Context {
  text: string
  masked: string
  paragraphs: Paragraph[]
  book: NameBook
  mentions: Mention[]
}

const wordCount = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0

/** Finds the quotations in an article's canonical text, with speaker and kind. */
export function findQuotes(text: string): Quotation[] {
  const spans = findQuoteSpans(text)
  const outer = spans.filter((s) => !s.nested)
  const masked = maskQuotes(text, outer)
  const paragraphs = paragraphsOf(text)
  const context: Context = { text, masked, paragraphs, book: collectNames(text), mentions: [] }
  context.mentions = subjectMentions(context)

  const found: Array<Omit<Quotation, 'confidence'> & { span: QuoteSpan }> = []
  const namedInPlace = new Set<QuoteSpan>()
  for (const span of spans) {
    const quote = text.slice(span.start, span.end)
    const base = { quote, start: span.start, end: span.end, span }
    if (span.nested) {
      found.push({ ...base, speaker: null, kind: 'term' })
      continue
    }
    const { kind, reference, at } = classify(context, span, quote)
    let speaker = kind === 'term' ? null : resolve(context, reference, at)
    if (kind === 'direct' && !speaker && !reference) speaker = inherited(context, found, span)
    if (speaker) context.mentions.push({ at, speaker })
    // PROVISIONAL (speakers-ui): named in its own clause = sure; the quotes-engine branch replaces this.
    if (speaker && reference?.type === 'name') namedInPlace.add(span)
    found.push({ ...base, speaker: speaker ? display(context, speaker) : null, kind })
  }
  // A quote over several paragraphs is attributed once, usually in its last part.
  for (const item of found) {
    if (item.span.continues === null) continue
    const previous = found.find((f) => f.span.openAt === item.span.continues)
    if (!previous) continue
    if (item.speaker && !previous.speaker) {
      for (let p: typeof previous | undefined = previous; p && !p.speaker;) {
        p.speaker = item.speaker
        p = found.find((f) => f.span.openAt === p?.span.continues)
      }
    } else if (!item.speaker) item.speaker = previous.speaker
  }
  return found.map(({ quote, speaker, kind, start, end, span }) => ({
    ...{ quote, speaker, kind, start, end },
    confidence: speaker && namedInPlace.has(span) ? 1 : 0.5
  }))
}

/** The speaker's name as the article writes it most fully. */
function display(context: Context, speaker: Speaker): string {
  return speaker.person ? fullestName(speaker.name, context.book) : speaker.name
}

function paragraphOf(context: Context, at: number): Paragraph {
  return context.paragraphs.find((p) => at >= p.start && at <= p.end) ?? context.paragraphs[0]
}

/** Kind of a top-level quotation and the clause that names its speaker. */
function classify(
  context: Context,
  span: QuoteSpan,
  quote: string
): { kind: QuoteKind; reference: Reference | null; at: number } {
  const { masked } = context
  const paragraph = paragraphOf(context, span.openAt)
  const runsOn = span.closeAt >= paragraph.end
  const afterEnd = runsOn ? span.closeAt : sentenceEnd(masked, span.closeAt + 1, paragraph.end)
  const after = runsOn ? '' : masked.slice(span.closeAt + 1, afterEnd)
  const sentenceFrom = sentenceStart(masked, span.openAt, paragraph.start)
  const before = masked.slice(sentenceFrom, span.openAt)
  const words = wordCount(quote)
  const endsLikeSpeech = /[.,!?…]\s*$/.test(quote)

  const afterReference = runsOn ? null : attributionAfter(after)
  if (afterReference && (endsLikeSpeech || words >= 4))
    return { kind: 'direct', reference: afterReference, at: span.closeAt }

  const opensSentence = before.trim() === ''
  const introduced = introduction(context, before, sentenceFrom, paragraph, opensSentence)
  if (introduced !== undefined) return { kind: 'direct', reference: introduced, at: span.openAt }
  if (span.continues !== null || (opensSentence && (endsLikeSpeech || words >= 5)))
    return { kind: 'direct', reference: null, at: span.openAt }

  const previousWord = before.match(/(\p{L}+)\W*$/u)?.[1]?.toLowerCase() ?? ''
  const titleCase = quote.split(/\s+/).every((w) => /^[\p{Lu}\p{N}]/u.test(w))
  if (NAMING_WORDS.has(previousWord) || (titleCase && words <= 5))
    return { kind: 'term', reference: null, at: span.openAt }
  const sentence = masked.slice(sentenceFrom, afterEnd)
  const head = headBeforeSpeechVerb(before)
  if (head !== null || afterReference) {
    const reference =
      invertedAttribution(sentence) ??
      afterReference ??
      subjectBefore(masked.slice(sentenceFrom, sentenceFrom + head!.length)) ??
      subjectBefore(before)
    return { kind: 'partial', reference, at: span.openAt }
  }
  if (words >= 6)
    return { kind: 'partial', reference: invertedAttribution(sentence), at: span.openAt }
  return { kind: 'term', reference: null, at: span.openAt }
}

/**
 * A clause that introduces a quotation: `X menambahkan: "…"`, `X: "…"`, `X mengatakan, "…"`,
 * `Menurut X, "…"`, also from the end of the paragraph before. `undefined` when there is none.
 */
function introduction(
  context: Context,
  before: string,
  sentenceFrom: number,
  paragraph: Paragraph,
  opensSentence: boolean
): Reference | null | undefined {
  let clause = before
  if (opensSentence && before.trim() === '' && sentenceFrom === paragraph.start) {
    const index = context.paragraphs.indexOf(paragraph)
    const previous = context.paragraphs[index - 1]
    if (previous && /:\s*$/.test(context.masked.slice(previous.start, previous.end))) {
      const end = context.masked.slice(0, previous.end).trimEnd().length
      clause = context.masked.slice(sentenceStart(context.masked, end - 1, previous.start), end)
    }
  }
  const colon = clause.match(/^(.*?)(\p{L}+)?\s*:\s*$/su)
  const comma = clause.match(/^(.*?)(\p{L}+)\s*,\s*$/su)
  const menurut = clause.match(/(?:^|\s)menurut\s+([^,]+),\s*$/iu)
  if (menurut) return referenceOf(menurut[1])
  if (colon) {
    const verb = colon[2]?.toLowerCase() ?? ''
    if (PREFIXED_VERBS.has(verb)) return subjectBefore(colon[1])
    const whole = clause.replace(/:\s*$/, '')
    if (wordCount(whole) <= 6 && !/\p{Ll}{3,}\s+\p{Ll}{3,}\s+\p{Ll}{3,}/u.test(whole))
      return referenceOf(whole)
    return null
  }
  if (comma && PREFIXED_VERBS.has(comma[2].toLowerCase())) return subjectBefore(comma[1])
  return undefined
}

/** The speaker a reference stands for, pronouns resolved to the last one named. */
function resolve(context: Context, reference: Reference | null, at: number): Speaker | null {
  if (!reference) return null
  if (reference.type === 'name') return reference.speaker
  const earlier = context.mentions.filter((m) => m.at < at).sort((a, b) => b.at - a.at)
  if (reference.type === 'anaphor' && reference.head) {
    const head = reference.head
    const match = earlier.find((m) => m.speaker.name.toLowerCase().startsWith(head))
    if (match) return match.speaker
  }
  return earlier.find((m) => m.speaker.person)?.speaker ?? null
}

/** A direct quote without its own clause continues the speaker of the quote just before it. */
function inherited(
  context: Context,
  found: ReadonlyArray<Omit<Quotation, 'confidence'> & { span: QuoteSpan }>,
  span: QuoteSpan
): Speaker | null {
  const previous = [...found].reverse().find((f) => !f.span.nested)
  if (!previous?.speaker || previous.kind !== 'direct') return null
  const paragraph = paragraphOf(context, span.openAt)
  const between = context.masked.slice(previous.span.closeAt + 1, span.openAt)
  const samePara = previous.span.openAt >= paragraph.start
  if (samePara) {
    const sentences = between.split(/[.!?]\s/).filter((s) => s.trim() !== '').length
    if (sentences > 1) return null
  } else {
    // Only from a quote paragraph right before this one, when this paragraph opens with the quote.
    const index = context.paragraphs.indexOf(paragraph)
    const previousParagraph = context.paragraphs[index - 1]
    if (!previousParagraph || previous.span.openAt < previousParagraph.start) return null
    if (context.text.slice(paragraph.start, span.openAt).trim() !== '') return null
    if (context.text.slice(previousParagraph.start, previous.span.openAt).trim() !== '') return null
  }
  return { name: previous.speaker, person: true }
}

/** People and bodies named as sentence subjects outside quotes, for resolving pronouns. */
function subjectMentions(context: Context): Mention[] {
  const mentions: Mention[] = []
  for (const paragraph of context.paragraphs) {
    for (const [start, end] of sentencesOf(context.masked, paragraph.start, paragraph.end)) {
      const sentence = context.masked.slice(start, end)
      const menurut = sentence.match(/(?:^|\s)[Mm]enurut\s+([^,.]+)[,.]/u)
      if (menurut) {
        const reference = referenceOf(menurut[1])
        if (reference?.type === 'name') mentions.push({ at: start, speaker: reference.speaker })
      }
      // The clause verb, or failing that the first lower-case word after a capitalised subject.
      const verb =
        sentence.match(/\s(?:me|ber|di)\p{Ll}{3,}/u) ?? sentence.match(/^\p{Lu}[^,]*?\s(?=\p{Ll})/u)
      // `"…," mantan bintang … itu menambahkan`: a description, not a subject that names anyone.
      if (!verb || /^[\s"“”'‘’,.]*\p{Ll}/u.test(sentence)) continue
      const reference = subjectBefore(
        sentence.slice(0, verb.index === 0 ? verb[0].length : verb.index)
      )
      if (reference?.type === 'name') mentions.push({ at: start, speaker: reference.speaker })
    }
  }
  return mentions
}
