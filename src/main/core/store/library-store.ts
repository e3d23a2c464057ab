import { promises as fs } from 'node:fs'
import path from 'node:path'
import { SorotFailure } from '../../../shared/result'
import { countsOf } from '../../../shared/annotations'
import type {
  Annotation,
  AnnotationCounts,
  ArticleMeta,
  Block,
  SpeakersFile
} from '../../../shared/model'
import type { Migration } from './migrations'
import { findBackupCopy, removePartialSnapshots, takeSnapshot } from './snapshots'
import { removeTempFiles, type FileSystem } from './atomic-file'
import { JsonFile, storageFailure, type JsonFileOptions, type Recovery } from './json-file'
import { IndexRecords } from './index-records'
import { ArticleLookup, type ArticleIdentity } from './article-lookup'
import { DirtyArticles } from './dirty-articles'
import { SETTINGS_FILE, SPEAKERS_FILE } from './reader-files'
import { idsIn, relistArticles, type LoadReextract, type Relisting } from './relist'
import {
  peekAnnotationList,
  peekNewestVersion,
  peekNewestVersionSync,
  type PeekedVersion
} from './peek'
import {
  SCHEMA_VERSION,
  annotationsFileSchema,
  articleFileSchema,
  indexFileSchema,
  type AnnotationsFile,
  type ArticleFile,
  type IndexFile,
  type SettingsFile
} from './schemas'

const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/

/** Refuses any id that could name a path outside its folder (a second guard behind zod). */
function assertSafeId(id: string): void {
  if (!SAFE_ID.test(id))
    throw new SorotFailure('bad_input', `Not a valid id: ${JSON.stringify(id)}`)
}

export interface StoreOptions {
  onRecovered?: (recovery: Recovery) => void
  /** Article files the index did not list were put back into it (or files were kept). */
  onRelisted?: (relisting: Relisting) => void
  /** Loads what finds the details of re-listed files that kept no copy of them (the extractor). */
  reextract?: LoadReextract
  /**
   * Opened without the writer lock (read-only CLI commands): every save is refused, and the
   * temp files of another process's writes under way are left alone.
   */
  readOnly?: boolean
  /** Replaces the built-in migrations (tests). */
  migrations?: readonly Migration[]
  /** Replaces node:fs for every write of this store (fault injection in tests). */
  fileSystem?: FileSystem
}

type FileOptions<T> = Pick<
  JsonFileOptions<T>,
  'kind' | 'schema' | 'defaults' | 'memoryOnly' | 'afterWrite' | 'beforeChange'
>

/**
 * The data dir of DESIGN.md §3: index.json, articles/<id>.json, annotations/<id>.json,
 * settings.json, backups/. One JsonFile (one writer) per file, opened lazily and kept.
 */
export class LibraryStore {
  readonly dataDir: string
  readonly index: JsonFile<IndexFile>
  readonly settings: JsonFile<SettingsFile>
  /** speakers.json: the reader's speaker identities and corrections, loaded on first use. */
  readonly speakers: JsonFile<SpeakersFile>
  readonly #articles = new Map<string, Promise<JsonFile<ArticleFile>>>()
  readonly #annotations = new Map<string, Promise<JsonFile<AnnotationsFile>>>()
  readonly #options: StoreOptions
  #articleOpenings = 0
  /** Articles whose annotations were written since the last sync: what the next one walks. */
  readonly syncDirty = new DirtyArticles()
  #indexRecovered = false

  private constructor(dataDir: string, options: StoreOptions) {
    this.dataDir = dataDir
    this.#options = options
    this.index = new JsonFile(path.join(dataDir, 'index.json'), {
      ...this.#fileOptions({
        kind: 'index',
        // Annotation counts are derived from the annotations files (a highlight rewrites only
        // its own file, DESIGN.md §3), so they are never written into index.json.
        memoryOnly: ['counts'],
        schema: indexFileSchema,
        defaults: () => ({ schemaVersion: SCHEMA_VERSION, articles: [] })
      }),
      onRecovered: (recovery) => {
        this.#indexRecovered = true
        options.onRecovered?.(recovery)
      }
    })
    this.#records = new IndexRecords(this.index)
    this.#lookup = new ArticleLookup(this.index)
    this.settings = new JsonFile(
      path.join(dataDir, 'settings.json'),
      this.#fileOptions(SETTINGS_FILE)
    )
    this.speakers = new JsonFile(
      path.join(dataDir, 'speakers.json'),
      this.#fileOptions(SPEAKERS_FILE)
    )
  }

  #migrationSnapshot: Promise<void> | undefined
  #sweep: Promise<void> = Promise.resolve()

  /** What every data file shares: recovery from the snapshots, migrations, read-only mode. */
  #fileOptions<T>(own: FileOptions<T>): JsonFileOptions<T> {
    return {
      ...own,
      onRecovered: this.#options.onRecovered,
      findBackup: (file, accept) => findBackupCopy(this.dataDir, file, accept),
      // One snapshot before the first file is migrated covers every file of this opening.
      beforeMigration: () =>
        (this.#migrationSnapshot ??= takeSnapshot(this, 'migration').then(() => undefined)),
      migrations: this.#options.migrations,
      readOnly: this.#options.readOnly,
      fileSystem: this.#options.fileSystem
    }
  }

  /**
   * Creates the folders when missing, removes what killed writes left behind (temp files,
   * partial snapshots) and loads index.json and settings.json.
   */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<LibraryStore> {
    for (const dir of [
      dataDir,
      ...['articles', 'annotations', 'backups'].map((d) => path.join(dataDir, d))
    ]) {
      try {
        await fs.mkdir(dir, { recursive: true })
      } catch (error) {
        throw storageFailure(dir, error, 'create')
      }
    }
    const store = new LibraryStore(dataDir, options)
    // Another process may be writing while a read-only command runs: its temp files are live.
    if (!options.readOnly) {
      await removePartialSnapshots(dataDir)
      // In the background (a 10,000-entry readdir is opening time); flush() waits for it.
      store.#sweep = Promise.all(
        [dataDir, path.join(dataDir, 'articles'), path.join(dataDir, 'annotations')].map(
          removeTempFiles
        )
      ).then(
        () => undefined,
        () => undefined
      )
    }
    // Listed while index.json is read and parsed, so the check below costs no extra wait
    // (idsIn never rejects: a failed opening leaves no stray rejection behind).
    const articleIds = options.readOnly ? undefined : idsIn(path.join(dataDir, 'articles'))
    await store.index.load()
    // A restored (older) or lost index.json does not list the articles imported since: their
    // files still hold them, so they are put back before anything reads the library.
    const relisting = await relistArticles(store, {
      damaged: store.#indexRecovered || !store.index.exists,
      readOnly: options.readOnly === true,
      articleIds,
      reextract: options.reextract
    })
    if (relisting) options.onRelisted?.(relisting)
    await store.settings.load()
    await store.speakers.load()
    // Every file of §3 exists from the first run on, each with its schemaVersion.
    if (!store.settings.exists && !options.readOnly) await store.settings.update(() => undefined)
    return store
  }

  /** True when this data dir had no index.json yet: a first run. */
  get isNew(): boolean {
    return !this.index.exists
  }

  /** How many article files this store has opened (read from disk) so far. */
  get articleFilesOpened(): number {
    return this.#articleOpenings
  }

  articleFile(id: string): Promise<JsonFile<ArticleFile>> {
    assertSafeId(id)
    const file = path.join(this.dataDir, 'articles', `${id}.json`)
    if (!this.#articles.has(file)) this.#articleOpenings += 1
    return this.#open(this.#articles, file, {
      kind: 'article',
      schema: articleFileSchema,
      defaults: () => ({ schemaVersion: SCHEMA_VERSION, id, versions: [] })
    })
  }

  annotationsFile(id: string): Promise<JsonFile<AnnotationsFile>> {
    assertSafeId(id)
    return this.#open(this.#annotations, path.join(this.dataDir, 'annotations', `${id}.json`), {
      kind: 'annotations',
      schema: annotationsFileSchema,
      defaults: () => ({ schemaVersion: SCHEMA_VERSION, annotations: [] }),
      // The article's counts (memory only) follow every write of its annotations, whoever wrote.
      beforeChange: () => this.syncDirty.mark(id),
      afterWrite: (data) => {
        const meta = this.articleMeta(id)
        if (meta) this.#records.setCounts(meta, countsOf(data.annotations as Annotation[]))
      }
    })
  }

  /** The records of index.json by id, and the counts the store keeps beside them. */
  readonly #records: IndexRecords

  /** Fills in counts read from an annotations file after a start: see IndexRecords.fillCounts. */
  fillCounts(id: string, counts: AnnotationCounts): boolean {
    return this.#records.fillCounts(id, counts)
  }

  /** The ids of the annotations files in annotations/ (one readdir, no file opened). */
  annotatedIds(): Promise<string[]> {
    return idsIn(path.join(this.dataDir, 'annotations'))
  }

  /** Changes whenever the index records may have changed: see IndexRecords.revision. */
  get indexRevision(): string {
    return this.#records.revision
  }

  /** A number that only grows, moving with indexRevision: see IndexRecords.listRevision. */
  get listRevision(): number {
    return this.#records.listRevision
  }

  /** The index record of an article by id (through a map, not a scan of 10,000 records). */
  articleMeta(id: string): ArticleMeta | undefined {
    return this.#records.get(id)
  }

  readonly #lookup: ArticleLookup

  /**
   * The live article an imported draft is a new version of: the same source URL, else the same
   * outlet and title (through maps, not a scan of 10,000 records).
   */
  earlierArticle(draft: ArticleIdentity): ArticleMeta | undefined {
    return this.#lookup.earlier(draft)
  }

  /** The index record of one article, or a not_found failure naming the id. */
  requireArticleMeta(id: string): ArticleMeta {
    const meta = this.articleMeta(id)
    if (!meta) throw new SorotFailure('not_found', `No article with id ${id}`)
    return meta
  }

  /**
   * An article's newest version without keeping its file open (10,000 open files would hold
   * every text in memory): the open copy when there is one, else the file as it is now, else,
   * when the file is behind the index or unreadable, through the recovering reader.
   */
  async peekArticle(meta: ArticleMeta): Promise<PeekedVersion | undefined> {
    const open = this.#articles.get(path.join(this.dataDir, 'articles', `${meta.id}.json`))
    if (open) return (await open).data.versions.at(-1)
    const peeked = await peekNewestVersion(this.dataDir, meta.id)
    if (peeked?.version === meta.versionCount && peeked.contentHash === meta.contentHash)
      return peeked
    return (await this.readArticleFile(meta.id)).versions.at(-1)
  }

  /** peekArticle's blocks, read synchronously when the file is there (search snippets). */
  async peekArticleBlocks(id: string): Promise<Block[]> {
    const peeked = peekNewestVersionSync(this.dataDir, id)
    if (peeked) return peeked.blocks
    return (await this.articleFile(id)).data.versions.at(-1)?.blocks ?? []
  }

  /**
   * An article's annotations: the open copy when there is one, else its file as it is now;
   * undefined when the file is damaged (it is repaired when its article is opened).
   */
  async peekAnnotations(id: string): Promise<Annotation[] | undefined> {
    assertSafeId(id)
    const open = this.#annotations.get(path.join(this.dataDir, 'annotations', `${id}.json`))
    if (open) return (await open).data.annotations as Annotation[]
    return peekAnnotationList(this.dataDir, id)
  }

  /**
   * Reads one article file without keeping it open (re-listing may read thousands): a damaged
   * one is recovered as any other. A file already open is read from memory.
   */
  async readArticleFile(id: string): Promise<ArticleFile> {
    const file = path.join(this.dataDir, 'articles', `${id}.json`)
    const wasOpen = this.#articles.has(file)
    const jsonFile = await this.articleFile(id)
    // load() has finished any write it made (a restore, a migration): nothing is pending.
    if (!wasOpen) this.#articles.delete(file)
    return jsonFile.data
  }

  /**
   * Takes back an article file that never reached the index (its import failed part way), so a
   * failed import leaves the data dir as it was.
   */
  async discardArticle(id: string): Promise<void> {
    assertSafeId(id)
    const file = path.join(this.dataDir, 'articles', `${id}.json`)
    const opened = this.#articles.get(file)
    this.#articles.delete(file)
    await opened?.then((jsonFile) => jsonFile.flush()).catch(() => undefined)
    await fs.rm(file, { force: true }).catch(() => undefined)
  }

  /** Waits for every pending write of every open file: call before quitting. */
  async flush(): Promise<void> {
    await this.#sweep
    const files = [
      this.index,
      this.settings,
      this.speakers,
      ...(await Promise.all([...this.#articles.values(), ...this.#annotations.values()]))
    ]
    await Promise.all(files.map((file) => file.flush()))
  }

  #open<T extends { schemaVersion: number }>(
    cache: Map<string, Promise<JsonFile<T>>>,
    file: string,
    options: FileOptions<T>
  ): Promise<JsonFile<T>> {
    let opened = cache.get(file)
    if (!opened) {
      const jsonFile = new JsonFile<T>(file, this.#fileOptions(options))
      opened = jsonFile.load().then(() => jsonFile)
      opened.catch(() => cache.delete(file))
      cache.set(file, opened)
    }
    return opened
  }
}
