/** A stretch of an article's canonical text, as JavaScript string offsets (end exclusive). */
export interface TextRange {
  start: number
  end: number
}

/** True when `start..end` is a non-empty range inside a text of `length` characters. */
export function isRangeWithin(length: number, start: number, end: number): boolean {
  return (
    Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= length
  )
}
