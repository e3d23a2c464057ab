import { createRequire } from 'node:module'
import { Readability } from '@mozilla/readability'
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify'
import type * as Jsdom from 'jsdom'
import type { Block, BlockType, Removal } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import { cleanLines } from './clean'
import type { ArticleDraft, ExtractOptions } from './extract'
import {
  parseDate,
  readPageMetadata,
  sameText,
  stripSiteSuffix,
  tidy,
  tidySiteName
} from './html-metadata'
import { junkRules } from './junk-rules'
import {
  authorFromByline,
  detectLanguage,
  outletFromUrl,
  takeDateLine,
  textMetadata,
  tidyAuthor,
  titleFromText
} from './metadata'

/*
 * Imported HTML is data, never markup (DESIGN.md §2, §4): a page is reduced to text blocks and
 * nothing of its markup (tags, attributes, URLs of scripts or handlers) is kept.
 *
 * jsdom parses the page; it runs no script (scripting is off) and loads nothing (no resource
 * loader). Every text this file turns into blocks has first been through DOMPurify, over that
 * same jsdom window, with a text-only configuration: no attribute survives, only the elements
 * that shape blocks stay (other elements give up their text and go), and code, embeds, forms'
 * controls and media go with everything inside them. That is the security guarantee. The junk
 * removal before it serves the extraction, not security: it takes out page furniture and widgets
 * (navigation, share bars, comments, related links) that are harmless but are not the article.
 */

const ELEMENT_NODE = 1
const TEXT_NODE = 3

/** Page furniture by element: never the article, so never left for Readability to weigh. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'figure', 'figcaption', 'dialog'])

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

const BLOCK_OF: Record<string, BlockType> = {
  h1: 'h',
  h2: 'h',
  h3: 'h',
  h4: 'h',
  h5: 'h',
  h6: 'h',
  li: 'li',
  blockquote: 'quote'
}

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

/**
 * A saved or fetched web page → article draft: metadata read from the whole page (Open Graph,
 * meta tags, JSON-LD, bylines), the article found by Readability (or the body's paragraphs when
 * it finds none), sanitised by DOMPurify, reduced to text blocks and cleaned of news junk like
 * text is.
 */
export function extractHtml(
  html: string,
  name: string,
  options: ExtractOptions = {}
): ArticleDraft {
  const reference = options.reference ?? new Date()
  const dom = pageDom()
  const document = dom.parse(html)
  const page = readPageMetadata(document, reference)
  removeJunk(document)

  let found: ReadabilityArticle | null = null
  try {
    found = readArticle(document)
  } catch {
    // A page Readability cannot walk is read like one it found nothing in.
    found = null
  }
  let cleaned = cleanBlocks(found ? textBlocks(dom, found.content) : [], reference, options.keep)
  if (cleaned.blocks.length === 0) {
    // Readability changes the page it reads: the body's own text comes from a fresh parse.
    const fresh = dom.parse(html)
    removeJunk(fresh)
    cleaned = cleanBlocks(textBlocks(dom, fresh.body), reference, options.keep)
  }

  let blocks = cleaned.blocks
  const outletFromPage = page.outlet ?? tidySiteName(found?.siteName)
  const url = page.url ?? cleaned.sourceUrl
  const titleSource = page.title ?? found?.title ?? null
  const title = titleSource ? stripSiteSuffix(tidy(titleSource), outletFromPage) : null
  if (title && blocks.length > 1 && sameText(blocks[0].text, title)) blocks = blocks.slice(1)
  if (blocks.length === 0) throw new SorotFailure('bad_input', `${name} holds no article text`)

  const fromText = textMetadata(blocks, cleaned.removed, url, reference)
  const outlet = outletFromPage ?? fromText.outlet ?? outletFromUrl(url)
  return {
    title: title || titleFromText(blocks[0].text),
    blocks,
    removed: cleaned.removed,
    outlet,
    author:
      tidyAuthor(page.author, outlet) ??
      fromText.author ??
      tidyAuthor(found?.byline && (authorFromByline(found.byline) ?? found.byline), outlet),
    url,
    publishedAt:
      page.publishedAt ??
      parseDate(found?.publishedTime, reference) ??
      cleaned.dateLine ??
      fromText.publishedAt,
    language: detectLanguage(blocks) ?? page.language
  }
}

// ---------------------------------------------------------------------------------------------
// The DOM: one jsdom window, its parser and DOMPurify over it.

/** Parses pages and sanitises their nodes, in one jsdom window. */
export interface PageDom {
  /** The page as a document of the window; its scripts never run, nothing is fetched. */
  parse(html: string): Document
  /** The DOMPurify instance over the window. */
  readonly purify: DOMPurify
}

type JsdomModule = typeof Jsdom

let shared: PageDom | null = null

/**
 * The jsdom window every page is parsed in, made on first use. One window serves all pages:
 * making a window costs far more than parsing a page into it, and with scripting off nothing
 * a page holds can reach the window. jsdom is loaded here, not when this file is: loading it
 * takes longer than most commands that never read HTML.
 */
export function pageDom(): PageDom {
  if (shared) return shared
  const { JSDOM, VirtualConsole } = createRequire(import.meta.url)('jsdom') as JsdomModule
  // jsdom's defaults run no script and load no resource; the silent console keeps a page's
  // broken CSS out of the log.
  const { window } = new JSDOM('', { virtualConsole: new VirtualConsole() })
  const purify = createDOMPurify(window)
  if (!purify.isSupported) throw new Error('DOMPurify cannot run over jsdom')
  const parser = new window.DOMParser()
  shared = { parse: (html) => parser.parseFromString(html, 'text/html'), purify }
  return shared
}

/** `node` as text blocks, read from DOMPurify's clean copy of it, never from the node itself. */
function textBlocks(dom: PageDom, node: Node): RawBlock[] {
  return collectBlocks(dom.purify.sanitize(node, SANITIZE))
}

interface ReadabilityArticle {
  content: Element
  title: string | null
  byline: string | null
  siteName: string | null
  publishedTime: string | null
}

function readArticle(document: Document): ReadabilityArticle | null {
  // The serializer hands back the article element itself, so nothing is serialised to markup
  // and parsed a second time.
  const article = new Readability<Element>(document, {
    serializer: (node) => node as Element
  }).parse()
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
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    if (!el.isConnected) continue
    const tag = el.nodeName.toLowerCase()
    if (tag === 'main') continue
    if (FURNITURE_TAGS.has(tag)) {
      el.remove()
      continue
    }
    if (isJunk(el, tag) && !el.querySelector('h1, [itemprop="articleBody"]')) el.remove()
  }
}

function isJunk(el: Element, tag: string): boolean {
  if (tag === 'header') return true
  const role = el.getAttribute('role')
  if (role && JUNK_ROLES.has(role.toLowerCase())) return true
  if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(el.getAttribute('style') ?? ''))
    return true
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`.toLowerCase()
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
    const kind = BLOCK_OF[tag]
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

/**
 * Cleans blocks the way text is cleaned: their lines are laid out as a text (a blank line
 * between blocks) and go through the same junk rules, so a removal's `line` is a line of that
 * text. A block keeps its kind; the lines of a paragraph split by `<br>` become paragraphs.
 */
function cleanBlocks(raw: RawBlock[], reference: Date, keep?: ReadonlySet<string>): CleanedBlocks {
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
    cleanLines(lines.join('\n'), junkRules, keep),
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
