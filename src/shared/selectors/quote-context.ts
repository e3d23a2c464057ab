import search from 'approx-string-match'
import type { TextQuoteSelector } from '../model'
import type { TextRange } from './text-range'

/** Characters of context a quote selector keeps on each side (DESIGN.md §4). */
export const CONTEXT_LENGTH = 32

/**
 * Context agreement that means something: two unrelated 32-character stretches of news text
 * agree about 0.3, and 0.5 in one case out of a hundred.
 */
export const CONTEXT_AGREEMENT = 0.6

/** One side of the context agreeing this much is as good as unchanged (an edit nearby). */
export const STRONG_CONTEXT_AGREEMENT = 0.8

/** Room for a few inserted or deleted characters between a candidate and its context. */
const CONTEXT_SLACK = 8

// The quote matters most, its context next, the old position only breaks near-ties.
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
const POSITION_WEIGHT = 2
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

/** A place a quote might be now, with how well each part of the selector agrees (0 to 1). */
export interface QuoteCandidate extends TextRange {
  quote: number
  prefix: number
  suffix: number
  position: number
  /** The weighted sum of the four, 0 to 1: higher is a better place. */
  score: number
}

/** How alike `pattern` is to its closest stretch of `text`: 1 for an exact copy, 0 for nothing. */
export function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) return 1
  const [best] = search(text, pattern, pattern.length)
  return best ? 1 - best.errors / pattern.length : 0
}

/** How well the text just before `start` agrees with a stored prefix. */
export function prefixAgreement(text: string, start: number, prefix: string): number {
  if (prefix.length === 0) return start === 0 ? 1 : 0
  const from = Math.max(0, start - prefix.length - CONTEXT_SLACK)
  return similarity(text.slice(from, start), prefix)
}

/** How well the text just after `end` agrees with a stored suffix. */
export function suffixAgreement(text: string, end: number, suffix: string): number {
  if (suffix.length === 0) return end === text.length ? 1 : 0
  return similarity(text.slice(end, end + suffix.length + CONTEXT_SLACK), suffix)
}

/** How near `start` is to where the annotation used to begin; 0 when that is unknown. */
export function positionAgreement(text: string, start: number, expectedStart?: number): number {
  if (expectedStart === undefined) return 0
  return 1 - Math.min(1, Math.abs(start - expectedStart) / Math.max(1, text.length))
}

/** Scores one candidate range whose own text agrees `quote` (0 to 1) with the selector's. */
export function scoreCandidate(
  text: string,
  range: TextRange,
  quote: number,
  selector: TextQuoteSelector,
  expectedStart?: number
): QuoteCandidate {
  const prefix = prefixAgreement(text, range.start, selector.prefix)
  const suffix = suffixAgreement(text, range.end, selector.suffix)
  const position = positionAgreement(text, range.start, expectedStart)
  const score =
    (QUOTE_WEIGHT * quote +
      PREFIX_WEIGHT * prefix +
      SUFFIX_WEIGHT * suffix +
      POSITION_WEIGHT * position) /
    TOTAL_WEIGHT
  return { start: range.start, end: range.end, quote, prefix, suffix, position, score }
}

/** The best-scoring candidate, the earliest one on a tie; null for none. */
export function bestCandidate(candidates: readonly QuoteCandidate[]): QuoteCandidate | null {
  let best: QuoteCandidate | null = null
  for (const candidate of candidates) if (!best || candidate.score > best.score) best = candidate
  return best
}
