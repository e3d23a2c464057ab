import type { SnippetSegment } from '../../../shared/model'
import { foldText, forEachWord, termsOfWord, type WordAt } from './terms'

const SNIPPET_LENGTH = 220
const LEAD = 70

export interface TextRange {
  start: number
  end: number
}

/**
 * The words of `text` one of whose index terms `matches`: the first and those a snippet around
 * it can show (`all` for every one).
 */
export function termMatches(
  text: string,
  matches: (term: string) => boolean,
  all = false
): TextRange[] {
  const found: TextRange[] = []
  let stopAt = Infinity
  forEachWord(text, (folded, start, end) => {
    if (start > stopAt) return false
    if (!termsOfWord(folded).some(matches)) return
    found.push({ start, end })
    if (!all && found.length === 1) stopAt = start + SNIPPET_LENGTH
  })
  return found
}

/**
 * The places `phrase` (folded words) occurs in `text` as consecutive words: the first and those
 * a snippet around it can show (`all` for every one).
 */
export function phraseMatches(text: string, phrase: readonly string[], all = false): TextRange[] {
  const found: TextRange[] = []
  if (phrase.length === 0) return found
  // Most candidates lack the phrase: one regular expression over the folded text says so
  // without cutting it into words (it may say yes wrongly, never no wrongly).
  const escaped = phrase.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  if (!new RegExp(escaped.join('\\s+')).test(foldText(text))) return found
  const recent: WordAt[] = []
  let stopAt = Infinity
  forEachWord(text, (folded, start, end) => {
    if (start > stopAt) return false
    recent.push({ folded, start, end })
    if (recent.length > phrase.length) recent.shift()
    if (recent.length < phrase.length) return
    // Words of a phrase stand together: only white space between them, no comma or full stop.
    for (let j = 0; j < phrase.length; j++) {
      if (recent[j].folded !== phrase[j]) return
      if (j > 0 && !/^\s+$/.test(text.slice(recent[j - 1].end, recent[j].start))) return
    }
    found.push({ start: recent[0].start, end })
    if (!all && found.length === 1) stopAt = start + SNIPPET_LENGTH
  })
  return found
}

/** `text` with runs of white space (block breaks too) shown as one space. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ')

/**
 * A short passage of `text` around its first match, cut at word boundaries, as segments
 * that say which parts are matches. Matches are sorted, non-overlapping ranges of `text`.
 */
export function snippetOf(text: string, matches: readonly TextRange[]): SnippetSegment[] {
  const first = matches[0]
  let start = first ? Math.max(0, first.start - LEAD) : 0
  if (start > 0) {
    const space = text.slice(start, first.start).search(/\s/)
    start = space >= 0 ? start + space + 1 : first.start
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH)
  if (first && end < first.end) end = first.end
  if (end < text.length) {
    const lastSpace = text.slice(start, end).search(/\s\S*$/)
    if (lastSpace > 0 && start + lastSpace > (first?.end ?? 0)) end = start + lastSpace
  }
  const segments: SnippetSegment[] = []
  const push = (part: string, match: boolean): void => {
    if (part) segments.push({ text: oneLine(part), match })
  }
  if (start > 0) push('… ', false)
  let at = start
  for (const range of matches) {
    if (range.end <= start || range.start < at) continue
    if (range.start >= end) break
    push(text.slice(at, range.start), false)
    push(text.slice(range.start, range.end), true)
    at = range.end
  }
  push(text.slice(at, end), false)
  if (end < text.length) push(' …', false)
  return segments
}

/** The plain text of segments. */
export const snippetText = (segments: readonly SnippetSegment[]): string =>
  segments.map((s) => s.text).join('')
