/** The clause that introduces a quotation before it: `X menambahkan: "…"`, `Menurut X, "…"`. */

import { referenceOf, subjectBefore, type Reference } from './attribution'
import { WINDOW, type Context, type IndexedParagraph } from './context'
import { PREFIXED_VERBS } from './lexicon'

const wordCount = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0

/** Offset after the last non-space character of `text` before `end`, not before `floor`. */
function trimmedEndOf(text: string, floor: number, end: number): number {
  while (end > floor && /\s/.test(text[end - 1])) end--
  return end
}

/**
 * A clause that introduces a quotation: `X menambahkan: "…"`, `X: "…"`, `X mengatakan, "…"`,
 * `Menurut X, "…"`, also from the end of the paragraph before. `undefined` when there is none.
 */
export function introduction(
  context: Context,
  before: string,
  sentenceFrom: number,
  paragraph: IndexedParagraph,
  opensSentence: boolean
): Reference | null | undefined {
  let clause = before
  if (opensSentence && before.trim() === '' && sentenceFrom === paragraph.start) {
    const previous = context.paragraphs.before(paragraph)
    if (previous) {
      const end = trimmedEndOf(context.masked, previous.start, previous.end)
      if (context.masked[end - 1] === ':') {
        const from = Math.max(context.sentences.start(end - 1, previous.start), end - WINDOW)
        clause = context.masked.slice(from, end)
      }
    }
  }
  // Only a clause ending in `:` or `,` introduces; most text is ruled out without a regex.
  const last = clause.trimEnd().at(-1)
  if (last !== ':' && last !== ',') return undefined
  const colon = clause.match(/^(.*?)(\p{L}+)?\s*:\s*$/su)
  const comma = clause.match(/^(.*?)(\p{L}+)\s*,\s*$/su)
  const menurut = clause.match(/(?:^|\s)menurut\s+([^,]+),\s*$/iu)
  if (menurut) return referenceOf(menurut[1])
  if (colon) {
    const verb = colon[2]?.toLowerCase() ?? ''
    if (PREFIXED_VERBS.has(verb)) return subjectBefore(colon[1])
    const whole = clause.replace(/:\s*$/, '')
    if (wordCount(whole) <= 6 && !/\p{Ll}{3,}\s+\p{Ll}{3,}\s+\p{Ll}{3,}/u.test(whole))
      return referenceOf(whole)
    return null
  }
  if (comma && PREFIXED_VERBS.has(comma[2].toLowerCase())) return subjectBefore(comma[1])
  return undefined
}
