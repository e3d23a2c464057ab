import { anchor, describe } from '../../../shared/anchoring'
import type {
  Annotation,
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
import {
  annotationsIn,
  bodiesOf,
  colorOf,
  hasSorotField,
  isObject,
  kindOf,
  localIdOf,
  shorten,
  sorotField,
  stringOf,
  targetsOf,
  validDate,
  type Json
} from './jsonld-items'

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

function findArticle(finder: ArticleFinder, item: Json, source: string): ArticleMeta | undefined {
  const hinted = stringOf(sorotField(item, 'article'))
  const byHint = hinted === undefined ? undefined : finder.byId.get(hinted)
  if (byHint) return byHint
  const urn = /^urn:sorot:article:(.+)$/.exec(source)?.[1]
  if (urn) return finder.byId.get(urn)
  return finder.byUrl.get(normalUrl(source))
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
  const states = new Map<string, ArticleAnnotations>()
  const versionsCache = new Map<string, ArticleVersions>()
  const finder = articleFinder(store)
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
      .map((target) => ({ target, meta: findArticle(finder, item, target.source) }))
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
      color: colorOf(item, target, iri ?? id),
      labels: cleanLabels(bodies.labels),
      note: notes.join('\n\n'),
      ...(speaker !== undefined && { speaker }),
      ...(placed?.orphan && { orphan: true }),
      createdAt: created,
      updatedAt: validDate(item.modified) ?? created
    }
    let state = states.get(meta.id)
    if (!state) {
      state = await annotationsState(store, meta.id)
      states.set(meta.id, state)
    }
    const sameId = state.byId.get(id)
    const key = passageKey(annotation)
    const reason = sameId
      ? `an annotation with this id is already there${sameId.deletedAt ? ' (in the trash)' : ''}`
      : !annotation.target && state.hasArticleNote
        ? 'the article already has an article note'
        : key !== null && state.passages.has(key)
          ? 'the same passage with the same note and labels is already there'
          : null
    if (reason) {
      report.skipped.push({ id, articleId: meta.id, reason })
      continue
    }
    remember(state, annotation)
    state.added.push(annotation)
    report.imported.push({ id, articleId: meta.id })
  }

  for (const [articleId, state] of states) {
    if (state.added.length === 0) continue
    const file = await store.annotationsFile(articleId)
    await file.update((data) => {
      data.schemaVersion = SCHEMA_VERSION
      data.annotations.push(...state.added)
    })
  }
  return report
}
