/**
 * Quote marks and their pairing. Curly marks say their direction; straight marks get it from
 * the characters around them, and a stack pairs them so a quoted name inside a quotation nests.
 */

type Role = 'open' | 'close' | 'either' | 'close-if-open'
/** 0 for double marks, 1 for single ones. */
type Family = 0 | 1

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

const SPACE = 1
const BEFORE_OPEN = 2
const AFTER_CLOSE = 4
const LETTER_OR_DIGIT = 8
const DIGIT = 16
const MARK = 32
const MARKS = '"\'“”‘’„‚«»‹›'

const KNOWN = 128

/** The classes of one character, as bit flags. */
function classesOf(char: string): number {
  return (
    KNOWN |
    (/\s/.test(char) ? SPACE : 0) |
    (/[\s([{\u2014\u2013/-]/.test(char) ? BEFORE_OPEN : 0) |
    (/[\s.,;:!?)\]}\u2026\u2014\u2013/-]/.test(char) ? AFTER_CLOSE : 0) |
    (/[\p{L}\p{N}]/u.test(char) ? LETTER_OR_DIGIT : 0) |
    (/\p{N}/u.test(char) ? DIGIT : 0) |
    (MARKS.includes(char) ? MARK : 0)
  )
}

/** Classes by UTF-16 code, filled as characters are met, so no regex runs per mark. */
const classTable = new Uint8Array(65536)

/** Whether the character with this code (-1 at a paragraph edge) has any of `flags`. */
function has(code: number, flags: number): boolean {
  if (code < 0) return false
  let known = classTable[code]
  if (known === 0) known = classTable[code] = classesOf(String.fromCharCode(code))
  return (known & flags) !== 0
}

const OPEN_ONLY = new Set([...'„‚«‹'].map((c) => c.charCodeAt(0)))
const CLOSE_ONLY = new Set([...'»›'].map((c) => c.charCodeAt(0)))
const code = (char: string): number => char.charCodeAt(0)
const [STRAIGHT, APOSTROPHE, LEFT_DOUBLE, RIGHT_DOUBLE, LEFT_SINGLE, RIGHT_SINGLE] = [
  ...'"\'“”‘’'
].map(code)

/** The role a mark plays, read from its neighbours' codes (-1 at paragraph edges). */
const UPPER = /\p{Lu}/u

function roleOf(char: number, prev: number, next: number): Role | null {
  const openSide = prev < 0 || has(prev, BEFORE_OPEN | MARK)
  const closeSide = next < 0 || has(next, AFTER_CLOSE | MARK)
  const inWord = has(prev, LETTER_OR_DIGIT) && has(next, LETTER_OR_DIGIT)
  switch (char) {
    case STRAIGHT:
      if (openSide && !closeSide) return 'open'
      if (!openSide && closeSide) return has(prev, DIGIT) ? 'close-if-open' : 'close'
      if (openSide && closeSide) return 'either'
      // `kuat,"ujarnya`: a closing mark with the space after it forgotten; after a full stop and
      // before a capital (`Kehati."SIL ini`) it may open as well.
      if (prev < 0 || !'.,!?'.includes(String.fromCharCode(prev))) return 'either'
      return prev !== 44 && UPPER.test(String.fromCharCode(next)) ? 'either' : 'close'
    case APOSTROPHE:
      // Jum'at, Qur'an; 64' and 14' close only a quote that is open.
      if (inWord) return null
      if (openSide && !closeSide) return 'open'
      if (!openSide && closeSide) return has(prev, LETTER_OR_DIGIT) ? 'close-if-open' : 'close'
      return openSide && closeSide ? 'close-if-open' : null
    case LEFT_DOUBLE:
      return !openSide && closeSide ? 'close' : 'open'
    case RIGHT_DOUBLE:
      return openSide && !closeSide ? 'open' : 'close'
    case LEFT_SINGLE:
      if (inWord) return null
      return !openSide && closeSide ? 'close-if-open' : 'open'
    case RIGHT_SINGLE:
      if (inWord) return null
      if (openSide && !closeSide) return 'open'
      return 'close-if-open'
    default:
      if (OPEN_ONLY.has(char)) return 'open'
      return CLOSE_ONLY.has(char) ? 'close' : null
  }
}

const DOUBLE_CODES = new Set([...'"“”„«»'].map(code))
const familyOf = (char: number): Family => (DOUBLE_CODES.has(char) ? 0 : 1)

/** The marks of a text, as parallel arrays (no object per mark), grouped by paragraph. */
interface MarkTable {
  /** Offsets, families and roles (index into ROLES) in typed arrays: nothing for the GC to copy. */
  at: Int32Array
  family: Uint8Array
  role: Uint8Array
  /** Index of the first mark of each paragraph; one more entry closes the last. */
  firstOf: number[]
}

const ROLES: readonly Role[] = ['open', 'close', 'either', 'close-if-open']

/** Calls `visit` for each mark of a paragraph that plays a role. */
function eachMark(
  text: string,
  paragraph: Paragraph,
  visit: (at: number, char: number, role: Role) => void
): void {
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const char = text.charCodeAt(i)
    if (!has(char, MARK)) continue
    const prev = i > paragraph.start ? text.charCodeAt(i - 1) : -1
    const next = i + 1 < paragraph.end ? text.charCodeAt(i + 1) : -1
    const role = roleOf(char, prev, next)
    if (role) visit(i, char, role)
  }
}

function markTable(text: string, paragraphs: Paragraph[]): MarkTable {
  let count = 0
  for (const paragraph of paragraphs) eachMark(text, paragraph, () => count++)
  const table: MarkTable = {
    at: new Int32Array(count),
    family: new Uint8Array(count),
    role: new Uint8Array(count),
    firstOf: []
  }
  let n = 0
  for (const paragraph of paragraphs) {
    table.firstOf.push(n)
    eachMark(text, paragraph, (at, char, role) => {
      table.at[n] = at
      table.family[n] = familyOf(char)
      table.role[n] = ROLES.indexOf(role)
      n++
    })
  }
  table.firstOf.push(n)
  return table
}

const isSpaceAt = (text: string, i: number): boolean => has(text.charCodeAt(i), SPACE)

/** Text end of a paragraph without its trailing spaces. */
function trimmedEnd(text: string, paragraph: Paragraph): number {
  let end = paragraph.end
  while (end > paragraph.start && isSpaceAt(text, end - 1)) end--
  return end
}

/** True when `text` holds only white space from `from` to `to`. */
function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isSpaceAt(text, i)) return false
  return true
}

/** Nesting deeper than this is not language; deeper spans are paired but not reported. */
export const MAX_DEPTH = 3

/**
 * The open marks, one stack of parallel arrays, with each family's positions kept apart so the
 * nearest opener of a family is found in O(1) and the stack is cut, never copied.
 */
class OpenStack {
  /** Mark index of each opener (typed arrays sized to the marks: no growth, nothing to collect). */
  readonly mark: Int32Array
  readonly paragraph: Int32Array
  /** `openAt` of the part this opener continues from the paragraph before, or -1. */
  readonly continues: Int32Array
  /** Stack indexes of each family's openers, bottom first, and how many there are. */
  readonly #byFamily: [Int32Array, Int32Array]
  readonly #familyCount = [0, 0]
  #length = 0

  constructor(capacity: number) {
    this.mark = new Int32Array(capacity)
    this.paragraph = new Int32Array(capacity)
    this.continues = new Int32Array(capacity)
    this.#byFamily = [new Int32Array(capacity), new Int32Array(capacity)]
  }

  push(mark: number, family: Family, paragraph: number, continues: number): void {
    this.#byFamily[family][this.#familyCount[family]++] = this.#length
    this.mark[this.#length] = mark
    this.paragraph[this.#length] = paragraph
    this.continues[this.#length] = continues
    this.#length++
  }

  /** Stack index of the topmost opener of `family`, or -1. */
  lastOf(family: Family): number {
    const count = this.#familyCount[family]
    return count > 0 ? this.#byFamily[family][count - 1] : -1
  }

  /** Stack index of the opener of `family` just under the top one, or -1. */
  underTop(family: Family): number {
    const count = this.#familyCount[family]
    return count > 1 ? this.#byFamily[family][count - 2] : -1
  }

  /** Drops every opener from stack index `index` up. */
  cut(index: number): void {
    for (const family of [0, 1] as const) {
      const list = this.#byFamily[family]
      while (this.#familyCount[family] > 0 && list[this.#familyCount[family] - 1] >= index)
        this.#familyCount[family]--
    }
    this.#length = Math.min(this.#length, index)
  }

  get length(): number {
    return this.#length
  }
}

/** Finds every quotation span in `text`, paired across nesting and paragraphs. */
export function findQuoteSpans(
  text: string,
  paragraphs: Paragraph[] = paragraphsOf(text)
): QuoteSpan[] {
  const marks = markTable(text, paragraphs)
  const spans: QuoteSpan[] = []
  const stack = new OpenStack(marks.at.length)
  // A quote that reopens the next paragraph links to the part before it (by its `openAt`).
  let pending: { family: Family; span: number } | null = null

  /** Emits the quotation opened at stack index `index`; empty ones and deep ones are dropped. */
  const emit = (index: number, closeAt: number, end: number): number => {
    const openAt = marks.at[stack.mark[index]]
    if (index < MAX_DEPTH && !isBlank(text, openAt + 1, end))
      spans.push({
        start: openAt + 1,
        end,
        openAt,
        closeAt,
        paragraph: stack.paragraph[index],
        nested: index > 0,
        continues: stack.continues[index] < 0 ? null : stack.continues[index]
      })
    return openAt
  }

  paragraphs.forEach((paragraph, p) => {
    const first = marks.firstOf[p]
    for (let m = first; m < marks.firstOf[p + 1]; m++) {
      const family = marks.family[m] as Family
      const role = ROLES[marks.role[m]]
      const below = stack.lastOf(family)
      if (role !== 'open' && below >= 0) {
        emit(below, marks.at[m], marks.at[m])
        stack.cut(below)
        continue
      }
      if (role === 'open' || role === 'either') {
        const reopens =
          m === first && pending?.family === family && isBlank(text, paragraph.start, marks.at[m])
        stack.push(m, family, p, reopens && pending ? pending.span : -1)
      }
    }
    pending = null
    if (stack.length === 0) return

    // Two straight openers left over: the upper one was a closer written with a space after.
    while (stack.length >= 2) {
      const topMark = stack.mark[stack.length - 1]
      const under = stack.underTop(marks.family[topMark] as Family)
      if (under < 0 || text[marks.at[topMark]] !== text[marks.at[stack.mark[under]]]) break
      emit(under, marks.at[topMark], marks.at[topMark])
      stack.cut(under)
    }
    if (stack.length === 0) return
    const outerFamily = marks.family[stack.mark[0]] as Family
    let next = -1
    for (let m = marks.firstOf[p + 1]; m < (marks.firstOf[p + 2] ?? m); m++)
      if (marks.family[m] === outerFamily) {
        next = m
        break
      }
    const nextRole = next >= 0 ? ROLES[marks.role[next]] : null
    const reopensNext =
      nextRole !== null &&
      nextRole !== 'close' &&
      nextRole !== 'close-if-open' &&
      isBlank(text, paragraphs[p + 1].start, marks.at[next])
    const closesInNext =
      nextRole !== null && !reopensNext && nextRole !== 'open' && p - stack.paragraph[0] < 2
    if (closesInNext) {
      // The writer did not reopen the next paragraph: the quote spans the paragraph break.
      stack.cut(1)
      return
    }
    const span = emit(0, paragraph.end, trimmedEnd(text, paragraph))
    if (reopensNext) pending = { family: outerFamily, span }
    stack.cut(0)
  })

  spans.sort((a, b) => a.start - b.start)
  return markNesting(spans)
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
