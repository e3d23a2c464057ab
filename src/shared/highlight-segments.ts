/**
 * Splitting a block's text into segments for drawing highlights (the reader; an HTML export may
 * draw them the same way). Pure, so overlapping highlights can be tested without a browser:
 * every boundary of every highlight splits the text, and each segment knows every highlight
 * covering it, so none is merged into another.
 */

/** A highlight's place in the canonical text. */
export interface HighlightRange {
  id: string
  start: number
  end: number
}

/** A run of a block's text (canonical offsets) and the highlights covering it, outermost first. */
export interface Segment {
  start: number
  end: number
  ids: string[]
}

/** Outer (earlier, then longer) highlights first, so stacked colours keep a stable order. */
function byStartThenLength(a: HighlightRange, b: HighlightRange): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/**
 * Splits the block `blockStart..blockStart + length` at every highlight boundary inside it.
 * Highlights reaching outside the block are clipped to it; segments cover the block without
 * gaps, in order, and plain text has an empty `ids`.
 */
export function segmentBlock(
  blockStart: number,
  length: number,
  ranges: readonly HighlightRange[]
): Segment[] {
  const blockEnd = blockStart + length
  if (length <= 0) return []
  const inside = ranges
    .filter((r) => r.end > blockStart && r.start < blockEnd && r.end > r.start)
    .sort(byStartThenLength)
  if (inside.length === 0) return [{ start: blockStart, end: blockEnd, ids: [] }]
  const cuts = new Set<number>([blockStart, blockEnd])
  for (const r of inside) {
    cuts.add(Math.max(r.start, blockStart))
    cuts.add(Math.min(r.end, blockEnd))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const segments: Segment[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]]
    const ids = inside.filter((r) => r.start <= start && r.end >= end).map((r) => r.id)
    segments.push({ start, end, ids })
  }
  return segments
}

/** Index of the last block whose start is at or before `offset` (offsets ascend). */
export function blockAt(offsets: readonly number[], offset: number): number {
  let [low, high] = [0, offsets.length - 1]
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (offsets[middle] <= offset) low = middle
    else high = middle - 1
  }
  return Math.max(0, low)
}

/**
 * The highlights of each block: a highlight spanning several blocks is listed in each of them.
 * `lengths[i]` is block i's text length, `offsets[i]` its start in the canonical text.
 */
export function rangesByBlock<R extends HighlightRange>(
  offsets: readonly number[],
  lengths: readonly number[],
  ranges: readonly R[]
): R[][] {
  const perBlock: R[][] = offsets.map(() => [])
  for (const range of ranges) {
    if (range.end <= range.start) continue
    for (let i = blockAt(offsets, range.start); i < offsets.length; i++) {
      if (offsets[i] >= range.end) break
      if (range.start < offsets[i] + lengths[i]) perBlock[i].push(range)
    }
  }
  return perBlock
}
