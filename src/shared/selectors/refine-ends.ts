import search from 'approx-string-match'
import type { TextQuoteSelector } from '../model'
import { CONTEXT_LENGTH } from './quote-context'
import type { TextRange } from './text-range'

/*
 * An approximate match minimises edits, not the reader's intent: when a word at either end of
 * a highlight was edited, dropping that word costs no more than matching it, so the match can
 * stop short. The context on each side still says where the passage begins and ends.
 */

/** How far an end may move to meet its context. */
const REACH = CONTEXT_LENGTH

/** Context that differs more than this share is no evidence of where an end lies. */
const CONTEXT_ERROR_SHARE = 0.25

const WORD = /[\p{L}\p{N}]/u
const isWord = (char: string | undefined): boolean => char !== undefined && WORD.test(char)

/** The best place for one end: where its context, matched approximately nearby, meets it. */
function meetContext(
  text: string,
  context: string,
  at: number,
  side: 'prefix' | 'suffix'
): number | null {
  if (context.length === 0) return null
  const from =
    side === 'prefix' ? Math.max(0, at - context.length - REACH) : Math.max(0, at - REACH)
  const to = side === 'prefix' ? Math.min(text.length, at + REACH) : at + context.length + REACH
  const maxErrors = Math.floor(context.length * CONTEXT_ERROR_SHARE)
  const matches = search(text.slice(from, to), context, maxErrors)
  if (matches.length === 0) return null
  const fewest = Math.min(...matches.map((m) => m.errors))
  const places = matches
    .filter((m) => m.errors === fewest)
    .map((m) => from + (side === 'prefix' ? m.end : m.start))
  return places.reduce((a, b) => (Math.abs(b - at) < Math.abs(a - at) ? b : a))
}

/**
 * Moves `start` to a word's edge when the annotated passage began at one (its first character
 * a letter, the character before it not), so an edit near the edge never leaves half a word.
 */
function startAtWord(text: string, start: number, selector: TextQuoteSelector): number {
  if (!isWord(selector.exact[0]) || isWord(selector.prefix.at(-1))) return start
  let at = start
  while (at < text.length && /\s/.test(text[at])) at++
  while (at > 0 && isWord(text[at - 1]) && start - at < REACH) at--
  return isWord(text[at - 1]) ? start : at
}

/** The same for `end`: a passage that ended with a whole word ends with a whole word again. */
function endAtWord(text: string, end: number, selector: TextQuoteSelector): number {
  if (!isWord(selector.exact.at(-1)) || isWord(selector.suffix[0])) return end
  let at = end
  while (at > 0 && /\s/.test(text[at - 1])) at--
  while (at < text.length && isWord(text[at]) && at - end < REACH) at++
  return isWord(text[at]) ? end : at
}

/**
 * Refines both ends of an approximate match with the quote's prefix and suffix and word
 * boundaries. A range the refinement would empty or turn around is kept as it was.
 */
export function refineEnds(text: string, range: TextRange, selector: TextQuoteSelector): TextRange {
  const start = startAtWord(
    text,
    meetContext(text, selector.prefix, range.start, 'prefix') ?? range.start,
    selector
  )
  const end = endAtWord(
    text,
    meetContext(text, selector.suffix, range.end, 'suffix') ?? range.end,
    selector
  )
  return start < end ? { start, end } : range
}
