import { isOneOf, LANGUAGES } from '../../../shared/enums'
import type { Annotation } from '../../../shared/model'
import { backgroundOf, colorClass } from './colors'
import type { ExportArticle } from './gather'
import type { ExportWords } from './i18n'

/** The W3C Web Annotation context, and a prefix for what only Sorot needs to round-trip. */
import { SOROT_VOCAB } from '../../../shared/jsonld-vocab'
export { SOROT_VOCAB }
export const JSONLD_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { sorot: SOROT_VOCAB }]

/** The IRI of an annotation: ids are kept, so an import recognises its own annotations. */
export const annotationIri = (id: string): string => `urn:sorot:annotation:${id}`

/** The resource an annotation targets: the article's web address, else its Sorot id. */
export const articleIri = (article: ExportArticle['meta']): string =>
  article.url ?? `urn:sorot:article:${article.id}`

type Json = Record<string, unknown>

function bodiesOf(annotation: Annotation, language: string | null): Json[] {
  const bodies: Json[] = []
  const lang = isOneOf(LANGUAGES, language) ? { language } : {}
  if (annotation.note)
    bodies.push({
      type: 'TextualBody',
      value: annotation.note,
      format: 'text/markdown',
      ...lang,
      purpose: 'commenting'
    })
  for (const label of annotation.labels)
    bodies.push({ type: 'TextualBody', value: label, purpose: 'tagging' })
  if (annotation.speaker)
    bodies.push({ type: 'TextualBody', value: annotation.speaker, purpose: 'describing' })
  return bodies
}

function motivationOf(annotation: Annotation): string {
  if (annotation.kind === 'note') return 'commenting'
  if (annotation.kind === 'highlight' && !annotation.note && annotation.labels.length > 0)
    return 'tagging'
  return 'highlighting'
}

/** One annotation in the W3C model, with Sorot's own fields under the `sorot:` prefix. */
export function annotationJsonLd(annotation: Annotation, article: ExportArticle): Json {
  const bodies = bodiesOf(annotation, article.meta.language)
  // styleClass carries the colour, and keeps an article note's target (no selector) a
  // Specific Resource in the model's sense.
  const target: Json = {
    type: 'SpecificResource',
    source: articleIri(article.meta),
    styleClass: colorClass(annotation.color)
  }
  if (annotation.target) {
    const [position, quote] = annotation.target.selectors
    target.selector = [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      { type: 'TextPositionSelector', start: position.start, end: position.end }
    ]
  }
  return {
    id: annotationIri(annotation.id),
    type: 'Annotation',
    motivation: motivationOf(annotation),
    ...(annotation.author && { creator: { type: 'Person', name: annotation.author } }),
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    ...(bodies.length === 1 ? { body: bodies[0] } : bodies.length > 1 ? { body: bodies } : {}),
    target,
    stylesheet: {
      type: 'CssStylesheet',
      value: `.${colorClass(annotation.color)} { background-color: ${backgroundOf(annotation.color)} }`
    },
    'sorot:article': article.meta.id,
    ...(annotation.target && { 'sorot:version': annotation.target.version }),
    'sorot:kind': annotation.kind,
    'sorot:color': annotation.color,
    ...(annotation.speaker !== undefined && { 'sorot:speaker': annotation.speaker }),
    ...(annotation.orphan && { 'sorot:orphan': true })
  }
}

/**
 * A W3C Web Annotation AnnotationCollection of every exported annotation, embedded in its
 * first page. Every annotation passes the MUST assertions of the W3C test suite.
 */
export function renderJsonLd(
  articles: readonly ExportArticle[],
  words: ExportWords,
  options: { exportedAt: string; exportId: string }
): string {
  const items = articles.flatMap((article) =>
    article.annotations.map((annotation) => annotationJsonLd(annotation, article))
  )
  const label =
    articles.length === 1
      ? words.t('export.collectionTitleOne', { title: articles[0].meta.title })
      : words.t('export.collectionTitle')
  const collection: Json = {
    '@context': JSONLD_CONTEXT,
    id: `urn:sorot:export:${options.exportId}`,
    type: 'AnnotationCollection',
    label,
    created: options.exportedAt,
    total: items.length,
    ...(items.length > 0 && {
      first: {
        id: `urn:sorot:export:${options.exportId}:page:0`,
        type: 'AnnotationPage',
        startIndex: 0,
        items
      }
    })
  }
  return `${JSON.stringify(collection, null, 2)}\n`
}
