import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { Block, BlockType, Removal } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import { cleanLines } from './clean'
import { parseIndonesianDate } from './dates'
import type { ArticleDraft, ExtractOptions } from './extract'
import { junkRules } from './junk-rules'
import {
  authorFromByline,
  detectLanguage,
  outletFromDateline,
  outletFromUrl,
  takeDateLine,
  textMetadata,
  tidyAuthor,
  titleFromText
} from './metadata'

/*
 * Imported HTML is data, never markup (DESIGN.md §2, §4): a page is reduced to text blocks and
 * nothing of its markup (tags, attributes, URLs of scripts or handlers) is kept. DOMPurify is
 * not used: version 3.5 reads nodeType, parentNode and ownerDocument through prototype getters,
 * which linkedom keeps as own fields, so over linkedom it reports isSupported = false and hands
 * its input back unchanged. The allow-list below does the sanitising instead: only text nodes of
 * kept elements are ever read, and every element that can hold code, embeds or page furniture
 * is dropped with its subtree before (and again while) text is read.
 */

/** The part of the DOM this file reads, as linkedom provides it (the Node lib has no DOM types). */
interface DomNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly childNodes: ArrayLike<DomNode>
  readonly textContent: string | null
}

interface DomElement extends DomNode {
  readonly isConnected: boolean
  getAttribute(name: string): string | null
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): ArrayLike<DomElement>
  remove(): void
}

interface DomDocument {
  readonly documentElement: DomElement | null
  readonly body: DomElement | null
  querySelector(selectors: string): DomElement | null
  querySelectorAll(selectors: string): ArrayLike<DomElement>
}

const ELEMENT_NODE = 1
const TEXT_NODE = 3

/** Elements whose whole subtree is never article text: code, embeds, forms, page furniture. */
const DROPPED_TAGS = new Set(
  (
    'script style noscript template iframe frame frameset object embed applet form input ' +
    'button select textarea option optgroup label svg math canvas video audio source track ' +
    'picture img map area link meta base dialog nav aside footer figure figcaption head title'
  ).split(' ')
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

/** A block before cleaning: its kind and its lines (a `<br>` starts a new line). */
interface RawBlock {
  type: BlockType
  lines: string[]
}

/**
 * A saved or fetched web page → article draft: metadata read from the whole page (Open Graph,
 * meta tags, JSON-LD, bylines), the article found by Readability (or the body's paragraphs when
 * it finds none), reduced to text blocks and cleaned of news junk like text is.
 */
export function extractHtml(
  html: string,
  name: string,
  options: ExtractOptions = {}
): ArticleDraft {
  const reference = options.reference ?? new Date()
  const document = parsePage(html)
  const page = readPageMetadata(document, reference)
  removeJunk(document)

  let raw: RawBlock[] = []
  let found: ReturnType<typeof readArticle> = null
  try {
    found = readArticle(document)
  } catch {
    // A page Readability cannot walk is read like one it found nothing in.
    found = null
  }
  if (found) raw = collectBlocks(found.content)
  let cleaned = cleanBlocks(raw, reference, options.keep)
  if (cleaned.blocks.length === 0) {
    const fresh = parsePage(html)
    removeJunk(fresh)
    raw = fresh.body ? collectBlocks(fresh.body) : []
    cleaned = cleanBlocks(raw, reference, options.keep)
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

function parsePage(html: string): DomDocument {
  // linkedom builds an empty document from a bare fragment; a pasted fragment gets a body.
  const markup = /<html[\s>]/i.test(html)
    ? html
    : `<!doctype html><html><body>${html}</body></html>`
  return parseHTML(markup).document as unknown as DomDocument
}

interface ReadabilityArticle {
  content: DomElement
  title: string | null
  byline: string | null
  siteName: string | null
  publishedTime: string | null
}

function readArticle(document: DomDocument): ReadabilityArticle | null {
  // The serializer hands back the article element itself, so nothing is serialised to markup
  // and parsed a second time.
  const article = new Readability<DomElement>(document as never, {
    serializer: (node) => node as unknown as DomElement
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
// Metadata from the whole page, read before anything is removed.

interface PageMetadata {
  title: string | null
  outlet: string | null
  author: string | null
  publishedAt: string | null
  url: string | null
  language: string | null
}

const TITLE_KEYS = ['og:title', 'twitter:title', 'dc.title']
const SITE_KEYS = ['og:site_name', 'application-name', 'publisher', 'dc.publisher']
const AUTHOR_KEYS = [
  'author',
  'article:author',
  'dc.creator',
  'byl',
  'content_author',
  'parsely-author',
  'sailthru.author'
]
const DATE_KEYS = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'content_publisheddate',
  'dc.date.issued',
  'dc.date',
  'date',
  'parsely-pub-date',
  'sailthru.date'
]

function readPageMetadata(document: DomDocument, reference: Date): PageMetadata {
  const meta = metaValues(document)
  const ld = jsonLdArticle(document)
  const first = (keys: string[]): string | null =>
    keys.map((key) => meta.get(key)).find((value) => value) ?? null

  const url =
    httpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    httpUrl(meta.get('og:url')) ??
    httpUrl(ld.url)
  const outlet = tidySiteName(first(SITE_KEYS) ?? ld.publisher)
  const h1 = tidy(document.querySelector('h1')?.textContent ?? '')
  const documentTitle = tidy(document.querySelector('title')?.textContent ?? '')
  const dates = [...DATE_KEYS.map((key) => meta.get(key)), ld.datePublished]
  for (const time of Array.from(document.querySelectorAll('time')))
    dates.push(time.getAttribute('datetime') ?? time.textContent)
  // Pages without date metadata still show one, in an element named for it.
  for (const selector of ['[itemprop="datePublished"]', '[class*="publish"]', '[class*="date"]']) {
    for (const el of Array.from(document.querySelectorAll(selector))) {
      const text = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent
      if (text && text.length <= 80) dates.push(text)
    }
  }
  const lang = document.documentElement?.getAttribute('lang')?.toLowerCase().split(/[-_]/)[0]

  return {
    title: first(TITLE_KEYS) ?? ld.headline ?? (documentTitle || h1 || null),
    outlet,
    author: first(AUTHOR_KEYS) ?? ld.author ?? pageByline(document),
    publishedAt: dates.map((d) => parseDate(d, reference)).find((d) => d !== null) ?? null,
    url,
    language: lang && /^[a-z]{2,3}$/.test(lang) ? (lang === 'in' ? 'id' : lang) : null
  }
}

/** Every meta tag's content, by its property, name or itemprop, lower-cased; first one wins. */
function metaValues(document: DomDocument): Map<string, string> {
  const values = new Map<string, string>()
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key =
      el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop')
    const content = tidy(el.getAttribute('content') ?? '')
    if (key && content && !values.has(key.toLowerCase())) values.set(key.toLowerCase(), content)
  }
  return values
}

interface JsonLdArticle {
  headline: string | null
  author: string | null
  publisher: string | null
  datePublished: string | null
  url: string | null
}

/** The first article-like object in the page's JSON-LD (malformed blocks are skipped). */
function jsonLdArticle(document: DomDocument): JsonLdArticle {
  const none: JsonLdArticle = {
    headline: null,
    author: null,
    publisher: null,
    datePublished: null,
    url: null
  }
  const candidates: Array<Record<string, unknown>> = []
  const gather = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(gather)
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>
      if ('@graph' in record) gather(record['@graph'])
      if ('headline' in record || 'datePublished' in record) candidates.push(record)
    }
  }
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]')
  )) {
    try {
      gather(JSON.parse(script.textContent ?? ''))
    } catch {
      // A broken JSON-LD block says nothing; the meta tags still may.
    }
  }
  const article = candidates[0]
  if (!article) return none
  return {
    headline: stringOf(article.headline),
    author: nameOf(article.author),
    publisher: nameOf(article.publisher),
    datePublished: stringOf(article.datePublished),
    url: stringOf(article.url)
  }
}

const stringOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() ? tidy(value) : null

function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== null)
    return names.length ? names.join(', ') : null
  }
  if (value && typeof value === 'object') return stringOf((value as { name?: unknown }).name)
  return stringOf(value)
}

/** A byline shown on the page ("Penulis: …", a rel=author link) when no meta tag names one. */
function pageByline(document: DomDocument): string | null {
  const selectors =
    '[rel="author"], [itemprop="author"], [class*="author"], [class*="byline"], [class*="penulis"], [class*="reporter"]'
  for (const el of Array.from(document.querySelectorAll(selectors))) {
    const text = tidy(el.textContent ?? '')
    if (!text || text.length > 120) continue
    const named = authorFromByline(text)
    if (named) return named
    // A bare name ("Adhi Prasetya - detikSport"): short, and no sentence.
    if (text.split(' ').length <= 8 && !/[.!?]$/.test(text)) return text
  }
  return null
}

function parseDate(text: string | null | undefined, reference: Date): string | null {
  return text ? parseIndonesianDate(text, reference) : null
}

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function tidySiteName(name: string | null | undefined): string | null {
  if (!name) return null
  const text = tidy(name)
  return outletFromDateline(text) ?? (text || null)
}

/** "Judul Berita - Kompas.com" → "Judul Berita", when the tail names the outlet. */
function stripSiteSuffix(title: string, outlet: string | null): string {
  const match = title.match(/^(.*\S)\s+[|\-–—:·•]\s+([^|\-–—:·•]{2,40})$/)
  if (!match) return title
  const tail = match[2].trim()
  const named = (outlet && sameText(tail, outlet)) || outletFromDateline(tail) !== null
  return named ? match[1] : title
}

// ---------------------------------------------------------------------------------------------
// Junk removal and the walk from DOM to text blocks.

/** Removes page furniture, widgets and hidden parts, never the element holding the headline. */
function removeJunk(document: DomDocument): void {
  // The head stays: Readability reads its meta tags too.
  for (const el of Array.from(document.body?.querySelectorAll('*') ?? [])) {
    if (!el.isConnected) continue
    const tag = el.nodeName.toLowerCase()
    if (tag === 'main') continue
    if (DROPPED_TAGS.has(tag)) {
      el.remove()
      continue
    }
    if (isJunk(el, tag) && !el.querySelector('h1, [itemprop="articleBody"]')) el.remove()
  }
}

function isJunk(el: DomElement, tag: string): boolean {
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

/** The text of `root` as blocks: headings, list items and quotes keep their kind. */
function collectBlocks(root: DomNode): RawBlock[] {
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
  const visit = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      // Source line breaks inside HTML text are only spaces; <br> is the break.
      buffer += (node.textContent ?? '').replace(/\s+/g, ' ')
      return
    }
    if (node.nodeType !== ELEMENT_NODE) return
    const tag = node.nodeName.toLowerCase()
    if (DROPPED_TAGS.has(tag)) return
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

const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim()

const comparable = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

const sameText = (a: string, b: string): boolean => comparable(a) === comparable(b)

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
