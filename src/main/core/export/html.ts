import { JSDOM } from 'jsdom'
import { ANNOTATION_COLORS } from '../../../shared/annotations'
import type { Annotation } from '../../../shared/model'
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
figure.annotation { margin: 1.25rem 0; break-inside: avoid; }
figure.annotation blockquote { margin: 0; padding-left: 0.75rem; border-left: 3px solid #999; white-space: pre-wrap; }
mark { color: inherit; padding: 0 0.1em; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
figcaption { margin-top: 0.3rem; font-style: italic; }
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

function annotationFigure(
  page: PageBuilder,
  annotation: Annotation,
  words: ExportWords
): HTMLElement {
  const { t } = words
  const figure = page.el('figure', {
    class: 'annotation',
    'data-annotation-id': annotation.id,
    'data-kind': annotation.kind
  })
  const quote = page.el('blockquote')
  quote.append(page.el('mark', { class: colorClass(annotation.color) }, quoteOf(annotation) ?? ''))
  figure.append(quote)
  if (annotation.speaker) figure.append(page.el('figcaption', {}, `— ${annotation.speaker}`))
  const details = [`${t('export.color')}: ${words.color(annotation.color)}`]
  if (annotation.labels.length)
    details.push(`${t('export.labelsHeading')}: ${annotation.labels.map(words.label).join(', ')}`)
  figure.append(page.el('p', { class: 'details' }, details.join(' · ')))
  if (annotation.orphan)
    figure.append(page.el('p', { class: 'details orphan' }, t('export.orphan')))
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
  const articleNote = article.annotations.find((a) => !a.target)
  if (articleNote?.note.trim())
    section.append(
      heading(level + 1, t('export.articleNote')),
      page.el('div', { class: 'note article-note' }, articleNote.note.trim())
    )
  section.append(heading(level + 1, t('export.highlights')))
  const highlights = article.annotations.filter((a) => a.target)
  if (highlights.length === 0) section.append(page.el('p', {}, t('export.noHighlights')))
  for (const annotation of highlights) section.append(annotationFigure(page, annotation, words))
  return section
}

/**
 * A standalone printable HTML page: highlights in their colours, speakers, labels and notes.
 * Built with a real DOM, every text set as text, and no script at all.
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
