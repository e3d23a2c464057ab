import type { TextPositionSelector } from '../model'
import type { TextRange } from './text-range'

/** The position selector of `start..end`. */
export function describeTextPosition(start: number, end: number): TextPositionSelector {
  return { type: 'TextPositionSelector', start, end }
}

/** The range a position selector names, or null when it does not fit inside `text`. */
export function textPositionToRange(
  text: string,
  selector: TextPositionSelector
): TextRange | null {
  const { start, end } = selector
  if (!Number.isInteger(start) || !Number.isInteger(end)) return null
  if (start < 0 || end < start || end > text.length) return null
  return { start, end }
}
