import { anchor, describe } from '../anchoring'
import type { TextPositionSelector, TextQuoteSelector, TextSelector } from '../model'

/**
 * Places `selectors` on `text` and describes the place afresh, so the annotation's position and
 * context fit this text: "anchor, then describe", as re-anchoring and the JSON-LD import both
 * need. Null when no place is certain, or the place found is empty.
 */
export function anchorThenDescribe(
  text: string,
  selectors: readonly TextSelector[]
): [TextPositionSelector, TextQuoteSelector] | null {
  const range = anchor(text, selectors)
  if (!range || range.end <= range.start) return null
  return describe(text, range.start, range.end)
}
