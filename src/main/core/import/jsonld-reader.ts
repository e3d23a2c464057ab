import { z } from 'zod'
import {
  ANNOTATION_COLORS,
  DEFAULT_ANNOTATION_COLOR,
  isAnnotationColor,
  type AnnotationColor
} from '../../../shared/annotations'
import { ANNOTATION_KINDS, isOneOf } from '../../../shared/enums'
import { SOROT_VOCAB } from '../../../shared/jsonld-vocab'
import type { AnnotationKind, TextSelector } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'

/*
 * A W3C Web Annotation document (Sorot's own export or another tool's) is untrusted JSON. This
 * reader turns it into typed items with zod, leniently as the model allows (one value or a
 * list, `type` or `@type`, parts Sorot cannot use left out), and refuses with the field's name
 * what cannot be read at all. It knows nothing of the library: placing is the use case's.
 */

type Json = Record<string, unknown>

// Plain checks for the many optional one-word fields: a failed zod parse builds an error
// object, and at 100,000 annotations those cost seconds (issue 19's import budget).
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const text = z.string()
const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined
const texts = (value: unknown): string[] =>
  listOf(value).filter((member): member is string => typeof member === 'string')

/** One value or a list of them, as the model allows for most fields. */
const listOf = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]

/** The members of a one-or-many field that `schema` reads; the others are left out. */
function readList<T>(value: unknown, schema: z.ZodType<T>): T[] {
  return listOf(value).flatMap((member) => {
    const read = schema.safeParse(member)
    return read.success ? [read.data] : []
  })
}

const typesOf = (value: Json): string[] => texts(value.type ?? value['@type'])

/** A Sorot field, written `sorot:name` by our exports or in full by a JSON-LD processor. */
const sorotField = (item: Json, name: string): unknown =>
  item[`sorot:${name}`] ?? item[`${SOROT_VOCAB}${name}`]
const hasSorotField = (item: Json, name: string): boolean =>
  `sorot:${name}` in item || `${SOROT_VOCAB}${name}` in item

/** A text for a message: long ones are cut. */
export const shorten = (value: string): string =>
  value.length > 60 ? `${value.slice(0, 57)}…` : value

const quoteSelector = z
  .looseObject({ exact: text, prefix: text.catch(''), suffix: text.catch('') })
  .transform(({ exact, prefix, suffix }): TextSelector => ({
    type: 'TextQuoteSelector',
    exact,
    prefix,
    suffix
  }))

const positionSelector = z
  .looseObject({ start: z.number().int().min(0), end: z.number().int() })
  .transform(({ start, end }): TextSelector => ({ type: 'TextPositionSelector', start, end }))

/** A text selector: a quote first (when typed so), else a position; others are not read. */
function readSelector(value: unknown): TextSelector[] {
  if (!isObject(value)) return []
  const types = typesOf(value)
  const read =
    (types.includes('TextQuoteSelector') && quoteSelector.safeParse(value).data) ||
    (types.includes('TextPositionSelector') && positionSelector.safeParse(value).data)
  return read ? [read] : []
}

export interface JsonLdTarget {
  /** The resource annotated: a web address or `urn:sorot:article:<id>`. */
  source: string
  selectors: TextSelector[]
  styleClass?: string
}

/** A target: an address alone, or a specific resource with its source and selectors. */
function readTarget(value: unknown): JsonLdTarget[] {
  if (typeof value === 'string') return [{ source: value, selectors: [] }]
  if (!isObject(value)) return []
  const source =
    optionalText(value.source) ??
    (isObject(value.source) ? optionalText(value.source.id) : undefined)
  if (source)
    return [
      {
        source,
        selectors: listOf(value.selector).flatMap(readSelector),
        styleClass: optionalText(value.styleClass)
      }
    ]
  const id = optionalText(value.id)
  return id ? [{ source: id, selectors: [] }] : []
}

const body = z.looseObject({ value: text, purpose: z.unknown() })

interface Bodies {
  notes: string[]
  labels: string[]
  descriptions: string[]
}

/** Bodies by purpose (a body without one takes the annotation's motivation). */
function bodiesOf(item: Json): Bodies {
  const bodies: Bodies = { notes: [], labels: [], descriptions: [] }
  const motivation = texts(item.motivation)[0]
  const bodyValue = optionalText(item.bodyValue)
  if (bodyValue) bodies.notes.push(bodyValue)
  for (const { value, purpose } of readList(item.body, body)) {
    const why = optionalText(listOf(purpose)[0]) ?? motivation
    if (why === 'tagging' || why === 'classifying') bodies.labels.push(value)
    else if (why === 'describing' || why === 'identifying') bodies.descriptions.push(value)
    else bodies.notes.push(value)
  }
  return bodies
}

const dateOf = (value: unknown): string | undefined =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined

/** One annotation as read: what it says, before it is placed in an article. */
export interface JsonLdItem {
  /** Its IRI (`id` or `@id`), when it has one. */
  iri: string | undefined
  /** The article Sorot's own export names (`sorot:article`). */
  articleHint: string | undefined
  targets: JsonLdTarget[]
  /** The version Sorot's own export names (`sorot:version`). */
  version: number | undefined
  created: string | undefined
  modified: string | undefined
  /** Its colour from our own field, refused when it is not one of the set. */
  color: AnnotationColor | undefined
  /** Our own kind field, when valid, and the annotation's motivations. */
  kind: AnnotationKind | undefined
  motivations: string[]
  bodies: Bodies
  /** Our own speaker field: absent (undefined), or a name or null. */
  speaker: { name: string | null } | undefined
  /** Who made it (the creator's name, or the creator as written), cut to 100 characters. */
  creator: string | undefined
}

/** The creator's display name: a Person's name or nickname, or a plain string. */
function creatorOf(item: Json): string | undefined {
  const creator = listOf(item.creator)[0]
  const name = isObject(creator) ? (creator.name ?? creator.nickname) : creator
  return optionalText(name)?.trim().slice(0, 100) || undefined
}

/** An entry of the document: an annotation read, or one given only by its address. */
export type JsonLdEntry = { item: JsonLdItem } | { addressOnly: string | null }

function readItem(item: Json): JsonLdItem {
  const iri = optionalText(item.id ?? item['@id'])
  const color = sorotField(item, 'color')
  if (color !== undefined && !(typeof color === 'string' && isAnnotationColor(color)))
    throw new SorotFailure(
      'bad_input',
      `content: annotation ${iri ?? '(no id)'}: sorot:color must be one of ${ANNOTATION_COLORS.join(', ')}, not ${shorten(JSON.stringify(color) ?? '')}; nothing was imported`
    )
  const speaker = sorotField(item, 'speaker')
  const version = sorotField(item, 'version')
  const kindField = sorotField(item, 'kind')
  return {
    iri,
    articleHint: optionalText(sorotField(item, 'article')),
    targets: listOf(item.target).flatMap(readTarget),
    version: typeof version === 'number' && Number.isFinite(version) ? version : undefined,
    created: dateOf(item.created),
    modified: dateOf(item.modified),
    color: color as AnnotationColor | undefined,
    kind: isOneOf(ANNOTATION_KINDS, kindField) ? kindField : undefined,
    motivations: texts(item.motivation),
    bodies: bodiesOf(item),
    speaker: hasSorotField(item, 'speaker') ? { name: optionalText(speaker) ?? null } : undefined,
    creator: creatorOf(item)
  }
}

/** The annotations of a document: one, an array, a page, or a collection with embedded pages. */
function annotationsIn(document: unknown): unknown[] {
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

/** Reads a JSON-LD document's annotations; throws, naming the field, when it cannot. */
export function readJsonLdAnnotations(content: string): JsonLdEntry[] {
  let document: unknown
  try {
    document = JSON.parse(content)
  } catch (error) {
    throw new SorotFailure('bad_input', `content: not valid JSON (${(error as Error).message})`)
  }
  return annotationsIn(document).map((entry) =>
    isObject(entry) ? { item: readItem(entry) } : { addressOnly: optionalText(entry) ?? null }
  )
}

/** What an annotation becomes on the target it was placed by. */
export interface JsonLdFields {
  kind: AnnotationKind
  color: AnnotationColor
  labels: string[]
  note: string
  speaker: string | null | undefined
}

/** Without selectors, or written as a comment, it is a note; a describing body makes a quote. */
function guessKind(item: JsonLdItem, on: JsonLdTarget): AnnotationKind {
  const commented = ['commenting', 'replying'].some((m) => item.motivations.includes(m))
  if (on.selectors.length === 0 || commented) return 'note'
  return item.bodies.descriptions.length > 0 ? 'quote' : 'highlight'
}

/**
 * The kind, colour, note and speaker of `item` placed by `on`: without selectors it is a note;
 * a describing body makes a quote (its speaker); our own fields win over these guesses.
 */
export function jsonLdFields(item: JsonLdItem, on: JsonLdTarget): JsonLdFields {
  const { bodies } = item
  const kindOf = item.kind ?? guessKind(item, on)
  const fromClass = /^sorot-([a-z]+)$/.exec(on.styleClass ?? '')?.[1]
  const quoteSpeaker = kindOf === 'quote' ? (bodies.descriptions[0] ?? null) : undefined
  return {
    kind: kindOf,
    color:
      item.color ??
      (fromClass && isAnnotationColor(fromClass) ? fromClass : DEFAULT_ANNOTATION_COLOR),
    labels: bodies.labels,
    note: (kindOf === 'quote' || item.speaker
      ? bodies.notes
      : [...bodies.notes, ...bodies.descriptions]
    ).join('\n\n'),
    speaker: item.speaker ? item.speaker.name : quoteSpeaker
  }
}
