import { Readability } from '@mozilla/readability'

/*
 * Readability picks the article out of a linkedom DOM and serialises it. It is only let loose
 * on a tree it can walk in bounded time.
 */

/**
 * Readability is not run over a page with more elements than this (after junk removal): the
 * page's own article element, or its body, is read instead.
 */
export const READABLE_ELEMENTS = 15_000

/**
 * Readability's walk asks linkedom for an element's children again and again, and linkedom
 * builds that list each time: an element with thousands of children makes the walk quadratic.
 */
export const READABLE_CHILDREN = 500

export interface ReadabilityArticle {
  /** The article's markup, as Readability serialised it from the page's DOM. */
  content: string
  title: string | null
  byline: string | null
  siteName: string | null
  publishedTime: string | null
}

/** Whether Readability may walk `root`: not too many elements, none with too many children. */
export function readable(root: Element): boolean {
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
export function readSafely(document: Document): ReadabilityArticle | null {
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
