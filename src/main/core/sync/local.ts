import { randomUUID } from 'node:crypto'
import type { Annotation, ArticleMeta, ArticleVersion } from '../../../shared/model'
import { countWords, canonicalText } from '../../../shared/text'
import type { LibraryStore } from '../store/library-store'
import { storedMeta } from '../store/relist'
import { SCHEMA_VERSION } from '../store/schemas'
import { articleKey, type AnnotationDoc, type ArticleDoc } from './docs'
import { canonicalJson, mergeAnnotations, mergeMeta, mergeVersions } from './merge'

/** The local side of sync: the library's articles and annotations as documents, and back. */

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/

/** The server key of a local article; its file is read only when the index cannot tell. */
export async function keyOfLocal(store: LibraryStore, meta: ArticleMeta): Promise<string> {
  if (meta.url || meta.versionCount <= 1) return articleKey(meta.url, meta.contentHash)
  const first = (await store.readArticleFile(meta.id)).versions[0]
  return articleKey(meta.url, first?.contentHash ?? meta.contentHash)
}

/** Every local article by server key and by content hash, to find the one a document names. */
export class LocalArticles {
  readonly byKey = new Map<string, string>()
  readonly keyOf = new Map<string, string>()
  readonly #byHash = new Map<string, string>()

  static async of(store: LibraryStore): Promise<LocalArticles> {
    const local = new LocalArticles()
    for (const meta of store.index.data.articles) {
      local.add(await keyOfLocal(store, meta), meta.id)
      local.#byHash.set(meta.contentHash, meta.id)
    }
    return local
  }

  add(key: string, id: string): void {
    if (!this.byKey.has(key)) this.byKey.set(key, id)
    this.keyOf.set(id, key)
  }

  /** The local article a document is about: same key (URL or first text), else same text. */
  find(key: string, doc: ArticleDoc): string | undefined {
    const byKey = this.byKey.get(key)
    if (byKey) return byKey
    for (const version of doc.versions) {
      const id = this.#byHash.get(version.contentHash)
      if (id) return id
    }
    return undefined
  }
}

/** An article as its server document. */
export async function articleDocOf(store: LibraryStore, meta: ArticleMeta): Promise<ArticleDoc> {
  const file = await store.readArticleFile(meta.id)
  const { id, versionCount, ...rest } = storedMeta(meta)
  void versionCount
  return { kind: 'article', meta: rest, localId: id, versions: file.versions }
}

/** An annotation as its server document: its version named by content hash. */
export function annotationDocOf(
  annotation: Annotation,
  key: string,
  versions: readonly ArticleVersion[]
): AnnotationDoc {
  const { articleId, ...rest } = annotation
  void articleId
  const version = versions.find((v) => v.version === annotation.target?.version)
  return {
    kind: 'annotation',
    articleKey: key,
    versionHash: version?.contentHash ?? null,
    annotation: rest
  }
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b)

/**
 * Merges an article document into the library: a new article, or new versions and newer
 * metadata for one it has. Annotations follow a renumbering of versions. Returns the local id.
 */
export async function applyArticle(
  store: LibraryStore,
  doc: ArticleDoc,
  localId: string | undefined,
  pending: Map<string, ArticleMeta>
): Promise<{ id: string; changed: boolean; differs: boolean }> {
  const existing = localId ? (pending.get(localId) ?? store.articleMeta(localId)) : undefined
  const id =
    existing?.id ??
    (SAFE_ID.test(doc.localId) && !store.articleMeta(doc.localId) && !pending.has(doc.localId)
      ? doc.localId
      : randomUUID())
  const file = await store.articleFile(id)
  const oldVersions = file.data.versions as ArticleVersion[]
  const versions = mergeVersions(oldVersions, doc.versions as ArticleVersion[])
  const remoteMeta = { ...doc.meta, id }
  const localMeta = existing ? storedMeta(existing) : undefined
  const winner = localMeta
    ? mergeMeta({ ...localMeta, versionCount: 0 }, { ...remoteMeta, versionCount: 0 })
    : remoteMeta
  const newest = versions.at(-1) as ArticleVersion
  const meta: ArticleMeta = {
    ...winner,
    id,
    versionCount: versions.length,
    contentHash: newest.contentHash,
    wordCount: countWords(canonicalText(newest.blocks))
  }
  // What the server lacks: a version it does not have, or metadata newer than its own.
  // (versionCount is not part of a document: the merge's placeholder for it is left out.)
  const { versionCount: _count, ...winnerMeta } = winner as ArticleMeta
  const differs =
    !same(versions, doc.versions) || !same({ ...winnerMeta, id: '' }, { ...remoteMeta, id: '' })
  const versionsChanged = !same(oldVersions, versions)
  const metaChanged = !existing || !same(storedMeta(existing), storedMeta(meta))
  if (!versionsChanged && !metaChanged) return { id, changed: false, differs }
  await file.update((data) => {
    data.schemaVersion = SCHEMA_VERSION
    // Versions are only ever added: a version imported meanwhile is kept.
    data.versions = mergeVersions(data.versions as ArticleVersion[], versions)
    data.meta = storedMeta(meta)
  })
  if (versionsChanged && existing) await renumberTargets(store, id, oldVersions, versions)
  pending.set(id, meta)
  return { id, changed: true, differs }
}

/** Keeps each annotation on the same text after versions were renumbered by a merge. */
async function renumberTargets(
  store: LibraryStore,
  articleId: string,
  before: readonly ArticleVersion[],
  after: readonly ArticleVersion[]
): Promise<void> {
  const hashOf = new Map(before.map((v) => [v.version, v.contentHash]))
  const numberOf = new Map(after.map((v) => [v.contentHash, v.version]))
  const file = await store.annotationsFile(articleId)
  if (!file.data.annotations.some((a) => a.target)) return
  await file.update((data) => {
    for (const annotation of data.annotations) {
      const hash = annotation.target ? hashOf.get(annotation.target.version) : undefined
      const moved = hash ? numberOf.get(hash) : undefined
      if (annotation.target && moved) annotation.target.version = moved
    }
  })
}

/** An annotation document as a local annotation of `articleId`. */
function annotationOf(
  doc: AnnotationDoc,
  articleId: string,
  versions: readonly ArticleVersion[]
): Annotation {
  const annotation: Annotation = { ...structuredClone(doc.annotation), articleId }
  const version = versions.find((v) => v.contentHash === doc.versionHash)
  if (annotation.target && version) annotation.target.version = version.version
  return annotation
}

/**
 * Merges annotation documents of one article into its annotations file (one write). Returns the
 * merged annotations that differ from the documents, which must go back to the server.
 */
export async function applyAnnotations(
  store: LibraryStore,
  articleId: string,
  docs: readonly AnnotationDoc[],
  since: string | null
): Promise<{ changed: boolean; merged: Annotation[] }> {
  const versions = (await store.readArticleFile(articleId)).versions as ArticleVersion[]
  const file = await store.annotationsFile(articleId)
  const current = new Map(file.data.annotations.map((a) => [a.id, a as Annotation]))
  const merged: Annotation[] = []
  let changed = false
  for (const doc of docs) {
    const remote = annotationOf(doc, articleId, versions)
    const local = current.get(remote.id)
    const result = local ? mergeAnnotations(local, remote, since) : remote
    if (!local || !same(local, result)) {
      current.set(result.id, result)
      changed = true
    }
    if (!same(result, remote)) merged.push(result)
  }
  if (changed)
    // Merged again inside the write, so an edit the reader made meanwhile is merged, not lost.
    await file.update((data) => {
      data.schemaVersion = SCHEMA_VERSION
      const fresh = new Map(data.annotations.map((a) => [a.id, a as Annotation]))
      for (const doc of docs) {
        const remote = annotationOf(doc, articleId, versions)
        const mine = fresh.get(remote.id)
        fresh.set(remote.id, mine ? mergeAnnotations(mine, remote, since) : remote)
      }
      data.annotations = [...fresh.values()]
    })
  return { changed, merged }
}

/**
 * Records this device's display name on the annotations that have no author yet, in the
 * articles of `only` (every article when null).
 */
export async function stampAuthor(
  store: LibraryStore,
  author: string,
  only: ReadonlySet<string> | null = null
): Promise<void> {
  for (const meta of store.index.data.articles) {
    if (only && !only.has(meta.id)) continue
    const file = await store.annotationsFile(meta.id)
    if (file.data.annotations.every((a) => a.author)) continue
    await file.update((data) => {
      for (const annotation of data.annotations) annotation.author ??= author
    })
  }
}

/**
 * Writes the index records of the articles a sync added or changed, in one write of index.json
 * (one per article would rewrite a 10,000-record file 10,000 times). Should the process die
 * before it, opening the library re-lists the article files.
 */
export async function saveIndexRecords(
  store: LibraryStore,
  pending: Map<string, ArticleMeta>
): Promise<void> {
  if (pending.size === 0) return
  await store.index.update((index) => {
    const at = new Map(index.articles.map((a, i) => [a.id, i]))
    for (const [id, meta] of pending) {
      const i = at.get(id)
      if (i === undefined) index.articles.push(meta)
      else index.articles[i] = { ...meta, counts: index.articles[i]?.counts }
    }
  })
}
