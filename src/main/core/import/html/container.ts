import { classAttribute, tidy } from '../html-metadata'
import { parsePage } from './parse-page'
import { ELEMENT_NODE, TEXT_NODE } from './tags'

/*
 * When the page marks up its article's container, Readability reads a small document of only
 * that container, and the whole page only when the container gives it nothing: most of a news
 * page is menus and boxes Readability would walk and weigh in vain.
 */

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
export function articleContainer(document: Document): Element | null {
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
export function containerDocument(page: Document, container: Element): Document {
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
export function fallbackRoots(document: Document): Element[] {
  const articles = document.querySelectorAll('article')
  const roots = [
    document.querySelector('[itemprop="articleBody"]'),
    articles.length === 1 ? articles[0] : null,
    document.querySelector('main'),
    document.body
  ]
  return roots.filter((root): root is Element => root !== null)
}
