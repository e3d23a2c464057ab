import type { TextQuoteSelector } from '../model'
import {
  bestCandidate,
  CONTEXT_LENGTH,
  STRONG_CONTEXT_AGREEMENT,
  scoreCandidate,
  type QuoteCandidate
} from './quote-context'
import type { TextRange } from './text-range'

/** Enough occurrences to rank; a quote found more often than this is not telling us much. */
const MAX_OCCURRENCES = 5000

/** The quote selector of `start..end`: the text itself and up to 32 characters either side. */
export function describeTextQuote(text: string, start: number, end: number): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH)
  }
}

/** True when `range` holds the quote and at least one side of its context is unchanged. */
export function quoteFitsExactly(
  text: string,
  range: TextRange,
  selector: TextQuoteSelector
): boolean {
  if (text.slice(range.start, range.end) !== selector.exact) return false
  const before = text.slice(Math.max(0, range.start - selector.prefix.length), range.start)
  const after = text.slice(range.end, range.end + selector.suffix.length)
  return before === selector.prefix || after === selector.suffix
}

/** Every start offset at which `exact` occurs in `text`. */
function occurrencesOf(text: string, exact: string): number[] {
  const starts: number[] = []
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    starts.push(at)
    if (starts.length >= MAX_OCCURRENCES) break
  }
  return starts
}

/** Whether a match must be backed by its context, or may stand on the quote alone. */
export type QuoteEvidence = 'in-context' | 'quote-alone'

/**
 * Finds the quote's exact text. When it occurs several times, the occurrence whose context
 * agrees best wins, and the one nearest the old position among equals. `in-context` accepts
 * only occurrences with one side of their context (nearly) in place; `quote-alone` also
 * accepts a quote at least as long as its context (a moved paragraph), or the one occurrence
 * sitting exactly where it was.
 */
export function textQuoteToRange(
  text: string,
  selector: TextQuoteSelector,
  evidence: QuoteEvidence,
  expectedStart?: number
): TextRange | null {
  const { exact } = selector
  if (exact.length === 0) return null
  const starts = occurrencesOf(text, exact)
  const believable = (candidate: QuoteCandidate): boolean =>
    Math.max(candidate.prefix, candidate.suffix) >= STRONG_CONTEXT_AGREEMENT ||
    (evidence === 'quote-alone' &&
      (exact.length >= CONTEXT_LENGTH ||
        (starts.length === 1 && candidate.start === expectedStart)))
  const candidates = starts
    .map((start) =>
      scoreCandidate(text, { start, end: start + exact.length }, 1, selector, expectedStart)
    )
    .filter(believable)
  const best = bestCandidate(candidates)
  return best && { start: best.start, end: best.end }
}
