import sanitizeHtml, { type IOptions } from 'sanitize-html'
import { parsePage } from './parse-page'
import { BLOCK_OF, BOUNDARIES, NOT_TEXT } from './tags'

/*
 * The security guarantee of reading a page (DESIGN.md §2, §4): only the article's markup,
 * never the page, goes through sanitize-html, with a text-only configuration, and every text
 * turned into blocks is read from its result, whatever linkedom or Readability made of the page.
 * sanitize-html works on the markup itself (htmlparser2, no DOM): DOMPurify needs jsdom, whose
 * parse cost more than all the rest of an import (issue 16).
 */

/**
 * Elements whose text goes with them, beyond NOT_TEXT: the rest of what DOMPurify, which did
 * this job before, dropped with its content (MathML and SVG parts, raw-text elements).
 */
const NO_CONTENT = (
  'annotation-xml colgroup desc foreignobject mi mn mo ms mtext plaintext selectedcontent xmp ' +
  'noembed noframes'
).split(' ')

/**
 * sanitize-html's configuration: only the elements that shape blocks are kept (the others give
 * up their text and go), no attribute at all, no comment. Code, embeds, forms' controls and
 * media go with everything inside them; a `<form>` only loses its tag. A page's own `<html>`
 * and `<body>` inside the article are only tags: their text stays, the tags go.
 */
const SANITIZE: IOptions = {
  allowedTags: ['br', ...Object.keys(BLOCK_OF), ...BOUNDARIES].filter(
    (tag) => tag !== 'html' && tag !== 'body'
  ),
  allowedAttributes: {},
  allowedSchemes: [],
  nonTextTags: [...NOT_TEXT, ...NO_CONTENT],
  disallowedTagsMode: 'discard',
  allowVulnerableTags: false
}

/** Sanitises article markup with sanitize-html and reads the result as a DOM tree. */
export interface Purifier {
  /** The article markup with only block elements, no attribute, nothing active left. */
  sanitize(html: string): string
  /** `html`, sanitised, as the `<body>` of its own document: what blocks are read from. */
  clean(html: string): Element
}

const shared: Purifier = {
  sanitize: (html) => sanitizeHtml(html, SANITIZE),
  // The clean markup is parsed as it is: it holds block elements, text and nothing else.
  clean: (html) => parsePage(shared.sanitize(html), 'article').body
}

/** The sanitiser every page's article goes through (one object, so tests can watch it). */
export function purifier(): Purifier {
  return shared
}
