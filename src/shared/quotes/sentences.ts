/** Sentence edges in text whose quotations have been blanked out. */

/** `text` with every quotation's inner text replaced by spaces, so offsets stay the same. */
export function maskQuotes(
  text: string,
  spans: ReadonlyArray<{ start: number; end: number }>
): string {
  const parts: string[] = []
  let at = 0
  for (const span of spans) {
    if (span.start < at) continue
    const inner = text.slice(span.start, span.end)
    const blank = inner.includes('\n')
      ? inner
          .split('\n')
          .map((line) => ' '.repeat(line.length))
          .join('\n')
      : ' '.repeat(inner.length)
    parts.push(text.slice(at, span.start), blank)
    at = span.end
  }
  parts.push(text.slice(at))
  return parts.join('')
}

/** Whether a sentence ends at `i` (a full stop that is not an initial like `W.`). */
function endsAt(masked: string, i: number): boolean {
  const char = masked[i]
  if (char !== '.' && char !== '!' && char !== '?') return false
  if (masked[i] === '.' && /(?:^|\s)\p{Lu}$/u.test(masked.slice(Math.max(0, i - 2), i)))
    return false
  const next = masked.slice(i + 1, i + 3)
  // `klubnya.Ketika`: some sources drop the space after a full stop.
  return next === '' || /^\s/.test(next) || /^\p{Lu}/u.test(next) || /^["“”'‘’]\s/.test(next)
}

/**
 * Sentence edges of a masked text, found once (linear), so every lookup is a binary search
 * instead of a scan back over the paragraph.
 */
export class SentenceIndex {
  /** Offsets `i` where a sentence ends: a newline, or a final mark (the sentence includes it). */
  readonly #edges: number[] = []
  readonly masked: string

  constructor(masked: string) {
    this.masked = masked
    for (let i = 0; i < masked.length; i++)
      if (masked[i] === '\n' || endsAt(masked, i)) this.#edges.push(i)
  }

  /** Index of the first edge at or after `at`. */
  #firstFrom(at: number): number {
    let lo = 0
    let hi = this.#edges.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.#edges[mid] < at) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** Start of the sentence holding `at`, never before `floor` (the paragraph start). */
  start(at: number, floor: number): number {
    const edge = this.#edges[this.#firstFrom(at) - 1]
    return edge !== undefined && edge >= floor ? edge + 1 : floor
  }

  /** End of the sentence holding `at` (after its final mark), never after `ceiling`. */
  end(at: number, ceiling: number): number {
    const edge = this.#edges[this.#firstFrom(at)]
    if (edge === undefined || edge >= ceiling) return ceiling
    return this.masked[edge] === '\n' ? edge : edge + 1
  }

  /** Sentence ranges of one paragraph. */
  sentencesOf(start: number, end: number): Array<[number, number]> {
    const ranges: Array<[number, number]> = []
    let at = start
    while (at < end) {
      const stop = this.end(at, end)
      if (!isBlankRange(this.masked, at, stop)) ranges.push([at, stop])
      at = Math.max(stop, at + 1)
    }
    return ranges
  }
}

function isBlankRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/\s/.test(text[i])) return false
  return true
}
