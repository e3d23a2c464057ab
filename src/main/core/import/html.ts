import { createRequire } from 'node:module'
import { Readability } from '@mozilla/readability'
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify'
import type * as Jsdom from 'jsdom'
import type * as Linkedom from 'linkedom'
import type { Block, BlockType, Removal } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import { cleanLines } from './clean'
import type { ArticleDraft, ExtractOptions } from './extract'
import {
  classAttribute,
  parseDate,
  readPageMetadata,
  sameText,
  stripSiteSuffix,
  tidy,
  tidySiteName
} from './html-metadata'
import { guardMarkup, MAX_DEPTH, MAX_ELEMENTS } from './html-guard'
import { sanitizePage, serializePage } from './html-sanitize'
import { junkRules, type JunkRule } from './junk-rules'
import {
  honestAuthors,
  ruleAuthors,
  ruleBody,
  ruleDateText,
  ruleJunk,
  ruleTitle,
  splitNames
} from './outlet-apply'
import { outletRuleFor } from './outlet-rules'
import {
  authorFromByline,
  detectLanguage,
  outletFromUrl,
  takeDateLine,
  textMetadata,
  tidyAuthor,
  titleFromText
} from './metadata'
import { lookupTable, ownValue } from '../../../shared/own'

/*
 * Imported HTML is data, never markup (DESIGN.md §2, §4): a page is reduced to text blocks and
 * nothing of its markup (tags, attributes, URLs of scripts or handlers) is kept.
 *
 * linkedom parses the page (it is many times faster than jsdom, and Readability's walk over it
 * stays fast on deep pages); it runs no script and loads nothing. Readability picks the article
 * out of that DOM and serialises it; when the page marks up its article's container, Readability
 * reads a small document of only that container, and the whole page only when the container
 * gives it nothing (most of a news page is menus and boxes Readability would walk and weigh in
 * vain). Only that markup, never the page, goes through DOMPurify, in one jsdom window
 * (DOMPurify needs a full DOM), with a text-only configuration: no attribute survives, only the
 * elements that shape blocks stay (other elements give up their text and go), and code, embeds,
 * forms' controls and media go with everything inside them. Every text
 * this file turns into blocks is read from DOMPurify's result. That is the security guarantee,
 * whatever linkedom or Readability make of a page. The junk removal before it serves the
 * extraction, not security: it takes out page furniture and widgets (navigation, share bars,
 * comments, related links) that are harmless but are not the article. The depth and size guards
 * bound the work a hostile page can cause.
 */

const ELEMENT_NODE = 1
const TEXT_NODE = 3

/** Page furniture by element: never the article, so never left for Readability to weigh. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'figure', 'figcaption', 'dialog'])

/**
 * Elements of the body that hold no text, taken out before Readability: DOMPurify would drop
 * them anyway, and a page's images, scripts and embeds are much of what Readability and
 * DOMPurify would otherwise walk. (Not a security measure: DOMPurify's configuration is.)
 */
const UNREAD_TAGS = new Set(
  'script style noscript template iframe object embed img picture source link meta'.split(' ')
)

/** Class and id words that name widgets around an article rather than the article. */
const JUNK_WORDS = new Set(
  (
    'comment comments komentar disqus share sharing social sosmed related terkait newsletter ' +
    'subscribe advertisement advert ads ad iklan banner promo breadcrumb breadcrumbs sidebar ' +
    'popular terpopuler populer recommendation rekomendasi cookie cookies popup modal navbar ' +
    'navigation menu footer trending tags tag twitter tweet instagram tiktok outbrain taboola'
  ).split(' ')
)

/** Landmark roles of page furniture around an article (navigation, site header and footer). */
const JUNK_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search'])

const BLOCK_OF = lookupTable<BlockType>({
  h1: 'h',
  h2: 'h',
  h3: 'h',
  h4: 'h',
  h5: 'h',
  h6: 'h',
  li: 'li',
  blockquote: 'quote'
})

/** Elements that start a new block without changing its kind. */
const BOUNDARIES = new Set(
  (
    'p div section article main header address pre table thead tbody tfoot tr td th caption ' +
    'ul ol dl dt dd center details summary hr body html'
  ).split(' ')
)

/**
 * Elements that are no text, removed by DOMPurify with everything inside them: code, embeds,
 * forms' controls, media, and what belongs in a document's head. A `<form>` itself only loses
 * its tag: some sites wrap the whole page in one.
 */
const NOT_TEXT = (
  'script style noscript template iframe frame frameset noframes object embed applet ' +
  'input button select textarea option optgroup datalist label output svg math canvas ' +
  'video audio source track picture img map area link meta base head title'
).split(' ')

/**
 * DOMPurify's configuration: only the elements that shape blocks are kept (the others give up
 * their text and go), no attribute at all, and the result is handed back as a DOM tree, not
 * re-serialised.
 */
const SANITIZE: Config & { RETURN_DOM: true } = {
  ALLOWED_TAGS: ['br', ...Object.keys(BLOCK_OF), ...BOUNDARIES],
  ALLOWED_ATTR: [],
  ALLOW_ARIA_ATTR: false,
  ALLOW_DATA_ATTR: false,
  FORBID_TAGS: [...NOT_TEXT, 'form'],
  FORBID_ATTR: ['style'],
  ADD_FORBID_CONTENTS: NOT_TEXT,
  RETURN_DOM: true
}

/** A block before cleaning: its kind and its lines (a `<br>` starts a new line). */
interface RawBlock {
  type: BlockType
  lines: string[]
}

export { MAX_DEPTH, MAX_ELEMENTS } from './html-guard'

/**
 * Readability is not run over a page with more elements than this (after junk removal): the
 * page's own article element, or its body, is read instead.
 */
export const READABLE_ELEMENTS = 15_000

/** Elements whose text is never read: dropped when a too-deep part of a page is flattened. */
const NOT_TEXT_SET = new Set(NOT_TEXT)

/** Elements a block of flattened text keeps the kind of. */
const BLOCK_TAGS = new Set(
  [...Object.keys(BLOCK_OF), ...BOUNDARIES].filter((tag) => tag !== 'body' && tag !== 'html')
)

/**
 * A saved or fetched web page → article draft: metadata read from the whole page (Open Graph,
 * meta tags, JSON-LD, bylines), the article found by Readability in the page's article container
 * or else in the whole page (or the page's own article element, or its body, when it finds
 * none), sanitised by DOMPurify, reduced to text blocks and cleaned of news junk like text is.
 */
export function extractHtml(
  html: string,
  name: string,
  options: ExtractOptions = {}
): ArticleDraft {
  return extractHtmlPage(html, name, options).draft
}

/** extractHtml, and the page to store for re-extraction: sanitised, nothing active left. */
export function extractHtmlPage(
  html: string,
  name: string,
  options: ExtractOptions = {}
): { draft: ArticleDraft; stored: string } {
  const reference = options.reference ?? new Date()
  let document = parsePage(html, name)
  sanitizePage(document)
  // What is stored, and what a fresh parse below reads: the page without anything active.
  const stored = serializePage(document)
  const page = readPageMetadata(document, reference)
  const rule = outletRuleFor([page.url], page.outlet)
  const bylineByRule = rule ? ruleAuthors(document, rule) : []
  const dateByRule = rule ? parseDate(ruleDateText(document, rule), reference) : null
  const outletJunk = rule ? ruleJunk(rule) : []

  // An outlet rule's body containers first: the rule knows where the article is.
  let found: ReadabilityArticle | null = null
  let cleaned = NO_BLOCKS
  const ruled = rule ? ruleBody(document, rule) : []
  if (ruled.length) {
    for (const el of ruled) removeJunkUnder(el, true)
    const markup = ruled.map((el) => el.outerHTML).join('')
    cleaned = cleanBlocks(textBlocks(markup), reference, options.keep, outletJunk)
  }
  removeJunk(document)
  // Else the article's own container: Readability over it alone walks a fraction of the page.
  const container = cleaned.blocks.length === 0 ? articleContainer(document) : null
  if (container) {
    found = readable(container) ? readSafely(containerDocument(document, container)) : null
    cleaned = cleanBlocks(found ? textBlocks(found.content) : [], reference, options.keep)
  }
  if (cleaned.blocks.length === 0) {
    // (linkedom's getElementsByTagName('*') finds nothing: the selector form counts.)
    const whole = readable(document.documentElement)
    found = whole ? readSafely(document) : null
    cleaned = cleanBlocks(found ? textBlocks(found.content) : [], reference, options.keep)
    if (cleaned.blocks.length === 0) {
      if (whole) {
        // Readability changes the page it reads: the page's own text comes from a fresh parse.
        document = parsePage(stored, name)
        removeJunk(document)
      }
      for (const root of fallbackRoots(document)) {
        cleaned = cleanBlocks(textBlocks(root.innerHTML), reference, options.keep)
        if (cleaned.blocks.length > 0) break
      }
    }
  }

  let blocks = cleaned.blocks
  const outletFromPage = page.outlet ?? tidySiteName(found?.siteName)
  const url = page.url ?? cleaned.sourceUrl
  const titleSource = page.title ?? found?.title ?? null
  const plainTitle = titleSource ? stripSiteSuffix(tidy(titleSource), outletFromPage) : null
  const title = plainTitle && rule ? ruleTitle(plainTitle, rule) : plainTitle
  if (title && blocks.length > 1 && sameText(blocks[0].text, title)) blocks = blocks.slice(1)
  if (blocks.length === 0) throw new SorotFailure('bad_input', `${name} holds no article text`)

  const fromText = textMetadata(blocks, cleaned.removed, url, reference)
  const outlet = outletFromPage ?? fromText.outlet ?? outletFromUrl(url) ?? rule?.name ?? null
  const bylines = [
    page.author,
    fromText.author,
    found?.byline && (authorFromByline(found.byline) ?? found.byline)
  ]
  const authors = bylineByRule.length
    ? bylineByRule
    : (bylines
        .map((byline) => tidyAuthor(byline, outlet))
        .map((byline) => (byline ? honestAuthors(splitNames(byline), rule, outlet) : []))
        .find((names) => names.length > 0) ?? [])
  const draft: ArticleDraft = {
    title: title || titleFromText(blocks[0].text),
    blocks,
    removed: cleaned.removed,
    outlet,
    author: authors.length ? authors.join(', ') : null,
    authors,
    url,
    publishedAt:
      page.publishedAt ??
      dateByRule ??
      parseDate(found?.publishedTime, reference) ??
      cleaned.dateLine ??
      fromText.publishedAt,
    language: detectLanguage(blocks) ?? page.language
  }
  return { draft, stored }
}

/** Classes Indonesian outlets give the element that holds an article's text, and no other. */
const ARTICLE_CLASSES = [
  'read__content', // Kompas
  'detail__body-text', // detik
  'detail-text', // CNN Indonesia
  'txt-article', // Tribun
  'article-content-body', // Liputan6
  'article-content'
]

/**
 * A text node this long, outside links, is prose: what Readability scores a page by. Menus,
 * related-article boxes and dates are links or shorter.
 */
const PROSE_CHARS = 80

/** The share of a page's prose its container must hold to be taken for the article. */
const CONTAINER_SHARE = 0.8

/**
 * The element the page marks up as its article (itemprop="articleBody", the only element of an
 * outlet's article class, its only `<article>`), when it holds nearly all of the page's prose:
 * a marked teaser or widget never stands for the article. Null when there is none.
 */
function articleContainer(document: Document): Element | null {
  const candidates = containerCandidates(document.body)
  if (candidates.length === 0) return null
  const prose = proseNodes(document.body)
  const total = prose.reduce((sum, [, length]) => sum + length, 0)
  return (
    candidates.find((candidate) => {
      let held = 0
      for (const [node, length] of prose) if (candidate.contains(node)) held += length
      return held > 0 && held >= total * CONTAINER_SHARE
    }) ?? null
  )
}

/**
 * The elements that may be the article's container, most specific first, found in one walk
 * (a selector query per class would walk the page each time).
 */
function containerCandidates(body: Element): Element[] {
  let articleBody: Element | null = null
  const articles: Element[] = []
  const byClass = new Map<string, Element[]>(ARTICLE_CLASSES.map((name) => [name, []]))
  const stack: Element[] = [body]
  while (stack.length > 0) {
    const el = stack.pop() as Element
    if (!articleBody && el.getAttribute('itemprop') === 'articleBody') articleBody = el
    if (el.localName === 'article') articles.push(el)
    const names = classAttribute(el)
    if (names) for (const name of new Set(names.split(/\s+/))) byClass.get(name)?.push(el)
    if (el.localName === 'template') continue
    for (let child = el.lastElementChild; child; child = child.previousElementSibling)
      stack.push(child)
  }
  const only = (els: Element[]): Element | null => (els.length === 1 ? els[0] : null)
  return [
    articleBody,
    ...ARTICLE_CLASSES.map((name) => only(byClass.get(name) ?? [])),
    only(articles)
  ].filter((el): el is Element => el !== null)
}

/** The prose text nodes under `root`, with their tidied lengths. */
function proseNodes(root: Element): Array<[Node, number]> {
  const prose: Array<[Node, number]> = []
  const stack: Node[] = [root]
  while (stack.length > 0) {
    const node = stack.pop() as Node
    if (node.nodeType === TEXT_NODE) {
      const length = tidy(node.textContent ?? '').length
      if (length >= PROSE_CHARS) prose.push([node, length])
    } else if (node.nodeType === ELEMENT_NODE && node.nodeName !== 'A') {
      for (let child = node.firstChild; child; child = child.nextSibling) stack.push(child)
    }
  }
  return prose
}

/**
 * A fresh document of the page's title, meta tags and JSON-LD (what Readability reads its
 * metadata from) and a copy of `container`: the page itself stays whole for the fallback.
 */
function containerDocument(page: Document, container: Element): Document {
  const document = parsePage('<!DOCTYPE html><html><head></head><body></body></html>', 'article')
  const lang = page.documentElement.getAttribute('lang')
  if (lang) document.documentElement.setAttribute('lang', lang)
  for (const el of Array.from(
    page.head.querySelectorAll('title, meta, script[type="application/ld+json"]')
  ))
    document.head.appendChild(document.importNode(el, true))
  document.body.appendChild(document.importNode(container, true))
  return document
}

/**
 * Where the text of a page Readability found nothing in (or did not read) is looked for: the
 * element the page itself names as its article, then its only `<article>`, then `<main>`, and
 * last the whole body.
 */
function fallbackRoots(document: Document): Element[] {
  const articles = document.querySelectorAll('article')
  const roots = [
    document.querySelector('[itemprop="articleBody"]'),
    articles.length === 1 ? articles[0] : null,
    document.querySelector('main'),
    document.body
  ]
  return roots.filter((root): root is Element => root !== null)
}

// ---------------------------------------------------------------------------------------------
// Two DOMs: linkedom reads the page (fast), jsdom is where DOMPurify cleans the article.

type LinkedomModule = typeof Linkedom
type JsdomModule = typeof Jsdom

let linkedom: LinkedomModule | null = null

/**
 * The page as a linkedom document: always an `<html>` with a `<head>` and a `<body>`, no part
 * nested deeper than MAX_DEPTH (the markup is counted and flattened before it is parsed). linkedom builds a DOM and nothing else: it runs no script,
 * loads nothing, and has no window a page could reach. It is loaded on first use, not when
 * this file is: most commands never read HTML.
 */
export function parsePage(html: string, name: string): Document {
  linkedom ??= createRequire(import.meta.url)('linkedom') as LinkedomModule
  const document = new linkedom.DOMParser().parseFromString(
    guardMarkup(html, name).html,
    'text/html'
  ) as unknown as Document
  wholeDocument(document)
  guardTree(document, name)
  return document
}

/**
 * Gives the document the shape a browser would: linkedom keeps the markup's own shape, so a
 * page written without `<html>`, `<head>` or `<body>` (or with text after them) has its nodes
 * moved into them.
 */
function wholeDocument(document: Document): void {
  const top = Array.from(document.childNodes).filter((node) => node.nodeType !== 10)
  let root = top.find((node) => node.nodeName === 'HTML') as Element | undefined
  if (!root) {
    root = document.createElement('html')
    document.appendChild(root)
  }
  const children = (parent: Element, tag: string): Element | undefined =>
    Array.from(parent.children).find((child) => child.nodeName === tag)
  const head =
    children(root, 'HEAD') ?? root.insertBefore(document.createElement('head'), root.firstChild)
  let body = children(root, 'BODY')
  const before: Node[] = []
  const after: Node[] = []
  const place = (node: Node): void => {
    if (node === root || node === head || node === body) return
    if (['TITLE', 'META', 'LINK', 'BASE'].includes(node.nodeName)) head.appendChild(node)
    else (body ? after : before).push(node)
  }
  for (const node of top) {
    if (node !== root) place(node)
    else for (const child of Array.from(root.childNodes)) place(child)
  }
  if (!body) body = root.appendChild(document.createElement('body'))
  body.prepend(...before)
  body.append(...after)
}

/**
 * Counts the page's elements and flattens what lies deeper than MAX_DEPTH; refuses a page with
 * more than MAX_ELEMENTS. The walk keeps its own stack: a deep page cannot overflow the call
 * stack.
 */
function guardTree(document: Document, name: string): void {
  let count = 0
  const stack: Array<[Element, number]> = [[document.documentElement, 1]]
  while (stack.length > 0) {
    const [el, depth] = stack.pop() as [Element, number]
    count += depth === MAX_DEPTH ? 1 + flatten(el) : 1
    if (count > MAX_ELEMENTS)
      throw new SorotFailure(
        'bad_input',
        `${name} is too large to read: it has more than ${MAX_ELEMENTS.toLocaleString('en')} elements`
      )
    if (depth === MAX_DEPTH) continue
    for (let child = el.firstElementChild; child; child = child.nextElementSibling)
      stack.push([child, depth + 1])
  }
}

/**
 * Replaces what is inside `el` by its text as flat blocks: each run of text keeps the kind of
 * the block element it was in (a paragraph, a heading, a list item…) and its `<br>`s; elements
 * that hold no text (scripts, styles, media…) go. Returns how many elements it made.
 */
function flatten(el: Element): number {
  const document = el.ownerDocument
  const runs: Element[] = []
  let owner: Element | null = null
  let run: Element | null = null
  const stack: Array<[Node, Element]> = Array.from(el.childNodes, (node): [Node, Element] => [
    node,
    el
  ]).reverse()
  while (stack.length > 0) {
    const [node, block] = stack.pop() as [Node, Element]
    const tag = node.nodeName.toLowerCase()
    if (node.nodeType === TEXT_NODE || tag === 'br') {
      if (!run || block !== owner) {
        run = document.createElement(block === el ? 'p' : block.nodeName.toLowerCase())
        runs.push(run)
        owner = block
      }
      run.append(
        node.nodeType === TEXT_NODE ? (node.textContent ?? '') : document.createElement('br')
      )
      continue
    }
    if (node.nodeType !== ELEMENT_NODE || NOT_TEXT_SET.has(tag)) continue
    const inner = BLOCK_TAGS.has(tag) ? (node as Element) : block
    const kids = Array.from(node.childNodes)
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], inner])
  }
  el.replaceChildren(...runs)
  return runs.length
}

/** Sanitises HTML with DOMPurify, in one jsdom window. */
export interface Purifier {
  /** The DOMPurify instance over the window. */
  readonly purify: DOMPurify
  /** `html` as DOMPurify's clean DOM tree (a `<body>` of the window). */
  clean(html: string): Element
}

let shared: Purifier | null = null

/**
 * The jsdom window DOMPurify works in, made on first use. One window serves all pages: making
 * a window costs far more than cleaning an article in it, and it only ever holds the article
 * markup Readability chose. jsdom is loaded here, not when this file is: loading it takes
 * longer than most commands that never read HTML.
 */
export function purifier(): Purifier {
  if (shared) return shared
  const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as JsdomModule
  // jsdom's defaults run no script and load no resource; the silent console keeps a page's
  // broken CSS out of the log.
  const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() })
  // jsdom gives each document DOMPurify parses a selector engine that adds listeners to the
  // window and never removes them: each page would make the next one slower and stay in memory.
  // Nothing in this window dispatches an event, so it takes no listeners.
  window.addEventListener = (): void => undefined
  const purify = createDOMPurify(window)
  if (!purify.isSupported) throw new Error('DOMPurify cannot run over jsdom')
  const instance: Purifier = { purify, clean: (html) => instance.purify.sanitize(html, SANITIZE) }
  shared = instance
  return shared
}

/** Article markup as text blocks, read from DOMPurify's clean tree of it, never from the markup. */
function textBlocks(html: string): RawBlock[] {
  return collectBlocks(purifier().clean(html))
}

interface ReadabilityArticle {
  /** The article's markup, as Readability serialised it from the page's DOM. */
  content: string
  title: string | null
  byline: string | null
  siteName: string | null
  publishedTime: string | null
}

/**
 * Readability's walk asks linkedom for an element's children again and again, and linkedom
 * builds that list each time: an element with thousands of children makes the walk quadratic.
 */
export const READABLE_CHILDREN = 500

/** Whether Readability may walk `root`: not too many elements, none with too many children. */
function readable(root: Element): boolean {
  let count = 0
  const stack: Element[] = [root]
  while (stack.length > 0) {
    const el = stack.pop() as Element
    let children = 0
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
      if (++children > READABLE_CHILDREN || ++count > READABLE_ELEMENTS) return false
      stack.push(child)
    }
  }
  return true
}

/** Readability's article of `document`: a page it cannot walk is one it found nothing in. */
function readSafely(document: Document): ReadabilityArticle | null {
  try {
    return readArticle(document)
  } catch {
    return null
  }
}

function readArticle(document: Document): ReadabilityArticle | null {
  const article = new Readability(document, { maxElemsToParse: READABLE_ELEMENTS }).parse()
  if (!article?.content) return null
  return {
    content: article.content,
    title: article.title ?? null,
    byline: article.byline ?? null,
    siteName: article.siteName ?? null,
    publishedTime: article.publishedTime ?? null
  }
}

// ---------------------------------------------------------------------------------------------
// Junk removal and the walk from DOM to text blocks.

/** Removes page furniture, widgets and hidden parts, never the element holding the headline. */
function removeJunk(document: Document): void {
  // The head stays: Readability reads its meta tags too.
  removeJunkUnder(document.body, false)
}

/** Inline elements an outlet's own body container keeps, whatever their class says. */
const INLINE = new Set('a span strong b i em u small sup sub mark abbr time'.split(' '))

/**
 * Removes the junk under `root` (not `root` itself); the walk does not enter what it removes.
 * Inside an outlet rule's body, inline elements stay: a linked word is part of its sentence.
 */
function removeJunkUnder(root: Element, keepInline: boolean): void {
  const stack: Element[] = Array.from(root.children).reverse()
  while (stack.length > 0) {
    const el = stack.pop() as Element
    const tag = el.nodeName.toLowerCase()
    if (tag !== 'main' && !(keepInline && INLINE.has(tag))) {
      if (FURNITURE_TAGS.has(tag) || UNREAD_TAGS.has(tag)) {
        el.remove()
        continue
      }
      if (isJunk(el, tag) && !el.querySelector('h1, [itemprop="articleBody"]')) {
        el.remove()
        continue
      }
    }
    for (let child = el.lastElementChild; child; child = child.previousElementSibling)
      stack.push(child)
  }
}

function isJunk(el: Element, tag: string): boolean {
  if (tag === 'header') return true
  const role = el.getAttribute('role')
  if (role && JUNK_ROLES.has(role.toLowerCase())) return true
  if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? ''))
    return true
  const names = `${classAttribute(el)} ${el.getAttribute('id') ?? ''}`.toLowerCase()
  if (!names.trim()) return false
  return names
    .split(/\s+/)
    .some(
      (word) => JUNK_WORDS.has(word) || word.split(/[-_]+/).some((part) => JUNK_WORDS.has(part))
    )
}

/**
 * The text of `root`, a tree DOMPurify has sanitised, as blocks: headings, list items and quotes
 * keep their kind. Only text nodes and the names of the elements DOMPurify kept are read.
 */
function collectBlocks(root: Node): RawBlock[] {
  const blocks: RawBlock[] = []
  let buffer = ''
  let type: BlockType = 'p'
  const flush = (): void => {
    const lines = buffer
      .split('\n')
      .map(tidy)
      .filter((line) => line !== '')
    if (lines.length) blocks.push({ type, lines })
    buffer = ''
  }
  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      // Source line breaks inside HTML text are only spaces; <br> is the break.
      buffer += (node.textContent ?? '').replace(/\s+/g, ' ')
      return
    }
    if (node.nodeType !== ELEMENT_NODE) return
    const tag = node.nodeName.toLowerCase()
    if (tag === 'br') {
      buffer += '\n'
      return
    }
    const kind = ownValue(BLOCK_OF, tag)
    if (!kind && !BOUNDARIES.has(tag)) {
      Array.from(node.childNodes).forEach(visit)
      return
    }
    flush()
    const outer = type
    if (kind) type = kind
    Array.from(node.childNodes).forEach(visit)
    flush()
    type = outer
  }
  visit(root)
  flush()
  return blocks
}

interface CleanedBlocks {
  blocks: Block[]
  removed: Removal[]
  sourceUrl: string | null
  dateLine: string | null
}

const NO_BLOCKS: CleanedBlocks = { blocks: [], removed: [], sourceUrl: null, dateLine: null }

/**
 * Cleans blocks the way text is cleaned: their lines are laid out as a text (a blank line
 * between blocks) and go through the same junk rules, so a removal's `line` is a line of that
 * text. A block keeps its kind; the lines of a paragraph split by `<br>` become paragraphs.
 */
function cleanBlocks(
  raw: RawBlock[],
  reference: Date,
  keep?: ReadonlySet<string>,
  extra: JunkRule[] = []
): CleanedBlocks {
  const lines: string[] = []
  const owner: number[] = []
  raw.forEach((block, i) => {
    if (i > 0) {
      lines.push('')
      owner.push(-1)
    }
    for (const line of block.lines) {
      lines.push(line)
      owner.push(i)
    }
  })
  const { cleaned, publishedAt } = takeDateLine(
    cleanLines(lines.join('\n'), extra.length ? [...junkRules, ...extra] : junkRules, keep),
    reference,
    keep
  )
  const kept = new Map<number, string[]>()
  for (const line of cleaned.lines) {
    const index = owner[line.line]
    if (line.text === '' || index === undefined || index < 0) continue
    kept.set(index, [...(kept.get(index) ?? []), line.text])
  }
  const blocks: Block[] = []
  for (const [index, texts] of [...kept].sort(([a], [b]) => a - b)) {
    const { type } = raw[index]
    if (type === 'p') blocks.push(...texts.map((text) => ({ type, text })))
    else blocks.push({ type, text: texts.join(' ') })
  }
  return { blocks, removed: cleaned.removed, sourceUrl: cleaned.sourceUrl, dateLine: publishedAt }
}
