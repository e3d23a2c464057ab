import { SorotFailure } from '../../../../shared/result'

/*
 * A page's markup is counted before any DOM is built: linkedom's (htmlparser2's) parse and the
 * walks over its tree grow faster than the page when elements nest thousands deep, so a page
 * over the element limit is refused, and what nests deeper than the depth limit is flattened in
 * the markup itself. One pass over the text, a bounded look at the open elements per tag.
 */

/** Pages with more elements than this are refused: reading them would take too long. */
export const MAX_ELEMENTS = 30_000

/**
 * Beyond this depth a page's elements are flattened into blocks: no news page nests that deep,
 * and parsing and Readability's walk get slow on pages that do.
 */
export const MAX_DEPTH = 64

/** The pre-count flattens a little above the depth limit: the parser adds html, head, body. */
const MARKUP_DEPTH = MAX_DEPTH - 6

/** How many open elements an end tag is looked for among: stray end tags stay cheap. */
const LOOK_BACK = 64

const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr keygen'.split(' ')
)

/** Elements whose content is text up to their own end tag, never markup. */
const RAW_TEXT = new Set(
  'script style textarea title xmp iframe noembed noframes plaintext'.split(' ')
)

/** Block kinds a flattened part keeps (one open at a time). */
const KEPT = new Set('p h1 h2 h3 h4 h5 h6 li blockquote pre dt dd'.split(' '))

/** Elements that start a new block: flattened, they become a line break. */
const BOUNDARY = new Set(
  (
    'div section article main header footer nav aside address table thead tbody tfoot tr td th ' +
    'caption ul ol dl center details summary figure figcaption form fieldset hr'
  ).split(' ')
)

/** An element that, opened, closes an open one of these (HTML's implied end tags). */
const IMPLIED_CLOSE: Record<string, readonly string[]> = {
  li: ['li'],
  dt: ['dt', 'dd'],
  dd: ['dt', 'dd'],
  option: ['option'],
  tr: ['tr', 'td', 'th'],
  td: ['td', 'th'],
  th: ['td', 'th']
}

// A tag with quoted attribute values (which may hold ">"), a comment, or a declaration.
const TOKEN =
  /<(\/?)([A-Za-z][^\t\n\f\r />]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?(?:-->|$)|<![^>]*>/g

const NON_SPACE = /\S/g

/** What the pre-count found: the markup to parse (flattened when it had to be). */
export interface GuardedMarkup {
  html: string
  elements: number
  flattened: boolean
}

/**
 * Counts the elements of `html` and flattens what nests deeper than MAX_DEPTH, before any parse.
 * Throws a `bad_input` failure naming `name` when the page has more than MAX_ELEMENTS elements.
 */
export function guardMarkup(html: string, name: string): GuardedMarkup {
  const open: string[] = []
  const dropped = new Map<string, number>()
  let keptOpen: string | null = null
  let elements = 0
  const out: string[] = []
  let copied = 0
  const replace = (from: number, to: number, markup: string): void => {
    out.push(html.slice(copied, from), markup)
    copied = to
  }
  // A flattened boundary's line break is written only if what follows is not a new block: a
  // <br> before a block reads as nothing, and each element costs the article's sanitising parse.
  let owedBreak = -1
  const settleBreak = (blockNext: boolean): void => {
    if (owedBreak >= 0 && !blockNext) out[owedBreak] = '<br>'
    owedBreak = -1
  }
  const closeKept = (): string => {
    const markup = keptOpen ? `</${keptOpen}>` : ''
    keptOpen = null
    return markup
  }
  // A flattened block boundary becomes a line break only after text: empty blocks add nothing.
  let lastEnd = 0
  let textSince = false
  const lineBreak = (): string => {
    const markup = textSince ? `${closeKept()}<br>` : closeKept()
    textSince = false
    return markup
  }
  /** A dropped boundary: closes the kept block and owes a line break after text. */
  const boundary = (from: number, to: number): void => {
    const owed = textSince
    textSince = false
    replace(from, to, closeKept())
    if (owed) out.push('')
    owedBreak = owed ? out.length - 1 : -1
  }

  TOKEN.lastIndex = 0
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const [whole, slash, rawName, attributes] = match
    if (!rawName) continue
    const tag = rawName.toLowerCase()
    const from = match.index
    const to = from + whole.length
    NON_SPACE.lastIndex = lastEnd
    if ((NON_SPACE.exec(html)?.index ?? from) < from) textSince = true
    lastEnd = to
    settleBreak(!slash && !textSince && (tag === 'p' || BOUNDARY.has(tag) || KEPT.has(tag)))
    if (slash) {
      const over = dropped.get(tag) ?? 0
      if (over > 0) {
        dropped.set(tag, over - 1)
        if (tag === keptOpen) keptOpen = null
        else if (BOUNDARY.has(tag)) boundary(from, to)
        else replace(from, to, '')
        continue
      }
      for (let at = open.length - 1; at >= 0 && open.length - at <= LOOK_BACK; at--)
        if (open[at] === tag) {
          open.length = at
          break
        }
      continue
    }
    elements++
    if (elements > MAX_ELEMENTS)
      throw new SorotFailure(
        'bad_input',
        `${name} is too large to read: it has more than ${MAX_ELEMENTS.toLocaleString('en')} elements`
      )
    if (RAW_TEXT.has(tag)) {
      // Its text is not markup: skip to its end tag (or the end of the page).
      const endTag = new RegExp(`</${tag}`, 'gi')
      endTag.lastIndex = to
      const end = endTag.exec(html)
      TOKEN.lastIndex = end ? end.index : html.length
      continue
    }
    if (VOID.has(tag) || attributes.endsWith('/')) continue
    const closes = IMPLIED_CLOSE[tag]
    if (closes) while (open.length > 0 && closes.includes(open[open.length - 1])) open.pop()
    if (tag === 'p' || BOUNDARY.has(tag) || KEPT.has(tag))
      if (open[open.length - 1] === 'p') open.pop()
    if (open.length < MARKUP_DEPTH) {
      open.push(tag)
      continue
    }
    dropped.set(tag, (dropped.get(tag) ?? 0) + 1)
    if (KEPT.has(tag)) {
      replace(from, to, `${lineBreak()}<${tag}>`)
      keptOpen = tag
    } else if (BOUNDARY.has(tag)) boundary(from, to)
    else replace(from, to, '')
  }
  settleBreak(false)
  if (copied === 0) return { html, elements, flattened: false }
  out.push(html.slice(copied))
  return { html: out.join(''), elements, flattened: true }
}
