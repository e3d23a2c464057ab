import { createHash, randomUUID } from 'node:crypto'
import { anchor, describe } from '../../../shared/anchoring'
import { DEFAULT_ANNOTATION_COLOR, isAnnotationColor } from '../../../shared/annotations'
import type {
  Annotation,
  AnnotationKind,
  AnnotationTarget,
  ArticleMeta,
  TextPositionSelector,
  TextQuoteSelector,
  TextSelector
} from '../../../shared/model'
import type { JsonLdImportReport } from '../../../shared/contract'
import { SorotFailure } from '../../../shared/result'
import { canonicalText } from '../../../shared/text'
import { cleanLabels, isArticleNote } from '../library/annotations'
import type { LibraryStore } from '../store/library-store'
import { SCHEMA_VERSION } from '../store/schemas'
import { SOROT_VOCAB } from './jsonld'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const listOf = (value: unknown): unknown[] =>
  value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]
const typesOf = (value: Json): string[] =>
  listOf(value.type ?? value['@type']).filter((t): t is string => typeof t === 'string')
const stringOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined

/** A Sorot field, written `sorot:name` by our exports or in full by a JSON-LD processor. */
const sorotField = (item: Json, name: string): unknown =>
  item[`sorot:${name}`] ?? item[`${SOROT_VOCAB}${name}`]
const hasSorotField = (item: Json, name: string): boolean =>
  `sorot:${name}` in item || `${SOROT_VOCAB}${name}` in item

const shorten = (text: string): string => (text.length > 60 ? `${text.slice(0, 57)}…` : text)

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

/** Our own ids come back as they were; another tool's become a stable id of their own. */
function localIdOf(iri: string | undefined): string {
  if (!iri) return randomUUID()
  const ours = /^urn:sorot:annotation:([A-Za-z0-9_-]{1,64})$/.exec(iri)
  if (ours) return ours[1]
  const uuid = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(
    iri
  )
  if (uuid) return uuid[1].toLowerCase()
  return `ext-${createHash('sha256').update(iri).digest('hex').slice(0, 32)}`
}

interface ParsedTarget {
  source: string
  selectors: TextSelector[]
  styleClass?: string
}

function selectorOf(value: unknown): TextSelector | null {
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

function targetsOf(item: Json): ParsedTarget[] {
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

/** An address without its fragment or trailing slash, so small spelling differences match. */
const normalUrl = (url: string): string => url.trim().replace(/#.*$/, '').replace(/\/+$/, '')

function findArticle(store: LibraryStore, item: Json, source: string): ArticleMeta | undefined {
  const live = store.index.data.articles.filter((meta) => !meta.deletedAt)
  const hinted = stringOf(sorotField(item, 'article'))
  const byHint = hinted && live.find((meta) => meta.id === hinted)
  if (byHint) return byHint
  const urn = /^urn:sorot:article:(.+)$/.exec(source)?.[1]
  if (urn) return live.find((meta) => meta.id === urn)
  return live.find((meta) => meta.url !== null && normalUrl(meta.url) === normalUrl(source))
}

interface Bodies {
  notes: string[]
  labels: string[]
  descriptions: string[]
}

function bodiesOf(item: Json): Bodies {
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

const validDate = (value: unknown): string | undefined =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined

const KINDS: readonly string[] = ['highlight', 'quote', 'note']

function kindOf(item: Json, bodies: Bodies, hasTarget: boolean): AnnotationKind {
  const kind = sorotField(item, 'kind')
  if (typeof kind === 'string' && KINDS.includes(kind)) return kind as AnnotationKind
  const motivations = listOf(item.motivation)
  if (!hasTarget || motivations.includes('commenting') || motivations.includes('replying'))
    return 'note'
  return bodies.descriptions.length > 0 ? 'quote' : 'highlight'
}

function colorOf(item: Json, target: ParsedTarget): string {
  const color = sorotField(item, 'color')
  if (typeof color === 'string' && isAnnotationColor(color)) return color
  const fromClass = /^sorot-([a-z]+)$/.exec(target.styleClass ?? '')?.[1]
  return fromClass && isAnnotationColor(fromClass) ? fromClass : DEFAULT_ANNOTATION_COLOR
}

interface ArticleVersions {
  newest: { version: number; text: string } | null
  textOf: (version: number) => string | null
}

async function versionsOf(store: LibraryStore, id: string): Promise<ArticleVersions> {
  const versions = (await store.articleFile(id)).data.versions
  const latest = versions.at(-1)
  return {
    newest: latest ? { version: latest.version, text: canonicalText(latest.blocks) } : null,
    textOf: (version) => {
      const found = versions.find((v) => v.version === version)
      return found ? canonicalText(found.blocks) : null
    }
  }
}

/**
 * Places the selectors on the newest version; failing that, on the version the document names
 * (kept as an orphan there, as re-anchoring keeps one). Null when no place is certain.
 */
function placeTarget(
  versions: ArticleVersions,
  selectors: TextSelector[],
  versionHint: unknown
): { target: AnnotationTarget; orphan: boolean } | null {
  const tryOn = (version: number, text: string): AnnotationTarget | null => {
    const range = anchor(text, selectors)
    if (!range || range.end <= range.start) return null
    return { version, selectors: describe(text, range.start, range.end) }
  }
  if (versions.newest) {
    const placed = tryOn(versions.newest.version, versions.newest.text)
    if (placed) return { target: placed, orphan: false }
  }
  if (typeof versionHint === 'number' && versionHint !== versions.newest?.version) {
    const text = versions.textOf(versionHint)
    const placed = text === null ? null : tryOn(versionHint, text)
    if (placed) return { target: placed, orphan: true }
  }
  return null
}

const sameBody = (a: Annotation, b: Annotation): boolean =>
  a.note === b.note && [...a.labels].sort().join('\n') === [...b.labels].sort().join('\n')

const sameTarget = (a: Annotation, b: Annotation): boolean => {
  const [pa, pb] = [a.target?.selectors[0], b.target?.selectors[0]]
  return Boolean(pa && pb && pa.start === pb.start && pa.end === pb.end)
}

/**
 * Re-attaches each annotation of a W3C Web Annotation document (Sorot's own export or another
 * tool's) to its article through anchor(). Annotations already there are skipped; those whose
 * article or passage cannot be found are kept out, each with its reason. Writes each touched
 * article's annotations file once.
 */
export async function importJsonLd(
  store: LibraryStore,
  content: string
): Promise<JsonLdImportReport> {
  let document: unknown
  try {
    document = JSON.parse(content)
  } catch (error) {
    throw new SorotFailure('bad_input', `content: not valid JSON (${(error as Error).message})`)
  }
  const report: JsonLdImportReport = { imported: [], skipped: [], unmatched: [] }
  const additions = new Map<string, Annotation[]>()
  const versionsCache = new Map<string, ArticleVersions>()
  const now = new Date().toISOString()

  for (const item of annotationsIn(document)) {
    if (!isObject(item)) {
      report.unmatched.push({
        id: stringOf(item) ?? null,
        reason: 'given only by its address, without its content'
      })
      continue
    }
    const iri = stringOf(item.id ?? item['@id'])
    const targets = targetsOf(item)
    if (targets.length === 0) {
      report.unmatched.push({ id: iri ?? null, reason: 'it has no target' })
      continue
    }
    const found = targets
      .map((target) => ({ target, meta: findArticle(store, item, target.source) }))
      .find((t) => t.meta)
    if (!found?.meta) {
      report.unmatched.push({
        id: iri ?? null,
        reason: `no article in the library is ${targets.map((t) => t.source).join(' or ')}`
      })
      continue
    }
    const { target, meta } = found
    const id = localIdOf(iri)
    const bodies = bodiesOf(item)
    const hasSelectors = target.selectors.length > 0
    const kind = kindOf(item, bodies, hasSelectors)
    if (!hasSelectors && kind !== 'note') {
      report.unmatched.push({ id: iri ?? id, reason: `a ${kind} needs a text selector` })
      continue
    }
    let versions = versionsCache.get(meta.id)
    if (!versions) {
      versions = await versionsOf(store, meta.id)
      versionsCache.set(meta.id, versions)
    }
    const placed = hasSelectors
      ? placeTarget(versions, target.selectors, sorotField(item, 'version'))
      : null
    if (hasSelectors && !placed) {
      const quote = target.selectors.find(
        (s): s is TextQuoteSelector => s.type === 'TextQuoteSelector'
      )
      const position = target.selectors.find(
        (s): s is TextPositionSelector => s.type === 'TextPositionSelector'
      )
      report.unmatched.push({
        id: iri ?? id,
        reason: quote
          ? `the passage "${shorten(quote.exact)}" is not in article ${meta.id} (${shorten(meta.title)})`
          : `position ${position?.start}..${position?.end} does not fit article ${meta.id}`
      })
      continue
    }
    const speakerField = sorotField(item, 'speaker')
    const speaker = hasSorotField(item, 'speaker')
      ? typeof speakerField === 'string'
        ? speakerField
        : null
      : kind === 'quote'
        ? (bodies.descriptions[0] ?? null)
        : undefined
    const notes =
      kind === 'quote' || hasSorotField(item, 'speaker')
        ? bodies.notes
        : [...bodies.notes, ...bodies.descriptions]
    const created = validDate(item.created) ?? now
    const annotation: Annotation = {
      id,
      articleId: meta.id,
      kind,
      ...(placed && { target: placed.target }),
      color: colorOf(item, target),
      labels: cleanLabels(bodies.labels),
      note: notes.join('\n\n'),
      ...(speaker !== undefined && { speaker }),
      ...(placed?.orphan && { orphan: true }),
      createdAt: created,
      updatedAt: validDate(item.modified) ?? created
    }
    const existing = [
      ...(await store.annotationsFile(meta.id)).data.annotations,
      ...(additions.get(meta.id) ?? [])
    ]
    const sameId = existing.find((a) => a.id === id)
    const reason = sameId
      ? `an annotation with this id is already there${sameId.deletedAt ? ' (in the trash)' : ''}`
      : !annotation.target && existing.some((a) => isArticleNote(a) && !a.deletedAt)
        ? 'the article already has an article note'
        : existing.some((a) => !a.deletedAt && sameTarget(a, annotation) && sameBody(a, annotation))
          ? 'the same passage with the same note and labels is already there'
          : null
    if (reason) {
      report.skipped.push({ id, articleId: meta.id, reason })
      continue
    }
    additions.set(meta.id, [...(additions.get(meta.id) ?? []), annotation])
    report.imported.push({ id, articleId: meta.id })
  }

  for (const [articleId, annotations] of additions) {
    const file = await store.annotationsFile(articleId)
    await file.update((data) => {
      data.schemaVersion = SCHEMA_VERSION
      data.annotations.push(...annotations)
    })
  }
  return report
}
