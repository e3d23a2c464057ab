import { JSDOM } from 'jsdom'
import { ANNOTATION_COLORS, isArticleNote } from '../../../shared/annotations'
import {
  rangesByBlock,
  segmentBlock,
  type HighlightRange
} from '../../../shared/highlight-segments'
import type { Annotation, Block } from '../../../shared/model'
import { backgroundOf, colorClass } from './colors'
import type { ExportArticle } from './gather'
import type { ExportWords } from './i18n'
import { quoteOf } from './names'

/** No script, no remote anything: the file only shows its own text and inline styles. */
const PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

const STYLE = `
body { font-family: Georgia, 'Literata', serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; line-height: 1.55; }
h1, h2, h3 { font-family: system-ui, sans-serif; line-height: 1.25; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 1rem; font-size: 0.9rem; color: #444; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.article-text blockquote { margin: 1rem 0; padding-left: 0.75rem; border-left: 3px solid #999; }
figure.annotation { margin: 1.25rem 0; break-inside: avoid; }
figure.annotation blockquote { margin: 0; padding-left: 0.75rem; border-left: 3px solid #999; white-space: pre-wrap; }
mark { color: inherit; padding: 0 0.05em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
sup.footnote-ref a { text-decoration: none; padding: 0 0.1em; }
ol.footnotes { font-size: 0.95rem; }
ol.footnotes li { margin: 0.5rem 0; break-inside: avoid; }
ol.footnotes a.back { text-decoration: none; font-size: 0.85rem; }
figcaption { margin-top: 0.3rem; font-style: italic; }
@media print { a.back { display: none; } }
.details { font-size: 0.85rem; color: #555; margin: 0.3rem 0 0; }
.note { white-space: pre-wrap; margin: 0.4rem 0 0; }
.orphan { color: #8a4b00; }
article + article { border-top: 1px solid #ccc; margin-top: 2.5rem; }
${ANNOTATION_COLORS.map((c) => `mark.${colorClass(c)} { background-color: ${backgroundOf(c)}; }`).join('\n')}
`

/** Builds elements in a real DOM: every text goes in as text, so nothing can become markup. */
class PageBuilder {
  readonly document: Document
  constructor(readonly dom: JSDOM) {
    this.document = dom.window.document
  }
  el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attributes: Record<string, string> = {},
    text?: string
  ): HTMLElementTagNameMap[K] {
    const element = this.document.createElement(tag)
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value)
    if (text !== undefined) element.textContent = text
    return element
  }
}

const isWebAddress = (url: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol)
  } catch {
    return false
  }
}

function metaList(page: PageBuilder, article: ExportArticle, words: ExportWords): HTMLElement {
  const { t } = words
  const { meta } = article
  const list = page.el('dl', { class: 'meta' })
  const add = (term: string, value: string | Node): void => {
    list.append(page.el('dt', {}, term))
    const dd = page.el('dd')
    dd.append(value)
    list.append(dd)
  }
  if (meta.outlet) add(t('export.outlet'), meta.outlet)
  if (meta.author) add(t('export.author'), meta.author)
  if (meta.publishedAt) add(t('export.published'), words.date(meta.publishedAt))
  if (meta.url)
    add(
      t('export.url'),
      isWebAddress(meta.url)
        ? page.el('a', { href: meta.url, rel: 'noreferrer' }, meta.url)
        : meta.url
    )
  return list
}

/** A highlight placed in the article text, numbered when it has a footnote. */
interface PlacedHighlight extends HighlightRange {
  annotation: Annotation
  footnote: number | null
  /** Unique in the page (several articles share one): `<article id>-<number>`. */
  anchor: string
}

/** True when an annotation has something to say beyond its colour: note, speaker, labels, author. */
const hasFootnote = (annotation: Annotation): boolean =>
  Boolean(
    annotation.note.trim() || annotation.speaker || annotation.labels.length || annotation.author
  )

/** The element a block is printed as; list items are gathered into lists by the caller. */
function blockElement(page: PageBuilder, block: Block, level: number): HTMLElement {
  switch (block.type) {
    case 'h':
      return page.el(`h${Math.min(level + 1, 6)}` as 'h2')
    case 'quote':
      return page.el('blockquote')
    case 'li':
      return page.el('li')
    default:
      return page.el('p')
  }
}

/**
 * Fills a block with its text cut at every highlight boundary: a <mark> in the innermost
 * highlight's colour for each highlighted run, and a footnote number where a highlight ends.
 */
function fillBlock(
  page: PageBuilder,
  element: HTMLElement,
  text: string,
  blockStart: number,
  highlights: readonly PlacedHighlight[]
): void {
  const byId = new Map(highlights.map((h) => [h.id, h]))
  for (const segment of segmentBlock(blockStart, text.length, highlights)) {
    const run = text.slice(segment.start - blockStart, segment.end - blockStart)
    if (segment.ids.length === 0) {
      element.append(run)
      continue
    }
    const innermost = byId.get(segment.ids.at(-1)!)!
    element.append(
      page.el(
        'mark',
        {
          class: colorClass(innermost.annotation.color),
          style: `background-color: ${backgroundOf(innermost.annotation.color)}`,
          'data-annotation-ids': segment.ids.join(' ')
        },
        run
      )
    )
    for (const id of segment.ids) {
      const highlight = byId.get(id)!
      if (highlight.footnote === null) continue
      // The number follows the highlight's last run; one ending in the gap between two blocks
      // ends at its block's end.
      const blockEnd = blockStart + text.length
      if (segment.end === Math.min(highlight.end, blockEnd) && highlight.end <= blockEnd + 2)
        element.append(footnoteRef(page, highlight))
    }
  }
}

function footnoteRef(page: PageBuilder, highlight: PlacedHighlight): HTMLElement {
  const sup = page.el('sup', { class: 'footnote-ref' })
  const { anchor } = highlight
  sup.append(
    page.el('a', { href: `#note-${anchor}`, id: `ref-${anchor}` }, String(highlight.footnote))
  )
  return sup
}

/** The article's text as it reads, highlights in place. */
function articleText(
  page: PageBuilder,
  article: ExportArticle,
  highlights: readonly PlacedHighlight[],
  level: number
): HTMLElement {
  const body = page.el('div', { class: 'article-text' })
  const lengths = article.blocks.map((b) => b.text.length)
  const offsets: number[] = []
  let at = 0
  for (const length of lengths) {
    offsets.push(at)
    at += length + 2
  }
  const perBlock = rangesByBlock(offsets, lengths, highlights)
  let list: HTMLElement | null = null
  article.blocks.forEach((block, i) => {
    const element = blockElement(page, block, level)
    fillBlock(page, element, block.text, offsets[i], perBlock[i])
    if (block.type !== 'li') {
      list = null
      body.append(element)
      return
    }
    if (!list) {
      list = page.el('ul')
      body.append(list)
    }
    list.append(element)
  })
  return body
}

/** One footnote: speaker, colour and labels, then the note as written. */
function footnote(page: PageBuilder, highlight: PlacedHighlight, words: ExportWords): HTMLElement {
  const { t } = words
  const { annotation } = highlight
  const item = page.el('li', {
    id: `note-${highlight.anchor}`,
    'data-annotation-id': annotation.id
  })
  const details = [`${t('export.color')}: ${words.color(annotation.color)}`]
  if (annotation.speaker) details.unshift(`${t('export.speaker')}: ${annotation.speaker}`)
  if (annotation.labels.length)
    details.push(`${t('export.labelsHeading')}: ${annotation.labels.map(words.label).join(', ')}`)
  if (annotation.author) details.push(t('export.annotatedBy', { name: annotation.author }))
  item.append(page.el('p', { class: 'details' }, details.join(' · ')))
  if (annotation.note.trim()) item.append(page.el('div', { class: 'note' }, annotation.note.trim()))
  const back = page.el('a', { href: `#ref-${highlight.anchor}`, class: 'back' }, '↩')
  item.append(back)
  return item
}

/** A passage that is no longer in the newest text: printed apart, with its note. */
function orphanFigure(page: PageBuilder, annotation: Annotation): HTMLElement {
  const figure = page.el('figure', {
    class: 'annotation orphan',
    'data-annotation-id': annotation.id
  })
  const quote = page.el('blockquote')
  quote.append(
    page.el(
      'mark',
      {
        class: colorClass(annotation.color),
        style: `background-color: ${backgroundOf(annotation.color)}`
      },
      quoteOf(annotation) ?? ''
    )
  )
  figure.append(quote)
  if (annotation.speaker) figure.append(page.el('figcaption', {}, `— ${annotation.speaker}`))
  if (annotation.note.trim())
    figure.append(page.el('div', { class: 'note' }, annotation.note.trim()))
  return figure
}

function articleSection(
  page: PageBuilder,
  article: ExportArticle,
  words: ExportWords,
  level: 1 | 2
): HTMLElement {
  const { t } = words
  const section = page.el('article', { 'data-article-id': article.meta.id })
  const heading = (n: number, text: string): HTMLElement =>
    page.el(`h${Math.min(n, 6)}` as 'h1', {}, text)
  section.append(heading(level, article.meta.title), metaList(page, article, words))
  const articleNote = article.annotations.find(isArticleNote)
  if (articleNote?.note.trim())
    section.append(
      heading(level + 1, t('export.articleNote')),
      page.el('div', { class: 'note article-note' }, articleNote.note.trim())
    )
  const placed = article.annotations
    .filter((a) => a.target && !a.orphan)
    .map((annotation) => {
      const { start, end } = annotation.target!.selectors[0]
      return {
        id: annotation.id,
        start,
        end,
        annotation,
        footnote: null as number | null,
        anchor: ''
      }
    })
    .sort((a, b) => a.start - b.start || b.end - a.end)
  let next = 1
  for (const highlight of placed) {
    if (!hasFootnote(highlight.annotation)) continue
    highlight.footnote = next++
    highlight.anchor = `${article.meta.id}-${highlight.footnote}`
  }
  section.append(articleText(page, article, placed, level))
  const notes = placed.filter((h) => h.footnote !== null)
  if (notes.length) {
    const list = page.el('ol', { class: 'footnotes' })
    for (const highlight of notes) list.append(footnote(page, highlight, words))
    section.append(heading(level + 1, t('export.notesHeading')), list)
  }
  const orphans = article.annotations.filter((a) => a.target && a.orphan)
  if (orphans.length) {
    section.append(
      heading(level + 1, t('export.orphansHeading')),
      page.el('p', { class: 'details orphan' }, t('export.orphan'))
    )
    for (const annotation of orphans) section.append(orphanFigure(page, annotation))
  }
  return section
}

/**
 * A standalone printable reading copy: each article's text with its highlights in place, in
 * their colours, and their notes, speakers and labels as numbered footnotes. Built with a real
 * DOM, every text set as text, and no script at all.
 */
export function renderHtml(
  articles: readonly ExportArticle[],
  words: ExportWords,
  options: { exportedAt: string }
): string {
  const { t } = words
  const page = new PageBuilder(new JSDOM('<!doctype html><html><head></head><body></body></html>'))
  const { document } = page
  document.documentElement.setAttribute('lang', words.language)
  const single = articles.length === 1
  const title = single
    ? t('export.collectionTitleOne', { title: articles[0].meta.title })
    : t('export.collectionTitle')
  document.head.append(
    page.el('meta', { charset: 'utf-8' }),
    page.el('meta', { 'http-equiv': 'Content-Security-Policy', content: PAGE_POLICY }),
    page.el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    page.el('meta', { name: 'generator', content: 'Sorot' }),
    page.el('title', {}, title),
    page.el('style', {}, STYLE)
  )
  const main = page.el('main')
  if (!single) {
    main.append(
      page.el('h1', {}, title),
      page.el(
        'p',
        { class: 'details' },
        `${t('export.exportedOn', { date: new Date(options.exportedAt), formatParams: { date: { dateStyle: 'long' } } })} · ${t('export.articleCount', { count: articles.length })}`
      )
    )
  }
  for (const article of articles) main.append(articleSection(page, article, words, single ? 1 : 2))
  document.body.append(main)
  const html = page.dom.serialize()
  page.dom.window.close()
  return `${html}\n`
}
