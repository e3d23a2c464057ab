/** Sentence edges in text whose quotations have been blanked out. */

/** `text` with every quotation's inner text replaced by spaces, so offsets stay the same. */
export function maskQuotes(
  text: string,
  spans: ReadonlyArray<{ start: number; end: number }>
): string {
  let masked = ''
  let at = 0
  for (const span of spans) {
    if (span.start < at) continue
    masked += text.slice(at, span.start) + text.slice(span.start, span.end).replace(/[^\n]/g, ' ')
    at = span.end
  }
  return masked + text.slice(at)
}

const END = /[.!?]/

/** Whether a sentence ends at `i` (a full stop that is not an initial like `W.`). */
function endsAt(masked: string, i: number): boolean {
  if (!END.test(masked[i])) return false
  if (masked[i] === '.' && /(?:^|\s)\p{Lu}$/u.test(masked.slice(Math.max(0, i - 2), i)))
    return false
  const next = masked.slice(i + 1, i + 3)
  // `klubnya.Ketika`: some sources drop the space after a full stop.
  return next === '' || /^\s/.test(next) || /^\p{Lu}/u.test(next) || /^["“”'‘’]\s/.test(next)
}

/** Start of the sentence holding `at`, never before `floor` (the paragraph start). */
export function sentenceStart(masked: string, at: number, floor: number): number {
  for (let i = at - 1; i >= floor; i--) {
    if (masked[i] === '\n') return i + 1
    if (endsAt(masked, i)) return i + 1
  }
  return floor
}

/** End of the sentence holding `at` (after its final mark), never after `ceiling`. */
export function sentenceEnd(masked: string, at: number, ceiling: number): number {
  for (let i = at; i < ceiling; i++) {
    if (masked[i] === '\n') return i
    if (endsAt(masked, i)) return i + 1
  }
  return ceiling
}

/** Sentence ranges of one paragraph. */
export function sentencesOf(masked: string, start: number, end: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let at = start
  while (at < end) {
    const stop = sentenceEnd(masked, at, end)
    if (masked.slice(at, stop).trim() !== '') ranges.push([at, stop])
    at = Math.max(stop, at + 1)
  }
  return ranges
}
