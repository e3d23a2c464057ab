import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { ArticleMeta } from '../../../shared/model'
import { canonicalText, countWords } from '../../../shared/text'
import type { JsonFile } from './json-file'
import type { ArticleFile, IndexFile, StoredMeta } from './schemas'

/** The details of an index record that only the article's text and kept source can give. */
export type ArticleDetails = Pick<
  ArticleMeta,
  'title' | 'outlet' | 'author' | 'url' | 'publishedAt' | 'language'
>

/**
 * Finds an older article file's details again from its kept source and text. Injected by the
 * floor above: the store does not know how articles are extracted (DESIGN.md §1).
 */
export type Reextract = (file: ArticleFile) => Partial<ArticleDetails> | null
/** Loads the extractor when a file needs it: it pulls in the HTML parsers most openings never use. */
export type LoadReextract = () => Promise<Reextract>

/** What re-listing needs of the store (declared here: the store re-lists while it opens). */
export interface RelistTarget {
  readonly dataDir: string
  readonly index: JsonFile<IndexFile>
  readArticleFile(id: string): Promise<ArticleFile>
}

/** What re-listing found: articles put back into the index, and files it kept untouched. */
export interface Relisting {
  /** The index records added back, from their files. */
  relisted: ArticleMeta[]
  /** Records an older index (a snapshot) listed, brought up to their newer files. */
  refreshed: string[]
  /** How many of them had no copy of their details (older files): made from their text. */
  fromText: number
  /** The oldest copy of details used (ISO time): edits made after it may be missing. */
  copiesFrom: string | null
  /** Ids of annotations files whose article is in neither the index nor articles/: kept. */
  keptAnnotations: string[]
  /** Article files that could not be read (reported as recoveries or refusals): left alone. */
  unreadable: string[]
  /** Why the re-listed records could not be saved to index.json (kept in memory), if so. */
  saveError?: string
}

/** What the index records of a file's name: `<id>.json`, never a temp or a kept damaged file. */
const DATA_FILE = /^([A-Za-z0-9_-]{1,64})\.json$/

/** The ids of the data files in one folder of the data dir (one readdir, no file opened). */
export async function idsIn(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir).catch(() => [] as string[])
  return entries.flatMap((entry) => DATA_FILE.exec(entry)?.[1] ?? [])
}

/** The index record as kept in the article file: without the derived counts. */
export function storedMeta(meta: ArticleMeta): StoredMeta {
  const kept = structuredClone(meta)
  delete kept.counts
  return kept
}

/**
 * The index record an article file describes: its own copy when it has one; else (a file
 * written before the copy existed) the details `reextract` finds again, or failing that the
 * source's name. Version figures always come from the versions, which are what the reader
 * will see. Null for a file without any version.
 */
export function metaFromFile(
  id: string,
  file: ArticleFile,
  reextract?: Reextract
): ArticleMeta | null {
  const first = file.versions[0]
  const latest = file.versions.at(-1)
  if (!first || !latest) return null
  const fromVersions = {
    id,
    contentHash: latest.contentHash,
    versionCount: latest.version
  }
  if (file.meta) return { ...structuredClone(file.meta), ...fromVersions }
  const details = reextract?.(file) ?? null
  return {
    ...fromVersions,
    title: details?.title || first.source?.name || id,
    outlet: details?.outlet ?? null,
    author: details?.author ?? null,
    url: details?.url ?? null,
    publishedAt: details?.publishedAt ?? null,
    language: details?.language ?? null,
    wordCount: countWords(canonicalText(latest.blocks)),
    importedAt: first.importedAt,
    updatedAt: latest.importedAt,
    sourceName: first.source?.name ?? null
  }
}

/**
 * Puts back into the index every article file that the index does not list (index.json was
 * restored from an older snapshot, or lost): from the copy of its record kept in the file, or
 * from its text. Costs one readdir when nothing is missing: only unlisted files are opened.
 * `damaged` says index.json was just recovered or is missing; without it a read-only opening
 * does nothing, because the files it sees may be a running import's, not yet indexed.
 * Annotations files are never touched. Null when there is nothing to tell.
 */
export async function relistArticles(
  store: RelistTarget,
  options: {
    damaged: boolean
    readOnly: boolean
    reextract?: LoadReextract
    /** The ids in articles/, when the opening already listed them (beside loading the index). */
    articleIds?: Promise<string[]>
  }
): Promise<Relisting | null> {
  if (options.readOnly && !options.damaged) return null
  const articleIds = await (options.articleIds ?? idsIn(path.join(store.dataDir, 'articles')))
  const indexed = new Set(store.index.data.articles.map((meta) => meta.id))
  const missing = articleIds.filter((id) => !indexed.has(id))
  const relisting: Relisting = {
    relisted: [],
    refreshed: [],
    fromText: 0,
    copiesFrom: null,
    keptAnnotations: [],
    unreadable: []
  }
  const reextract = missing.length > 0 ? await options.reextract?.() : undefined
  for (const id of missing) {
    const file = await store.readArticleFile(id).catch(() => null)
    const meta = file && metaFromFile(id, file, reextract)
    if (!meta) {
      relisting.unreadable.push(id)
      continue
    }
    if (file.meta) {
      if (relisting.copiesFrom === null || meta.updatedAt < relisting.copiesFrom)
        relisting.copiesFrom = meta.updatedAt
    } else relisting.fromText += 1
    relisting.relisted.push(meta)
  }
  if (options.damaged)
    await refreshFromFiles(store, articleIds, indexed, relisting, options.readOnly)
  if (options.damaged) {
    const known = new Set([...indexed, ...articleIds])
    relisting.keptAnnotations = (await idsIn(path.join(store.dataDir, 'annotations'))).filter(
      (id) => !known.has(id)
    )
  }
  if (
    relisting.relisted.length === 0 &&
    relisting.refreshed.length === 0 &&
    relisting.keptAnnotations.length === 0 &&
    relisting.unreadable.length === 0
  )
    return null
  if (relisting.relisted.length) {
    const records = relisting.relisted.sort((a, b) => a.importedAt.localeCompare(b.importedAt))
    if (options.readOnly) store.index.data.articles.push(...structuredClone(records))
    else
      try {
        await store.index.update((index) => index.articles.push(...structuredClone(records)))
      } catch (error) {
        // The library still shows them; the next write of index.json saves them.
        store.index.data.articles.push(...structuredClone(records))
        relisting.saveError = (error as Error).message
      }
  }
  return relisting
}

/**
 * After index.json was damaged and came back from a snapshot: each record the snapshot lists is
 * compared with its article file, which is written with every version. The file's versions
 * always win; its copy of the details wins when it is newer than the snapshot's record. The
 * snapshot is used only for what the files cannot give (later edits, tag colours).
 */
async function refreshFromFiles(
  store: RelistTarget,
  articleIds: readonly string[],
  indexed: ReadonlySet<string>,
  relisting: Relisting,
  readOnly: boolean
): Promise<void> {
  const newer = new Map<string, ArticleMeta>()
  const records = new Map(store.index.data.articles.map((meta) => [meta.id, meta]))
  for (const id of articleIds) {
    if (!indexed.has(id)) continue
    const record = records.get(id)
    const file = await store.readArticleFile(id).catch(() => null)
    const fromFile = file && metaFromFile(id, file)
    if (!record || !fromFile || !file.meta) continue
    const detailsNewer = fromFile.updatedAt > record.updatedAt
    const versionsNewer =
      fromFile.versionCount !== record.versionCount || fromFile.contentHash !== record.contentHash
    if (!detailsNewer && !versionsNewer) continue
    const figures = {
      contentHash: fromFile.contentHash,
      versionCount: fromFile.versionCount,
      wordCount: fromFile.wordCount
    }
    newer.set(
      id,
      detailsNewer
        ? { ...fromFile, ...(record.counts && { counts: record.counts }) }
        : { ...record, ...figures }
    )
  }
  if (newer.size === 0) return
  relisting.refreshed = [...newer.keys()]
  const apply = (articles: ArticleMeta[]): void => {
    for (let i = 0; i < articles.length; i++) {
      const taken = newer.get(articles[i].id)
      if (taken) articles[i] = structuredClone(taken)
    }
  }
  if (readOnly) return apply(store.index.data.articles)
  try {
    await store.index.update((index) => apply(index.articles))
  } catch (error) {
    apply(store.index.data.articles)
    relisting.saveError = (error as Error).message
  }
}

/** A time for the reader: minutes are enough to place an edit. */
const readableTime = (iso: string): string => `${iso.slice(0, 16).replace('T', ' ')} UTC`

/** What to tell the reader about a re-listing, in one paragraph. */
export function relistingMessage(relisting: Relisting): string {
  const parts: string[] = []
  const n = relisting.relisted.length
  if (n) {
    parts.push(
      `${n} ${n === 1 ? 'article was' : 'articles were'} re-listed from ${n === 1 ? 'its file' : 'their files'} in articles/ (index.json no longer listed ${n === 1 ? 'it' : 'them'}).`
    )
    if (relisting.copiesFrom)
      parts.push(
        `Their details come from the copy saved with each article's newest version, so details edited after ${readableTime(relisting.copiesFrom)} may be older.`
      )
    if (relisting.fromText)
      parts.push(
        `${relisting.fromText} had no saved details: ${relisting.fromText === 1 ? 'its details were' : 'their details were'} made again from ${relisting.fromText === 1 ? 'its' : 'their'} text.`
      )
    if (relisting.saveError)
      parts.push(`They could not be saved to index.json yet: ${relisting.saveError}`)
  }
  const refreshed = relisting.refreshed.length
  if (refreshed)
    parts.push(
      `${refreshed} ${refreshed === 1 ? 'article' : 'articles'} of the snapshot had newer versions or details in articles/; ${refreshed === 1 ? 'its file was' : 'their files were'} taken.`
    )
  const kept = relisting.keptAnnotations.length
  if (kept)
    parts.push(
      `${kept} annotations ${kept === 1 ? 'file belongs' : 'files belong'} to no stored article; ${kept === 1 ? 'it was' : 'they were'} kept in annotations/ (${relisting.keptAnnotations.join(', ')}).`
    )
  if (relisting.unreadable.length)
    parts.push(
      `${relisting.unreadable.length} article ${relisting.unreadable.length === 1 ? 'file' : 'files'} could not be read and ${relisting.unreadable.length === 1 ? 'was' : 'were'} left as found: ${relisting.unreadable.join(', ')}.`
    )
  return parts.join(' ')
}
