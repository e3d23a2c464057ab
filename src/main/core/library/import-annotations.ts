import { createHash, randomUUID } from 'node:crypto'
import type { JsonLdImportReport } from '../../../shared/contract'
import { idProblem } from '../../../shared/ids'
import type {
  Annotation,
  AnnotationTarget,
  ArticleMeta,
  TextPositionSelector,
  TextQuoteSelector,
  TextSelector
} from '../../../shared/model'
import { anchorThenDescribe } from '../../../shared/selectors/anchor-describe'
import { canonicalText } from '../../../shared/text'
import {
  jsonLdFields,
  readJsonLdAnnotations,
  shorten,
  type JsonLdItem,
  type JsonLdTarget
} from '../import/jsonld-reader'
import type { Emit } from '../events'
import type { LibraryStore } from '../store/library-store'
import { SCHEMA_VERSION } from '../store/schemas'
import { cleanLabels, isArticleNote } from './annotations'

/** An address without its fragment or trailing slash, so small spelling differences match. */
const normalUrl = (url: string): string => url.trim().replace(/#.*$/, '').replace(/\/+$/, '')

/** The live articles by id and by address, built once per import (an item looks up in O(1)). */
interface ArticleFinder {
  byId: Map<string, ArticleMeta>
  byUrl: Map<string, ArticleMeta>
}

function articleFinder(store: LibraryStore): ArticleFinder {
  const finder: ArticleFinder = { byId: new Map(), byUrl: new Map() }
  for (const meta of store.index.data.articles) {
    if (meta.deletedAt) continue
    finder.byId.set(meta.id, meta)
    const url = meta.url === null ? null : normalUrl(meta.url)
    // The first article with an address wins, as the list's first match did.
    if (url !== null && !finder.byUrl.has(url)) finder.byUrl.set(url, meta)
  }
  return finder
}

function findArticle(
  finder: ArticleFinder,
  item: JsonLdItem,
  source: string
): ArticleMeta | undefined {
  const byHint = item.articleHint === undefined ? undefined : finder.byId.get(item.articleHint)
  if (byHint) return byHint
  const urn = /^urn:sorot:article:(.+)$/.exec(source)?.[1]
  if (urn) return finder.byId.get(urn)
  return finder.byUrl.get(normalUrl(source))
}

/** Our own ids come back as they were; another tool's become a stable id of their own. */
function localIdOf(iri: string | undefined): string {
  if (!iri) return randomUUID()
  const ours = /^urn:sorot:annotation:([a-z0-9_-]{1,64})$/.exec(iri)
  if (ours && idProblem(ours[1]) === null) return ours[1]
  const uuid = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(
    iri
  )
  if (uuid) return uuid[1].toLowerCase()
  return `ext-${createHash('sha256').update(iri).digest('hex').slice(0, 32)}`
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
  versionHint: number | undefined
): { target: AnnotationTarget; orphan: boolean } | null {
  const tryOn = (version: number, text: string): AnnotationTarget | null => {
    const described = anchorThenDescribe(text, selectors)
    return described && { version, selectors: described }
  }
  if (versions.newest) {
    const placed = tryOn(versions.newest.version, versions.newest.text)
    if (placed) return { target: placed, orphan: false }
  }
  if (versionHint !== undefined && versionHint !== versions.newest?.version) {
    const text = versions.textOf(versionHint)
    const placed = text === null ? null : tryOn(versionHint, text)
    if (placed) return { target: placed, orphan: true }
  }
  return null
}

/** Why a passage could not be placed, naming it and the article. */
function unplacedReason(selectors: TextSelector[], meta: ArticleMeta): string {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')
  if (quote)
    return `the passage "${shorten(quote.exact)}" is not in article ${meta.id} (${shorten(meta.title)})`
  const position = selectors.find(
    (s): s is TextPositionSelector => s.type === 'TextPositionSelector'
  )
  return `position ${position?.start}..${position?.end} does not fit article ${meta.id}`
}

/** Same passage (position) with the same note and labels: one key, so a duplicate is O(1). */
const passageKey = (a: Annotation): string | null => {
  const position = a.target?.selectors[0]
  if (!position) return null
  const labels = [...a.labels].sort().join('\n')
  return JSON.stringify([position.start, position.end, a.note, labels])
}

/** What one article already holds, and what this import adds to it, indexed once. */
interface ArticleAnnotations {
  byId: Map<string, Annotation>
  hasArticleNote: boolean
  passages: Set<string>
  added: Annotation[]
}

async function annotationsState(store: LibraryStore, id: string): Promise<ArticleAnnotations> {
  const state: ArticleAnnotations = {
    byId: new Map(),
    hasArticleNote: false,
    passages: new Set(),
    added: []
  }
  for (const annotation of (await store.annotationsFile(id)).data.annotations)
    remember(state, annotation)
  return state
}

function remember(state: ArticleAnnotations, annotation: Annotation): void {
  state.byId.set(annotation.id, annotation)
  if (annotation.deletedAt) return
  if (isArticleNote(annotation)) state.hasArticleNote = true
  const key = passageKey(annotation)
  if (key !== null) state.passages.add(key)
}

/** Why `annotation` is already there in `state`, or null when it is new. */
function duplicateReason(state: ArticleAnnotations, annotation: Annotation): string | null {
  const sameId = state.byId.get(annotation.id)
  if (sameId)
    return `an annotation with this id is already there${sameId.deletedAt ? ' (in the trash)' : ''}`
  if (!annotation.target && state.hasArticleNote) return 'the article already has an article note'
  const key = passageKey(annotation)
  if (key !== null && state.passages.has(key))
    return 'the same passage with the same note and labels is already there'
  return null
}

/** The annotation `item` becomes in the article `meta`, placed by `on` (or an article note). */
function annotationOf(
  item: JsonLdItem,
  on: JsonLdTarget,
  meta: ArticleMeta,
  placed: { target: AnnotationTarget; orphan: boolean } | null,
  now: string
): Annotation {
  const fields = jsonLdFields(item, on)
  const created = item.created ?? now
  return {
    id: localIdOf(item.iri),
    articleId: meta.id,
    kind: fields.kind,
    ...(placed && { target: placed.target }),
    color: fields.color,
    labels: cleanLabels(fields.labels),
    note: fields.note,
    ...(fields.speaker !== undefined && { speaker: fields.speaker }),
    ...(placed?.orphan && { orphan: true }),
    ...(item.creator && { author: item.creator }),
    createdAt: created,
    updatedAt: item.modified ?? created
  }
}

/**
 * Re-attaches each annotation of a W3C Web Annotation document (Sorot's own export or another
 * tool's) to its article through anchoring. Annotations already there are skipped; those whose
 * article or passage cannot be found are kept out, each with its reason. Writes each touched
 * article's annotations file once, after the whole document was read.
 */
export async function importJsonLd(
  store: LibraryStore,
  content: string,
  emit: Emit
): Promise<JsonLdImportReport> {
  const entries = readJsonLdAnnotations(content)
  const report: JsonLdImportReport = { imported: [], skipped: [], unmatched: [] }
  const states = new Map<string, ArticleAnnotations>()
  const versionsCache = new Map<string, ArticleVersions>()
  const finder = articleFinder(store)
  const now = new Date().toISOString()

  for (const entry of entries) {
    if (!('item' in entry)) {
      const reason = 'given only by its address, without its content'
      report.unmatched.push({ id: entry.addressOnly, reason })
      continue
    }
    const { item } = entry
    if (item.targets.length === 0) {
      report.unmatched.push({ id: item.iri ?? null, reason: 'it has no target' })
      continue
    }
    const found = item.targets
      .map((target) => ({ target, meta: findArticle(finder, item, target.source) }))
      .find((t) => t.meta)
    if (!found?.meta) {
      const sources = item.targets.map((t) => t.source).join(' or ')
      report.unmatched.push({
        id: item.iri ?? null,
        reason: `no article in the library is ${sources}`
      })
      continue
    }
    const { target, meta } = found
    const hasSelectors = target.selectors.length > 0
    const kind = jsonLdFields(item, target).kind
    if (!hasSelectors && kind !== 'note') {
      const reason = `a ${kind} needs a text selector`
      report.unmatched.push({ id: item.iri ?? localIdOf(item.iri), reason })
      continue
    }
    let versions = versionsCache.get(meta.id)
    if (!versions) {
      versions = await versionsOf(store, meta.id)
      versionsCache.set(meta.id, versions)
    }
    const placed = hasSelectors ? placeTarget(versions, target.selectors, item.version) : null
    if (hasSelectors && !placed) {
      const reason = unplacedReason(target.selectors, meta)
      report.unmatched.push({ id: item.iri ?? localIdOf(item.iri), reason })
      continue
    }
    const annotation = annotationOf(item, target, meta, placed, now)
    let state = states.get(meta.id)
    if (!state) {
      state = await annotationsState(store, meta.id)
      states.set(meta.id, state)
    }
    const reason = duplicateReason(state, annotation)
    if (reason) {
      report.skipped.push({ id: annotation.id, articleId: meta.id, reason })
      continue
    }
    remember(state, annotation)
    state.added.push(annotation)
    report.imported.push({ id: annotation.id, articleId: meta.id })
  }

  for (const [articleId, state] of states) {
    if (state.added.length === 0) continue
    const file = await store.annotationsFile(articleId)
    await file.update((data) => {
      data.schemaVersion = SCHEMA_VERSION
      data.annotations.push(...state.added)
    })
  }
  for (const articleId of new Set(report.imported.map((a) => a.articleId)))
    emit({ type: 'annotations.changed', articleId })
  return report
}
