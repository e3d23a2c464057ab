import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Worker } from 'node:worker_threads'
import type {
  AnnotationCounts,
  ArticleMeta,
  Block,
  SearchHit,
  SearchResponse,
  SnippetSegment,
  SorotEvent
} from '../../../shared/model'
import { canonicalText } from '../../../shared/text'
import type { LibraryStore } from '../store/library-store'
import { termsOfDocument } from './analyze'
import { writeFileAtomic } from '../store/atomic-file'
import {
  baseKeyOf,
  decodeCache,
  decodeUpdates,
  encodeUpdates,
  removeStaleCacheTemps,
  SEARCH_INDEX_FILE,
  SEARCH_UPDATES_FILE,
  type CacheHeader
} from './cache-file'
import { SearchIndex, type DocumentTerms, type MatchWord } from './flex-index'
import { documentOf, libraryStamps, namesFrom, stampOf, type SpeakerNameTable } from './documents'
import { parseQuery, type ParsedQuery, type QueryWord } from './query'
import { phraseMatches, snippetOf, snippetText, termMatches, type TextRange } from './snippet'
import { termsOfWord } from './terms'
import { buildSearchCacheOffThread } from './worker-client'

const TEXT_CACHE = 256
const PHRASE_CANDIDATES = 120

export interface SearchServiceOptions {
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

/** How many candidates are read at once when phrases must be checked in their text. */
const PHRASE_BATCH = 24

/**
 * The full-text index of one library (DESIGN.md §3 search-index.json). Loads the cache on first
 * use, rebuilds it in a worker thread when missing, damaged or stale (answering from what it
 * has meanwhile, with `indexing: true`), and follows every change the core announces.
 */
export class SearchService {
  readonly #store: LibraryStore
  readonly #options: Required<Omit<SearchServiceOptions, 'speakerTable'>>
  #index: SearchIndex | null = null
  /** The stamp (documents.ts) of each article as indexed. */
  #stamps = new Map<string, string>()
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
  readonly #texts = new Map<string, string>()
  /** The library's metas by id, made again after the library changes. */
  #metas: Map<string, ArticleMeta> | null = null
  /** Every name of each speaker's identity, by name as written: saved quotes are found by them. */
  readonly speakerTable: () => SpeakerNameTable

  constructor(store: LibraryStore, options: SearchServiceOptions = {}) {
    this.#store = store
    this.#options = {
      workerFrom: options.workerFrom ?? 100,
      saveDelayMs: options.saveDelayMs ?? 2000,
      log: options.log ?? ((message) => process.stderr.write(`sorot: ${message}\n`))
    }
    this.speakerTable = options.speakerTable ?? (() => new Map())
  }

  get #file(): string {
    return path.join(this.#store.dataDir, SEARCH_INDEX_FILE)
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
    if (event.type === 'library.changed') this.#metas = null
    if (event.type === 'annotations.changed') {
      if (this.#index && !this.#building) this.#reindex(event.articleId)
      else this.#changed.add(event.articleId)
    } else if (event.type === 'library.changed' && this.#index && !this.#building) {
      this.#catchUp()
    }
  }

  /** Ranked results for a search box query, with snippets whose matches are marked. */
  async search(query: string, limit = 20): Promise<SearchResponse> {
    await this.start()
    const parsed = parseQuery(query)
    if (parsed.words.length === 0) return { results: [], indexing: this.indexing }
    const index = this.#index
    if (!index) return { results: this.#titleSearch(parsed, limit), indexing: true }
    const words = parsed.words.map(matchWordOf)
    const phrases = parsed.phrases.length > 0
    // Phrases are checked in the text of the best candidates only; a deleted article's id may
    // linger for a moment, hence a few more than asked.
    const wanted = phrases ? Math.max(PHRASE_CANDIDATES, limit) : limit + 8
    let found = index.search(words, true, wanted)
    if (found.length === 0 && words.length > 1 && !phrases)
      found = index.search(words, false, wanted)
    const terms = termMatcher(words)
    const results: SearchHit[] = []
    const batch = phrases ? PHRASE_BATCH : limit
    for (let at = 0; at < found.length && results.length < limit; at += batch) {
      const made = await Promise.all(
        found.slice(at, at + batch).map((hit) => this.#hitOf(hit, parsed, terms))
      )
      for (const hit of made) if (hit && results.length < limit) results.push(hit)
    }
    return { results, indexing: this.indexing }
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
    this.#index = null
  }

  async #load(): Promise<void> {
    void removeStaleCacheTemps(this.#store.dataDir)
    const read = await this.#readCache()
    if ('index' in read) {
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
      return
    }
    if (read.problem) this.#options.log(`${this.#file} ${read.problem}; rebuilding it`)
    this.#rebuild()
  }

  get #updatesFile(): string {
    return path.join(this.#store.dataDir, SEARCH_UPDATES_FILE)
  }

  /** Makes a base (a cache file, a build) the index. */
  #use(index: SearchIndex, header: CacheHeader): void {
    this.#index = index
    this.#stamps = index.stamps()
    this.#baseKey = baseKeyOf(header)
    this.#checkedAt = header.savedAt
    this.#annotated = new Map()
  }

  #add(doc: DocumentTerms): void {
    this.#index?.add(doc)
    this.#stamps.set(doc.id, doc.stamp)
  }

  #remove(id: string): void {
    this.#index?.remove(id)
    this.#stamps.delete(id)
  }

  async #readCache(): Promise<CacheRead> {
    let bytes: Buffer
    try {
      bytes = await fs.readFile(this.#file)
    } catch {
      return { problem: null }
    }
    try {
      return indexOf(bytes)
    } catch (error) {
      const message = (error as Error).message
      return { problem: message.startsWith('is ') ? message : `is damaged (${message})` }
    }
  }

  /** Brings a loaded index up to date with index.json; many changes mean a rebuild instead. */
  #catchUp(): void {
    const current = libraryStamps(this.#store.index.data.articles)
    const stale = new Set(this.#changed)
    this.#changed.clear()
    for (const [id, stamp] of current) if (this.#stamps.get(id) !== stamp) stale.add(id)
    for (const id of this.#stamps.keys()) if (!current.has(id)) stale.add(id)
    // Past a few hundred (a removal scans the index: ~7 ms each in 10,000 articles), a build in
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
        const { index, header } = indexOf(new Uint8Array(built.bytes))
        if (this.#closed) return
        this.#use(index, header)
        // The new base holds every change: the updates of the old one are void.
        await fs.rm(this.#updatesFile, { force: true })
        this.#texts.clear()
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
    this.#texts.delete(id)
    const meta = this.#store.articleMeta(id)
    const blocks = meta && !meta.deletedAt ? await this.#blocksOf(meta) : null
    // The index may have been replaced by a build while the files were read.
    if (!this.#index || this.#closed) return
    if (!meta || !blocks) {
      this.#remove(id)
    } else {
      // Taken before the read: a file changed after it is indexed again in the next session.
      const file = path.join(this.#store.dataDir, 'annotations', `${id}.json`)
      const mtime = (await fs.stat(file).catch(() => null))?.mtimeMs
      const annotations = (await this.#store.annotationsFile(id)).data.annotations
      this.#add(
        termsOfDocument(
          documentOf(meta, blocks, annotations, namesFrom(this.speakerTable())),
          stampOf(meta)
        )
      )
      if (mtime !== undefined) this.#annotated.set(id, mtime)
    }
    this.#scheduleSave()
  }

  async #blocksOf(meta: ArticleMeta): Promise<Block[] | null> {
    return (await this.#store.articleFile(meta.id)).data.versions.at(-1)?.blocks ?? null
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

  /** The canonical text of an article's newest version, read from its file and kept a while. */
  async #textOf(id: string): Promise<string> {
    const cached = this.#texts.get(id)
    if (cached !== undefined) {
      this.#texts.delete(id)
      this.#texts.set(id, cached)
      return cached
    }
    const blocks = await this.#store.peekArticleBlocks(id)
    const text = canonicalText(blocks)
    this.#texts.set(id, text)
    if (this.#texts.size > TEXT_CACHE) this.#texts.delete(this.#texts.keys().next().value ?? '')
    return text
  }

  /** The live meta of an article, through a map made once per library change. */
  #meta(id: string): ArticleMeta | undefined {
    if (!this.#metas) {
      this.#metas = new Map()
      for (const meta of this.#store.index.data.articles) this.#metas.set(meta.id, meta)
    }
    const meta = this.#metas.get(id)
    return meta && !meta.deletedAt ? meta : undefined
  }

  async #hitOf(
    hit: { id: string; score: number },
    parsed: ParsedQuery,
    terms: (term: string) => boolean
  ): Promise<SearchHit | null> {
    const id = hit.id
    const meta = this.#meta(id)
    if (!meta) return null
    const text = await this.#textOf(id)
    let matches: TextRange[]
    if (parsed.phrases.length > 0) {
      const each = parsed.phrases.map((phrase) => phraseMatches(text, phrase))
      if (each.some((found) => found.length === 0)) return null
      matches = each.flat().sort((a, b) => a.start - b.start)
    } else {
      matches = termMatches(text, terms)
    }
    const segments: SnippetSegment[] =
      matches.length > 0 ? snippetOf(text, matches) : fallbackSnippet(meta, text)
    return {
      id,
      title: meta.title,
      outlet: meta.outlet,
      publishedAt: meta.publishedAt,
      score: Math.round(hit.score * 1000) / 1000,
      snippet: snippetText(segments),
      segments,
      offset: matches[0]?.start ?? null
    }
  }

  /** While there is no index at all: titles only, from index.json. */
  #titleSearch(parsed: ParsedQuery, limit: number): SearchHit[] {
    const results: SearchHit[] = []
    for (const meta of this.#store.index.data.articles) {
      if (meta.deletedAt) continue
      const words = meta.title.split(/\s+/).flatMap(termsOfWord)
      const matched = new Set<string>()
      const all = parsed.words.every((word) => {
        const hit = words.filter((term) =>
          word.terms.some((t) => (word.prefix ? term.startsWith(t) : term === t))
        )
        for (const term of hit) matched.add(term)
        return hit.length > 0
      })
      if (!all) continue
      const segments = snippetOf(
        meta.title,
        termMatches(meta.title, (t) => matched.has(t))
      )
      results.push({
        id: meta.id,
        title: meta.title,
        outlet: meta.outlet,
        publishedAt: meta.publishedAt,
        score: matched.size,
        snippet: snippetText(segments),
        segments,
        offset: null
      })
      if (results.length >= limit) break
    }
    return results.sort((a, b) => b.score - a.score)
  }
}

/** A cache file's index; throws an Error saying what is wrong with the file. */
function indexOf(bytes: Uint8Array): { index: SearchIndex; header: CacheHeader } {
  const { header, state } = decodeCache(bytes)
  return { index: new SearchIndex(state), header }
}

/** Prefix matching on very short stems would match half the vocabulary. */
const PREFIX_MIN = 3

/** A query word for the index: while it is being typed, its longer terms match as prefixes. */
function matchWordOf(word: QueryWord): MatchWord {
  if (!word.prefix) return { terms: word.terms, prefix: [] }
  return {
    terms: word.terms.filter((term) => term.length < PREFIX_MIN),
    prefix: word.terms.filter((term) => term.length >= PREFIX_MIN)
  }
}

/** Whether an index term of the text is one the query matched (to mark it in the snippet). */
function termMatcher(words: readonly MatchWord[]): (term: string) => boolean {
  const exact = new Set(words.flatMap((word) => [...word.terms, ...word.prefix]))
  const prefixes = words.flatMap((word) => word.prefix)
  return (term) => exact.has(term) || prefixes.some((prefix) => term.startsWith(prefix))
}

/** Only the title or an annotation matched: the opening of the text, nothing marked. */
function fallbackSnippet(meta: ArticleMeta, text: string): SnippetSegment[] {
  return snippetOf(text || meta.title, [])
}
