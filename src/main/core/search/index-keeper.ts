import { promises as fs, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Worker } from 'node:worker_threads'
import type { AnnotationCounts, SorotEvent } from '../../../shared/model'
import type { LibraryStore } from '../store/library-store'
import { writeFileAtomic } from '../store/atomic-file'
import { termsOfDocument } from './analyze'
import {
  baseKeyOf,
  decodeCache,
  decodeUpdates,
  encodeUpdates,
  openCacheFile,
  removeStaleCacheTemps,
  SEARCH_INDEX_FILE,
  SEARCH_UPDATES_FILE,
  type CacheHeader
} from './cache-file'
import { documentOf, libraryStamps, namesFrom, stampOf, type SpeakerNameTable } from './documents'
import { SearchIndex, type DocumentTerms } from './search-index'
import { buildSearchCacheOffThread } from './worker-client'

export interface IndexKeeperOptions {
  /** Libraries of at least this many articles are indexed in the worker thread (default 100). */
  workerFrom?: number
  /** How long changes are gathered before the cache is written again (default 2 s). */
  saveDelayMs?: number
  log?: (message: string) => void
  /** Every name of each speaker's identity, by name as written (the core's quotes service). */
  speakerTable?: () => SpeakerNameTable
}

type CacheRead = { index: SearchIndex; header: CacheHeader } | { problem: string | null }

/** Stale articles past which the index is built again rather than caught up one by one. */
const STALE_REBUILD_FROM = 200

/** Changed articles past which a new base is built rather than the updates file grown. */
const REBASE_FROM = 500

/**
 * Keeps one library's index (DESIGN.md §3 search-index.bin) loaded and current: loads the base
 * file and its updates file, rebuilds in a worker thread when they are missing, damaged or
 * stale, follows the core's events article by article, and saves what changed.
 */
export class IndexKeeper {
  readonly #store: LibraryStore
  readonly #options: Required<Omit<IndexKeeperOptions, 'speakerTable'>>
  #index: SearchIndex | null = null
  #loading: Promise<void> | null = null
  /** baseKeyOf the base file the index grew from (the updates file names it). */
  #baseKey = ''
  /** When annotation files were last compared with the index (other processes may change them). */
  #checkedAt = 0
  /** The mtime of each annotations file as indexed since the base, so it is not indexed again. */
  #annotated = new Map<string, number>()
  #building: Promise<void> | null = null
  #worker: Worker | null = null
  /** Articles whose annotations changed while the index was absent or being built. */
  readonly #changed = new Set<string>()
  #updates: Promise<void> = Promise.resolve()
  /** Articles queued in #updates and not indexed yet. */
  #pending = 0
  #saveTimer: NodeJS.Timeout | null = null
  #unsaved = false
  #closed = false
  /** Every name of each speaker's identity, by name as written: saved quotes are found by them. */
  readonly speakerTable: () => SpeakerNameTable

  constructor(store: LibraryStore, options: IndexKeeperOptions = {}) {
    this.#store = store
    this.speakerTable = options.speakerTable ?? (() => new Map())
    this.#options = {
      workerFrom: options.workerFrom ?? 100,
      saveDelayMs: options.saveDelayMs ?? 2000,
      log: options.log ?? ((message) => process.stderr.write(`sorot: ${message}\n`))
    }
  }

  /** The index as it stands; null until a base is loaded or built. */
  get index(): SearchIndex | null {
    return this.#index
  }

  /** True while there is no index yet or a rebuild or catch-up is under way. */
  get indexing(): boolean {
    return this.#index === null || this.#building !== null || this.#pending > 0
  }

  /** Loads the cache (once); a rebuild it needs goes on in the background. */
  start(): Promise<void> {
    this.#loading ??= this.#load()
    return this.#loading
  }

  /** Resolves once the index is complete and up to date (the CLI waits for this). */
  async whenReady(): Promise<void> {
    await this.start()
    while (this.#building) await this.#building
    await this.#updates
  }

  /** Follows the core's events: the index changes with the library and its annotations. */
  notify(event: SorotEvent): void {
    if (this.#closed) return
    if (event.type === 'annotations.changed') {
      if (this.#index && !this.#building) this.#reindex(event.articleId)
      else this.#changed.add(event.articleId)
    } else if (event.type === 'library.changed' && this.#index && !this.#building) {
      this.#catchUp()
    }
  }

  /**
   * Drops an index whose file turned out damaged when a query read it (the load checks only
   * what it reads): searches answer from titles until the rebuild is done.
   */
  discard(problem: string): void {
    if (!this.#index || this.#closed) return
    this.#options.log(`${this.#file} ${problem}; rebuilding it`)
    this.#index.close()
    this.#index = null
    this.#rebuild()
  }

  /** Stops a build under way and writes what is not saved yet. */
  async close(): Promise<void> {
    this.#closed = true
    if (this.#saveTimer) clearTimeout(this.#saveTimer)
    await this.#worker?.terminate()
    await this.#updates
    try {
      if (this.#index && this.#unsaved) await this.#save()
    } catch (error) {
      this.#options.log(`could not save the search index: ${(error as Error).message}`)
    }
    this.#index?.close()
    this.#index = null
  }

  get #file(): string {
    return path.join(this.#store.dataDir, SEARCH_INDEX_FILE)
  }

  get #updatesFile(): string {
    return path.join(this.#store.dataDir, SEARCH_UPDATES_FILE)
  }

  async #load(): Promise<void> {
    void removeStaleCacheTemps(this.#store.dataDir)
    const read = await this.#readCache()
    if (!('index' in read)) {
      if (read.problem) this.#options.log(`${this.#file} ${read.problem}; rebuilding it`)
      return this.#rebuild()
    }
    this.#use(read.index, read.header)
    const updates = await fs
      .readFile(this.#updatesFile, 'utf8')
      .then((text) => decodeUpdates(text, this.#baseKey))
      .catch(() => null)
    if (updates) {
      for (const id of updates.removed) this.#remove(id)
      for (const doc of updates.added) this.#add(doc)
      this.#annotated = updates.annotated
    }
    const checkedAt = updates?.checkedAt ?? read.header.savedAt
    this.#checkedAt = Date.now()
    for (const [id, mtime] of await this.#annotatedSince(checkedAt))
      if (this.#annotated.get(id) !== mtime) this.#changed.add(id)
    this.#catchUp()
  }

  /** Makes a base (a cache file, a build) the index. */
  #use(index: SearchIndex, header: CacheHeader): void {
    if (this.#index !== index) this.#index?.close()
    this.#index = index
    this.#baseKey = baseKeyOf(header)
    this.#checkedAt = header.savedAt
    this.#annotated = new Map()
  }

  #add(doc: DocumentTerms): void {
    this.#index?.add(doc)
  }

  #remove(id: string): void {
    this.#index?.remove(id)
  }

  async #readCache(): Promise<CacheRead> {
    if (!(await fs.stat(this.#file).catch(() => null))) return { problem: null }
    try {
      return indexOf(this.#file)
    } catch (error) {
      const message = (error as Error).message
      return { problem: message.startsWith('is ') ? message : `is damaged (${message})` }
    }
  }

  /** Brings a loaded index up to date with index.json; many changes mean a rebuild instead. */
  #catchUp(): void {
    const index = this.#index
    if (!index) return
    const current = libraryStamps(this.#store.index.data.articles)
    const stale = new Set(this.#changed)
    this.#changed.clear()
    for (const [id, stamp] of current) if (index.stampOf(id) !== stamp) stale.add(id)
    for (const id of index.ids()) if (!current.has(id)) stale.add(id)
    // Past a few hundred (each one's files are read and analysed on this thread), a build in
    // the worker is quicker and leaves this thread free.
    if (stale.size > STALE_REBUILD_FROM) return this.#rebuild()
    for (const id of stale) this.#reindex(id)
  }

  #rebuild(): void {
    if (this.#building || this.#closed) return
    const store = this.#store
    const live = store.index.data.articles.filter((meta) => !meta.deletedAt).length
    this.#changed.clear()
    this.#building = (async () => {
      try {
        await store.flush()
        const built = await buildSearchCacheOffThread(store.dataDir, {
          worker: live >= this.#options.workerFrom,
          log: this.#options.log,
          speakerTable: this.speakerTable(),
          onWorker: (worker) => (this.#worker = worker)
        })
        if (this.#closed) return
        const { index, header } = indexOf(this.#file)
        this.#use(index, header)
        // The new base holds every change: the updates of the old one are void.
        await fs.rm(this.#updatesFile, { force: true })
        this.#fillCounts(built.counts)
      } catch (error) {
        if (!this.#closed)
          this.#options.log(`search index build failed: ${(error as Error).message}`)
      }
    })()
    void this.#building.finally(() => {
      this.#building = null
      if (this.#index && !this.#closed) this.#catchUp()
    })
  }

  /** Counts for every article, in memory (the build read every annotations file). */
  #fillCounts(counts: Record<string, AnnotationCounts>): void {
    for (const meta of this.#store.index.data.articles)
      if (Object.hasOwn(counts, meta.id)) this.#store.fillCounts(meta.id, counts[meta.id])
  }

  #reindex(id: string): void {
    this.#pending += 1
    this.#updates = this.#updates
      .then(() => this.#reindexNow(id))
      .catch((error: unknown) =>
        this.#options.log(`could not index article ${id}: ${(error as Error).message}`)
      )
      .finally(() => (this.#pending -= 1))
  }

  async #reindexNow(id: string): Promise<void> {
    if (!this.#index || this.#closed) return
    const meta = this.#store.articleMeta(id)
    const blocks = meta && !meta.deletedAt ? (await this.#store.peekArticle(meta))?.blocks : null
    // The index may have been replaced by a build while the files were read.
    if (!this.#index || this.#closed) return
    if (!meta || !blocks) {
      this.#remove(id)
    } else {
      // Taken before the read: a file changed after it is indexed again in the next session.
      const file = path.join(this.#store.dataDir, 'annotations', `${id}.json`)
      const mtime = (await fs.stat(file).catch(() => null))?.mtimeMs
      // A damaged file: the article is indexed without it, as a full build does (build.ts).
      const annotations = (await this.#store.peekAnnotations(id)) ?? []
      const names = namesFrom(this.speakerTable())
      this.#add(termsOfDocument(documentOf(meta, blocks, annotations, names), stampOf(meta)))
      if (mtime !== undefined) this.#annotated.set(id, mtime)
    }
    this.#scheduleSave()
  }

  #scheduleSave(): void {
    this.#unsaved = true
    if (this.#saveTimer || this.#closed) return
    this.#saveTimer = setTimeout(() => {
      this.#saveTimer = null
      void this.#updates
        .then(() => this.#save())
        .catch((error: unknown) =>
          this.#options.log(`could not save the search index: ${(error as Error).message}`)
        )
    }, this.#options.saveDelayMs)
    this.#saveTimer.unref()
  }

  /**
   * Writes what changed since the base file to the updates file (small: an import costs a few
   * kilobytes). Once many articles changed, the worker builds a new base instead.
   */
  async #save(): Promise<void> {
    const index = this.#index
    if (!index) return
    this.#unsaved = false
    if (index.changeCount === 0) {
      await fs.rm(this.#updatesFile, { force: true })
      return
    }
    await writeFileAtomic(
      this.#updatesFile,
      encodeUpdates(this.#baseKey, this.#checkedAt, index.changes(), this.#annotated)
    )
    if (index.changeCount > Math.max(REBASE_FROM, index.size / 20)) this.#rebuild()
  }

  /**
   * Articles whose annotations file changed after the cache was saved: a session that never
   * loaded the index (a CLI highlight) leaves no other trace, since it writes nothing else.
   */
  async #annotatedSince(savedAt: number): Promise<Map<string, number>> {
    const dir = path.join(this.#store.dataDir, 'annotations')
    // Annotation files are written by rename (atomic-file.ts), which changes the folder's
    // mtime: an older folder means no file in it changed, and 10,000 stats are saved.
    const folder = await fs.stat(dir).catch(() => null)
    const changed = new Map<string, number>()
    if (!folder || folder.mtimeMs < savedAt) return changed
    const names = await fs.readdir(dir).catch(() => [] as string[])
    for (const name of names) {
      if (!name.endsWith('.json')) continue
      const stat = await fs.stat(path.join(dir, name)).catch(() => null)
      if (stat && stat.mtimeMs >= savedAt) changed.set(name.slice(0, -'.json'.length), stat.mtimeMs)
    }
    return changed
  }
}

/** A cache file's index, its postings left on disk; throws an Error saying what is wrong. */
function indexOf(file: string): { index: SearchIndex; header: CacheHeader } {
  // Windows cannot replace a file held open: there a build's new file must be free to land.
  const base = process.platform === 'win32' ? decodeCache(readFileSync(file)) : openCacheFile(file)
  try {
    return { index: new SearchIndex(base), header: base.header }
  } catch (error) {
    base.close()
    throw error
  }
}
