/// <reference lib="dom" />
import { parseIndonesianDate, unslipOffset } from './dates'
import { onlyEditor } from './html/editor-credit'
import { authorFromByline, outletFromDateline } from './metadata'
import { JSON_LD_META } from './html/stored-source'

/*
 * Metadata of a web page (Open Graph, meta tags, JSON-LD, bylines), read from the page as
 * parsed, before anything is removed from it. Only attribute values and text are read, and only
 * as strings: nothing here is kept as markup.
 */

/** What the page itself says about its article; null where it says nothing usable. */
export interface PageMetadata {
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

/** Title, outlet, author, date, canonical URL and language, from the whole page. */
export function readPageMetadata(document: Document, reference: Date): PageMetadata {
  const found = pageElements(document)
  const meta = metaValues(found.meta)
  const ld = jsonLdArticle(found.jsonLd)
  const first = (keys: string[]): string | null =>
    keys.map((key) => meta.get(key)).find((value) => value) ?? null

  const url =
    httpUrl(found.canonical?.getAttribute('href')) ?? httpUrl(meta.get('og:url')) ?? httpUrl(ld.url)
  const outlet = tidySiteName(first(SITE_KEYS) ?? ld.publisher)
  const h1 = tidy(found.h1?.textContent ?? '')
  const documentTitle = tidy(found.title?.textContent ?? '')
  const dates = [...DATE_KEYS.map((key) => meta.get(key)), ld.datePublished]
  const shown: string[] = []
  for (const time of found.times) dates.push(time.getAttribute('datetime') ?? time.textContent)
  // Pages without date metadata still show one, in an element named for it.
  for (const el of [...found.datePublished, ...found.publishClass, ...found.dateClass]) {
    const text = el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent
    if (text && text.length <= 80) dates.push(text)
    const line = tidy(el.textContent ?? '')
    if (line && line.length <= 80) shown.push(line)
  }
  const published = dates.map((d) => parseDate(d, reference)).find((d) => d !== null) ?? null
  const lang = document.documentElement.getAttribute('lang')?.toLowerCase().split(/[-_]/)[0]
  let pageText: string | undefined

  return {
    title:
      shownTitle(found.meta, documentTitle, h1) ?? ld.headline ?? (documentTitle || h1 || null),
    outlet,
    author: personCredit(
      [...AUTHOR_KEYS.map((key) => meta.get(key)), ld.author, pageByline(found.bylines)],
      [outlet, first(SITE_KEYS), ld.publisher, documentTitle.split(/\s[|\-–—]\s/).pop()],
      (name) => onlyEditor((pageText ??= document.body?.textContent ?? ''), name)
    ),
    publishedAt: published && unslipOffset(published, [...shown, ...found.zoned], reference),
    url,
    language: lang && /^[a-z]{2,3}$/.test(lang) ? (lang === 'in' ? 'id' : lang) : null
  }
}

/** The title tag the page shows too: an earlier og:title may be the site's slogan (Tirto). */
function shownTitle(metas: Element[], documentTitle: string, h1: string): string | null {
  // By key (og:title before twitter:title), then in page order.
  const titles = TITLE_KEYS.flatMap((wanted) =>
    metas
      .filter(
        (el) => (el.getAttribute('property') ?? el.getAttribute('name'))?.toLowerCase() === wanted
      )
      .map((el) => tidy(el.getAttribute('content') ?? ''))
      .filter((content) => content !== '')
  )
  const shown = comparable(`${documentTitle} ${h1}`)
  return titles.find((title) => shown.includes(comparable(title))) ?? titles[0] ?? null
}

/** The elements metadata is read from, each list in document order. */
interface PageElements {
  meta: Element[]
  jsonLd: Element[]
  /** The first `link[rel="canonical"]`. */
  canonical: Element | null
  h1: Element | null
  title: Element | null
  times: Element[]
  /** `[itemprop="datePublished"]`, then `[class*="publish"]`, then `[class*="date"]`. */
  datePublished: Element[]
  publishClass: Element[]
  dateClass: Element[]
  /** Elements a byline is shown in: rel or itemprop author, a byline-like class. */
  bylines: Element[]
  zoned: string[] // Short texts of childless elements with a zoned time ("19:38 WIB").
}
const ZONED_TIME = /\d[:.]\d{2}\s*(?:WIB|WITA|WIT)\b/
const BYLINE_CLASSES = ['author', 'byline', 'penulis', 'reporter']

/**
 * Gathers in one walk what a dozen selector queries would find (each query walks the whole
 * page again, and linkedom compiles its selector anew every time). Template contents are not
 * walked, as selectors do not reach them.
 */
function pageElements(document: Document): PageElements {
  const found: PageElements = {
    meta: [],
    jsonLd: [],
    canonical: null,
    h1: null,
    title: null,
    times: [],
    datePublished: [],
    publishClass: [],
    dateClass: [],
    bylines: [],
    zoned: []
  }
  // As in selectors, `type` and `rel` values match whatever their case.
  const lower = (el: Element, name: string): string | undefined =>
    el.getAttribute(name)?.toLowerCase()
  const stack: Element[] = [document.documentElement]
  while (stack.length > 0) {
    const el = stack.pop() as Element
    const tag = el.localName
    const rel = lower(el, 'rel')
    if (tag === 'meta' && el.getAttribute('name') === JSON_LD_META) found.jsonLd.push(el)
    else if (tag === 'meta') found.meta.push(el)
    else if (tag === 'script' && lower(el, 'type') === 'application/ld+json') found.jsonLd.push(el)
    else if (tag === 'link' && !found.canonical && rel === 'canonical') found.canonical = el
    else if (tag === 'h1') found.h1 ??= el
    else if (tag === 'title') found.title ??= el
    else if (tag === 'time') found.times.push(el)
    const itemprop = el.getAttribute('itemprop')
    const names = classAttribute(el)
    if (itemprop === 'datePublished') found.datePublished.push(el)
    if (names.includes('publish')) found.publishClass.push(el)
    if (names.includes('date')) found.dateClass.push(el)
    if (
      rel === 'author' ||
      itemprop === 'author' ||
      BYLINE_CLASSES.some((name) => names.includes(name))
    )
      found.bylines.push(el)
    // A childless element's text, read only while short (textContent would read it all).
    let text = ''
    if (!el.firstElementChild && tag !== 'script')
      for (let node = el.firstChild; node && text.length <= 80; node = node.nextSibling)
        text += node.nodeValue ?? ''
    if (text.length <= 80 && ZONED_TIME.test(text)) found.zoned.push(text)
    if (tag === 'template') continue
    for (let child = el.lastElementChild; child; child = child.previousElementSibling)
      stack.push(child)
  }
  return found
}

/**
 * The element's class attribute as written, or ''. (linkedom's getAttribute('class') rebuilds
 * it from a token list it makes for the element, which costs more than the rest of a walk.)
 */
export function classAttribute(el: Element): string {
  return el.getAttributeNode('class')?.value ?? ''
}

/** Every meta tag's content, by its property, name or itemprop, lower-cased; first one wins. */
function metaValues(metas: Element[]): Map<string, string> {
  const values = new Map<string, string>()
  for (const el of metas) {
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
function jsonLdArticle(scripts: Element[]): JsonLdArticle {
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
  // The JSON-LD script (or the meta tag a stored page keeps it in) is read as text and parsed
  // as JSON; no script ever runs.
  for (const script of scripts) {
    try {
      const json = script.localName === 'meta' ? script.getAttribute('content') : script.textContent
      gather(JSON.parse(json ?? ''))
    } catch {
      // A broken JSON-LD block says nothing; the meta tags still may.
    }
  }
  const article = candidates[0]
  if (!article) return none
  return {
    headline: stringOf(article.headline),
    author: nameOf(personsOf(article.author)),
    publisher: nameOf(article.publisher),
    datePublished: stringOf(article.datePublished),
    url: stringOf(article.url)
  }
}

/** JSON-LD authors without the organisations (the publisher credited as author). */
function personsOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => personsOf(v) !== null)
  const type = value && typeof value === 'object' ? (value as { '@type'?: unknown })['@type'] : null
  return typeof type === 'string' && /organi[sz]ation|corporation|newsmediaorganization/i.test(type)
    ? null
    : value
}

/**
 * The first credit that can be a person: not empty, not an address or a domain, not the site or
 * its publisher under another key (a meta author "Warta Kita" must not hide a JSON-LD person),
 * not a name the page credits only as its editor.
 */
export function personCredit(
  candidates: Array<string | null | undefined>,
  publishers: Array<string | null | undefined>,
  editorOnly: (name: string) => boolean = () => false
): string | null {
  const named = publishers.filter((p): p is string => !!p && p.trim() !== '')
  for (const candidate of candidates) {
    const text = tidy(candidate ?? '')
    if (!text || /^https?:\/\/|^www\.|\.(?:com|co\.id|id|net|org|co)$/i.test(text)) continue
    if (named.some((publisher) => sameText(publisher, text)) || editorOnly(text)) continue
    return text
  }
  return null
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
function pageByline(candidates: Element[]): string | null {
  for (const el of candidates) {
    const text = tidy(el.textContent ?? '')
    if (!text || text.length > 120) continue
    const named = authorFromByline(text)
    if (named) return named
    // A bare name ("Adhi Prasetya - detikSport"): short, and no sentence.
    if (text.split(' ').length <= 8 && !/[.!?]$/.test(text)) return text
  }
  return null
}

/** A date as the page writes it (ISO, or Indonesian words) → ISO date, or null. */
export function parseDate(text: string | null | undefined, reference: Date): string | null {
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

/** A site name, tidied, or the outlet it names when it is one a dateline would name. */
export function tidySiteName(name: string | null | undefined): string | null {
  if (!name) return null
  const text = tidy(name)
  return outletFromDateline(text) ?? (text || null)
}

/** "Judul Berita - Kompas.com" → "Judul Berita", when the tail names the outlet. */
export function stripSiteSuffix(title: string, outlet: string | null): string {
  const match = title.match(/^(.*\S)\s+[|\-–—:·•]\s+([^|\-–—:·•]{2,40})$/)
  if (!match) return title
  const tail = match[2].trim()
  const named = (outlet && sameText(tail, outlet)) || outletFromDateline(tail) !== null
  return named ? match[1] : title
}

/** Runs of white space → one space, trimmed. */
export function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

const comparable = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** The same words, whatever the case, punctuation and spacing. */
export function sameText(a: string, b: string): boolean {
  return comparable(a) === comparable(b)
}
