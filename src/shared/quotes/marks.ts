/**
 * Quote marks and their pairing. Curly marks say their direction; straight marks get it from
 * the characters around them, and a stack pairs them so a quoted name inside a quotation nests.
 */

type Family = 'double' | 'single'
type Role = 'open' | 'close' | 'either' | 'close-if-open'

interface Mark {
  at: number
  family: Family
  role: Role
}

/** A paired quotation before attribution: offsets of the text between the marks. */
export interface QuoteSpan {
  start: number
  end: number
  /** Index of the opening mark. */
  openAt: number
  /** Index of the closing mark, or the paragraph end when the quote runs on. */
  closeAt: number
  paragraph: number
  /** Inside another quotation. */
  nested: boolean
  /** `openAt` of the previous part of a quote that runs over paragraphs. */
  continues: number | null
}

/** A paragraph of the canonical text: blocks are joined with a blank line. */
export interface Paragraph {
  start: number
  end: number
}

/** Paragraph boundaries of `text` (blocks are separated by "\n\n"). */
export function paragraphsOf(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = []
  const breaks = /\n\s*\n/g
  let at = 0
  for (const match of text.matchAll(breaks)) {
    paragraphs.push({ start: at, end: match.index })
    at = match.index + match[0].length
  }
  paragraphs.push({ start: at, end: text.length })
  return paragraphs
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const DIGIT = /\p{N}/u
const ANY_MARK = /["'“”‘’„‚«»‹›]/
const BEFORE_OPEN = /[\s([{\u2014\u2013/-]/
const AFTER_CLOSE = /[\s.,;:!?)\]}\u2026\u2014\u2013/-]/

/** The role a mark plays, read from its neighbours (`prev`/`next` are '' at paragraph edges). */
function roleOf(char: string, prev: string, next: string): Role | null {
  const openSide = prev === '' || BEFORE_OPEN.test(prev) || ANY_MARK.test(prev)
  const closeSide = next === '' || AFTER_CLOSE.test(next) || ANY_MARK.test(next)
  const inWord = LETTER_OR_DIGIT.test(prev) && LETTER_OR_DIGIT.test(next)
  const afterDigit = DIGIT.test(prev)
  switch (char) {
    case '"':
      if (openSide && !closeSide) return 'open'
      if (!openSide && closeSide) return afterDigit ? 'close-if-open' : 'close'
      if (openSide && closeSide) return 'either'
      // `kuat,"ujarnya`: a closing mark with the space after it forgotten.
      return /[.,!?]/.test(prev) ? 'close' : 'either'
    case "'":
      // Jum'at, Qur'an; 64' and 14' close only a quote that is open.
      if (inWord) return null
      if (openSide && !closeSide) return 'open'
      if (!openSide && closeSide) return LETTER_OR_DIGIT.test(prev) ? 'close-if-open' : 'close'
      return openSide && closeSide ? 'close-if-open' : null
    case '“':
      return !openSide && closeSide ? 'close' : 'open'
    case '”':
      return openSide && !closeSide ? 'open' : 'close'
    case '‘':
      if (inWord) return null
      return !openSide && closeSide ? 'close-if-open' : 'open'
    case '’':
      if (inWord) return null
      if (openSide && !closeSide) return 'open'
      return 'close-if-open'
    case '„':
    case '‚':
    case '«':
    case '‹':
      return 'open'
    case '»':
    case '›':
      return 'close'
    default:
      return null
  }
}

const familyOf = (char: string): Family => ('"“”„«»'.includes(char) ? 'double' : 'single')

function marksIn(text: string, paragraph: Paragraph): Mark[] {
  const marks: Mark[] = []
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const char = text[i]
    if (!ANY_MARK.test(char)) continue
    const prev = i > paragraph.start ? text[i - 1] : ''
    const next = i + 1 < paragraph.end ? text[i + 1] : ''
    const role = roleOf(char, prev, next)
    if (role) marks.push({ at: i, family: familyOf(char), role })
  }
  return marks
}

interface Open {
  mark: Mark
  paragraph: number
  /** Set when this opener continues a quote from the paragraph before. */
  continues: number | null
}

/** Text end of a paragraph without its trailing spaces. */
function trimmedEnd(text: string, paragraph: Paragraph): number {
  let end = paragraph.end
  while (end > paragraph.start && /\s/.test(text[end - 1])) end--
  return end
}

/** Nesting deeper than this is not language; deeper spans are paired but not reported. */
export const MAX_DEPTH = 3

/**
 * The open marks, one stack, with each family's positions kept apart so the nearest opener of
 * a family is found in O(1) and the stack is cut, never copied (linear in the number of marks).
 */
class OpenStack {
  readonly items: Open[] = []
  readonly #byFamily: Record<Family, number[]> = { double: [], single: [] }

  push(open: Open): void {
    this.#byFamily[open.mark.family].push(this.items.length)
    this.items.push(open)
  }

  /** Index of the topmost opener of `family`, or -1. */
  lastOf(family: Family): number {
    return this.#byFamily[family].at(-1) ?? -1
  }

  /** Index of the opener of `family` under the one at `index`, or -1. */
  underOf(family: Family, index: number): number {
    const list = this.#byFamily[family]
    const at = list.lastIndexOf(index)
    return at > 0 ? list[at - 1] : -1
  }

  /** Drops every opener from `index` up. */
  cut(index: number): void {
    for (const list of Object.values(this.#byFamily))
      while (list.length > 0 && (list.at(-1) ?? 0) >= index) list.pop()
    this.items.length = index
  }

  get length(): number {
    return this.items.length
  }
}

/** Finds every quotation span in `text`, paired across nesting and paragraphs. */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const paragraphs = paragraphsOf(text)
  const marksByParagraph = paragraphs.map((p) => marksIn(text, p))
  const spans: QuoteSpan[] = []
  const stack = new OpenStack()
  // A quote that reopens the next paragraph links to the part before it (by its `openAt`).
  let pendingContinuation: { family: Family; span: number } | null = null

  const emit = (open: Open, closeAt: number, end: number, depth: number): number => {
    if (depth < MAX_DEPTH)
      spans.push({
        start: open.mark.at + 1,
        end,
        openAt: open.mark.at,
        closeAt,
        paragraph: open.paragraph,
        nested: depth > 0,
        continues: open.continues
      })
    return open.mark.at
  }

  paragraphs.forEach((paragraph, index) => {
    const marks = marksByParagraph[index]
    marks.forEach((mark, position) => {
      const below = stack.lastOf(mark.family)
      const closes = mark.role !== 'open' && below >= 0
      if (closes) {
        emit(stack.items[below], mark.at, mark.at, below)
        stack.cut(below)
        return
      }
      if (mark.role === 'open' || mark.role === 'either') {
        const reopens =
          position === 0 &&
          pendingContinuation?.family === mark.family &&
          isBlank(text, paragraph.start, mark.at)
        stack.push({
          mark,
          paragraph: index,
          continues: reopens && pendingContinuation ? pendingContinuation.span : null
        })
      }
    })
    pendingContinuation = null
    if (stack.length === 0) return

    // Two straight openers left over: the upper one was a closer written with a space after.
    while (stack.length >= 2) {
      const top = stack.items[stack.length - 1]
      const under = stack.underOf(top.mark.family, stack.length - 1)
      if (under < 0 || text[top.mark.at] !== text[stack.items[under].mark.at]) break
      emit(stack.items[under], top.mark.at, top.mark.at, under)
      stack.cut(under)
    }
    if (stack.length === 0) return
    const outer = stack.items[0]
    const next = marksByParagraph[index + 1]?.find((m) => m.family === outer.mark.family)
    const nextParagraph = paragraphs[index + 1]
    const reopensNext =
      next !== undefined &&
      next.role !== 'close' &&
      next.role !== 'close-if-open' &&
      isBlank(text, nextParagraph.start, next.at)
    const closesInNext =
      next !== undefined && !reopensNext && next.role !== 'open' && index - outer.paragraph < 2
    if (closesInNext) {
      // The writer did not reopen the next paragraph: the quote spans the paragraph break.
      stack.cut(1)
      return
    }
    const span = emit(outer, paragraph.end, trimmedEnd(text, paragraph), 0)
    if (reopensNext) pendingContinuation = { family: outer.mark.family, span }
    stack.cut(0)
  })

  spans.sort((a, b) => a.start - b.start)
  return markNesting(spans)
}

/** True when `text` holds only white space from `from` to `to`. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!/\s/.test(text[i])) return false
  return true
}

/**
 * A span is nested when an earlier-opening span closes after it: with spans sorted by opening,
 * the furthest close seen so far answers that in one sweep.
 */
function markNesting(spans: QuoteSpan[]): QuoteSpan[] {
  let furthestClose = -1
  for (const span of spans) {
    span.nested = furthestClose > span.closeAt
    furthestClose = Math.max(furthestClose, span.closeAt)
  }
  return spans
}
