import search from 'approx-string-match'
import type { TextQuoteSelector } from '../model'
import {
  bestCandidate,
  CONTEXT_LENGTH,
  CONTEXT_AGREEMENT,
  STRONG_CONTEXT_AGREEMENT,
  scoreCandidate,
  type QuoteCandidate
} from './quote-context'
import { refineEnds } from './refine-ends'
import type { TextRange } from './text-range'

/** A fuzzy match of a quote at least as long as its context may differ in this share. */
const MAX_ERROR_SHARE = 0.25

/** A shorter quote carries less evidence: half that share (a word or two may still differ). */
const MAX_ERROR_SHARE_SHORT = 0.125

/** Keeps the search bounded for very long quotes (a few pages). */
const MAX_ERRORS = 2000

/** How many differences a fuzzy match of `exact` may have. */
export function allowedErrors(exact: string): number {
  const share = exact.length >= CONTEXT_LENGTH ? MAX_ERROR_SHARE : MAX_ERROR_SHARE_SHORT
  return Math.min(MAX_ERRORS, Math.floor(exact.length * share))
}

/**
 * Whether a candidate's context backs it: on average for a quote as long as its context, on
 * both sides and closely for a shorter one, whose own text says less.
 */
function contextSupports(candidate: QuoteCandidate, quoteLength: number): boolean {
  const { prefix, suffix } = candidate
  if (quoteLength >= CONTEXT_LENGTH) return (prefix + suffix) / 2 >= CONTEXT_AGREEMENT
  return (
    Math.min(prefix, suffix) >= CONTEXT_AGREEMENT &&
    (prefix + suffix) / 2 >= STRONG_CONTEXT_AGREEMENT
  )
}

/** Runs the approximate search over `text.slice(from, to)`, in offsets of the whole text. */
function matchesIn(
  text: string,
  exact: string,
  maxErrors: number,
  from = 0,
  to = text.length
): Array<{ start: number; end: number; errors: number }> {
  return search(text.slice(from, to), exact, maxErrors).map((m) => ({
    start: m.start + from,
    end: m.end + from,
    errors: m.errors
  }))
}

/**
 * Finds a place whose text is close to the quote (edited, re-spaced), weighing the quote,
 * its prefix and suffix and the old position. A candidate is accepted only when its context
 * agrees too (on both sides for a short quote); otherwise null: a similar sentence somewhere
 * else is not the annotated one.
 */
export function textQuoteToRangeApproximately(
  text: string,
  selector: TextQuoteSelector,
  expectedStart?: number
): TextRange | null {
  const { exact } = selector
  const maxErrors = allowedErrors(exact)
  if (maxErrors < 1) return null
  const matches = matchesIn(text, exact, maxErrors)
  if (expectedStart !== undefined) {
    // The best match overall may be a look-alike elsewhere: also take the best one nearby.
    const reach = exact.length + 2 * CONTEXT_LENGTH
    const from = Math.max(0, expectedStart - reach)
    matches.push(...matchesIn(text, exact, maxErrors, from, expectedStart + exact.length + reach))
  }
  const candidates = matches
    .filter((m) => m.end > m.start)
    .map((m) => scoreCandidate(text, m, 1 - m.errors / exact.length, selector, expectedStart))
    .filter((candidate) => contextSupports(candidate, exact.length))
  const best = bestCandidate(candidates)
  return best && refineEnds(text, { start: best.start, end: best.end }, selector)
}
