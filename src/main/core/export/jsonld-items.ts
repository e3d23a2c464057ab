/** Reading one W3C Web Annotation item (ours or another tool's) into Sorot's terms. */
import { createHash, randomUUID } from 'node:crypto'
import {
  ANNOTATION_COLORS,
  DEFAULT_ANNOTATION_COLOR,
  isAnnotationColor,
  type AnnotationColor
} from '../../../shared/annotations'
import { ANNOTATION_KINDS, isOneOf } from '../../../shared/enums'
import { idProblem } from '../../../shared/ids'
import type { AnnotationKind, TextSelector } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import { shortenQuote } from '../../../shared/text'
import { SOROT_VOCAB } from './jsonld'

export type Json = Record<string, unknown>

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
export const listOf = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]
export const typesOf = (value: Json): string[] =>
  listOf(value.type ?? value['@type']).filter((t): t is string => typeof t === 'string')
export const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

/** A Sorot field, written `sorot:name` by our exports or in full by a JSON-LD processor. */
export const sorotField = (item: Json, name: string): unknown =>
  item[`sorot:${name}`] ?? item[`${SOROT_VOCAB}${name}`]
export const hasSorotField = (item: Json, name: string): boolean =>
  `sorot:${name}` in item || `${SOROT_VOCAB}${name}` in item

/** Passages in messages are cut short (the same cut everywhere). */
export const shorten = (text: string): string => shortenQuote(text, 57)

/** The annotations of a document: one, an array, a page, or a collection with embedded pages. */
export function annotationsIn(document: unknown): unknown[] {
  if (Array.isArray(document)) return document
  if (!isObject(document))
    throw new SorotFailure('bad_input', 'content: must be a JSON-LD Annotation, list or collection')
  const types = typesOf(document)
  if (types.includes('Annotation')) return [document]
  if (types.includes('AnnotationPage')) return listOf(document.items)
  if (types.includes('AnnotationCollection')) {
    const items: unknown[] = listOf(document.items)
    const seen = new Set<unknown>()
    for (let page = document.first; isObject(page) && !seen.has(page); page = page.next) {
      seen.add(page)
      items.push(...listOf(page.items))
    }
    return items
  }
  throw new SorotFailure(
    'bad_input',
    `content: expected an Annotation, AnnotationPage or AnnotationCollection, not type ${JSON.stringify(types[0] ?? null)}`
  )
}

/** Our own ids come back as they were; another tool's become a stable id of their own. */
export function localIdOf(iri: string | undefined): string {
  if (!iri) return randomUUID()
  const ours = /^urn:sorot:annotation:(.+)$/.exec(iri)
  if (ours && idProblem(ours[1]) === null) return ours[1]
  const uuid = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(
    iri
  )
  if (uuid) return uuid[1].toLowerCase()
  return `ext-${createHash('sha256').update(iri).digest('hex').slice(0, 32)}`
}

export interface ParsedTarget {
  source: string
  selectors: TextSelector[]
  styleClass?: string
}

export function selectorOf(value: unknown): TextSelector | null {
  if (!isObject(value)) return null
  const types = typesOf(value)
  if (types.includes('TextQuoteSelector') && typeof value.exact === 'string')
    return {
      type: 'TextQuoteSelector',
      exact: value.exact,
      prefix: stringOf(value.prefix) ?? '',
      suffix: stringOf(value.suffix) ?? ''
    }
  const { start, end } = value
  if (
    types.includes('TextPositionSelector') &&
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    (start as number) >= 0
  )
    return { type: 'TextPositionSelector', start: start as number, end: end as number }
  return null
}

export function targetsOf(item: Json): ParsedTarget[] {
  const targets: ParsedTarget[] = []
  for (const target of listOf(item.target)) {
    if (typeof target === 'string') targets.push({ source: target, selectors: [] })
    else if (isObject(target)) {
      const source =
        stringOf(target.source) ??
        (isObject(target.source) ? stringOf(target.source.id) : undefined)
      if (source) {
        const selectors = listOf(target.selector)
          .map(selectorOf)
          .filter((s): s is TextSelector => s !== null)
        targets.push({ source, selectors, styleClass: stringOf(target.styleClass) })
      } else if (stringOf(target.id)) targets.push({ source: target.id as string, selectors: [] })
    }
  }
  return targets
}

export interface Bodies {
  notes: string[]
  labels: string[]
  descriptions: string[]
}

export function bodiesOf(item: Json): Bodies {
  const bodies: Bodies = { notes: [], labels: [], descriptions: [] }
  const motivation = listOf(item.motivation).find((m): m is string => typeof m === 'string')
  const bodyValue = stringOf(item.bodyValue)
  if (bodyValue) bodies.notes.push(bodyValue)
  for (const body of listOf(item.body)) {
    if (!isObject(body) || typeof body.value !== 'string') continue
    const purpose = stringOf(listOf(body.purpose)[0]) ?? motivation
    if (purpose === 'tagging' || purpose === 'classifying') bodies.labels.push(body.value)
    else if (purpose === 'describing' || purpose === 'identifying')
      bodies.descriptions.push(body.value)
    else bodies.notes.push(body.value)
  }
  return bodies
}

export const validDate = (value: unknown): string | undefined =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined

export function kindOf(item: Json, bodies: Bodies, hasTarget: boolean): AnnotationKind {
  const kind = sorotField(item, 'kind')
  if (isOneOf(ANNOTATION_KINDS, kind)) return kind
  const motivations = listOf(item.motivation)
  if (!hasTarget || motivations.includes('commenting') || motivations.includes('replying'))
    return 'note'
  return bodies.descriptions.length > 0 ? 'quote' : 'highlight'
}

/** Our own colour field must be one of the set (a forged one is refused); a style class is a hint. */
export function colorOf(item: Json, target: ParsedTarget, name: string): AnnotationColor {
  const color = sorotField(item, 'color')
  if (typeof color === 'string' && isAnnotationColor(color)) return color
  if (color !== undefined)
    throw new SorotFailure(
      'bad_input',
      `content: annotation ${name}: sorot:color must be one of ${ANNOTATION_COLORS.join(', ')}, not ${shorten(JSON.stringify(color) ?? '')}; nothing was imported`
    )
  const fromClass = /^sorot-([a-z]+)$/.exec(target.styleClass ?? '')?.[1]
  return fromClass && isAnnotationColor(fromClass) ? fromClass : DEFAULT_ANNOTATION_COLOR
}
