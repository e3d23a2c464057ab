import { createRequire } from 'node:module'
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify'
import type * as Jsdom from 'jsdom'
import { BLOCK_OF, BOUNDARIES, NOT_TEXT } from './tags'

/*
 * The security guarantee of reading a page (DESIGN.md §2, §4): only the article's markup,
 * never the page, goes through DOMPurify, in one jsdom window (DOMPurify needs a full DOM),
 * with a text-only configuration, and every text turned into blocks is read from its result,
 * whatever linkedom or Readability made of the page.
 */

/**
 * DOMPurify's configuration: only the elements that shape blocks are kept (the others give up
 * their text and go), no attribute at all, and the result is handed back as a DOM tree, not
 * re-serialised. Code, embeds, forms' controls and media go with everything inside them.
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

type JsdomModule = typeof Jsdom

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
