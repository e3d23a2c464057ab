import type { TextPositionSelector, TextQuoteSelector, TextSelector } from './model'
import { textQuoteToRangeApproximately } from './selectors/fuzzy-quote'
import { describeTextPosition, textPositionToRange } from './selectors/text-position'
import { describeTextQuote, quoteFitsExactly, textQuoteToRange } from './selectors/text-quote'
import { isRangeWithin, type TextRange } from './selectors/text-range'

export type { TextRange } from './selectors/text-range'

/**
 * The selectors of `start..end` in an article's canonical text (DESIGN.md §4). Throws a
 * RangeError when the range is empty or does not fit inside the text.
 */
export function describe(
  text: string,
  start: number,
  end: number
): [TextPositionSelector, TextQuoteSelector] {
  if (!isRangeWithin(text.length, start, end))
    throw new RangeError(`${start}..${end} is not a range inside a text of ${text.length}`)
  return [describeTextPosition(start, end), describeTextQuote(text, start, end)]
}

/**
 * Where the selectors point in `text` now, or null when no place is certain enough: the old
 * position when its text and context still fit, else the exact quote where its context
 * agrees, else an approximate match of the quote where its context agrees, else (a moved
 * paragraph) an exact copy of a quote long enough to speak for itself. Never a guess at a
 * wrong place.
 */
export function anchor(text: string, selectors: readonly TextSelector[]): TextRange | null {
  const position = selectors.find(
    (s): s is TextPositionSelector => s.type === 'TextPositionSelector'
  )
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')
  const atPosition = position ? textPositionToRange(text, position) : null
  if (!quote) return atPosition
  if (atPosition && quoteFitsExactly(text, atPosition, quote)) return atPosition
  const expected = position?.start
  return (
    textQuoteToRange(text, quote, 'in-context', expected) ??
    textQuoteToRangeApproximately(text, quote, expected) ??
    textQuoteToRange(text, quote, 'quote-alone', expected)
  )
}
