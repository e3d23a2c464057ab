import { SorotFailure } from '../../../../shared/result'
import type { ArticleDraft, ExtractOptions } from '../draft'
import {
  parseDate,
  readPageMetadata,
  sameText,
  stripSiteSuffix,
  tidy,
  tidySiteName
} from '../html-metadata'
import {
  authorFromByline,
  detectLanguage,
  outletFromUrl,
  textMetadata,
  tidyAuthor,
  titleFromText
} from '../metadata'
import {
  honestAuthors,
  ruleAuthors,
  ruleBody,
  ruleDateText,
  ruleJunk,
  ruleTitle,
  splitNames
} from '../outlet-apply'
import { outletRuleFor } from '../outlet-registry'
import { cleanBlocks, NO_BLOCKS, textBlocks } from './blocks'
import { articleContainer, containerDocument, fallbackRoots } from './container'
import { onlyEditor } from './editor-credit'
import { removeJunk, removeJunkUnder } from './furniture'
import { parsePage } from './parse-page'
import { readable, readSafely, type ReadabilityArticle } from './readable'
import { sanitizePage, serializePage } from './stored-source'

/*
 * Imported HTML is data, never markup (DESIGN.md §2, §4): a page is reduced to text blocks and
 * nothing of its markup (tags, attributes, URLs of scripts or handlers) is kept. The stages, in
 * order: parse-page (linkedom, guarded), stored-source (nothing active kept), an outlet rule or
 * the article's container (container, readable), sanitize (sanitize-html) and blocks (cleaning).
 */

export { MAX_DEPTH, MAX_ELEMENTS } from './guard'
export { parsePage } from './parse-page'
export { READABLE_CHILDREN, READABLE_ELEMENTS } from './readable'
export { purifier, type Purifier } from './sanitize'

/**
 * A saved or fetched web page → article draft: metadata read from the whole page (Open Graph,
 * meta tags, JSON-LD, bylines), the article found by Readability in the page's article container
 * or else in the whole page (or the page's own article element, or its body, when it finds
 * none), sanitised by sanitize-html, reduced to text blocks and cleaned of news junk like text is.
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
  // Else the article's own container: Readability over it alone walks a fraction of the page.
  // (The page's furniture only needs removing for those readings.)
  if (cleaned.blocks.length === 0) removeJunk(document)
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
  // A byline line naming only an editor ("Editor: X") gives no author (issue 16).
  const credits = cleaned.removed.map((removal) => removal.text).join('\n')
  const authors = bylineByRule.length
    ? bylineByRule
    : (bylines
        .map((byline) => tidyAuthor(byline, outlet))
        .map((byline) => (byline ? honestAuthors(splitNames(byline), rule, outlet) : []))
        .map((names) => names.filter((name) => !onlyEditor(credits, name)))
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
