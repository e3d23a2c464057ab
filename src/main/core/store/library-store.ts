import { promises as fs } from 'node:fs'
import path from 'node:path'
import { SorotFailure } from '../../../shared/result'
import { JsonFile, storageFailure, type Recovery } from './json-file'
import {
  SCHEMA_VERSION,
  annotationsFileSchema,
  articleFileSchema,
  indexFileSchema,
  settingsFileSchema,
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
}

/**
 * The data dir of DESIGN.md §3: index.json, articles/<id>.json, annotations/<id>.json,
 * settings.json, backups/. One JsonFile (one writer) per file, opened lazily and kept.
 */
export class LibraryStore {
  readonly dataDir: string
  readonly index: JsonFile<IndexFile>
  readonly settings: JsonFile<SettingsFile>
  readonly #articles = new Map<string, Promise<JsonFile<ArticleFile>>>()
  readonly #annotations = new Map<string, Promise<JsonFile<AnnotationsFile>>>()
  readonly #options: StoreOptions

  private constructor(dataDir: string, options: StoreOptions) {
    this.dataDir = dataDir
    this.#options = options
    this.index = new JsonFile(path.join(dataDir, 'index.json'), {
      schema: indexFileSchema,
      defaults: () => ({ schemaVersion: SCHEMA_VERSION, articles: [] }),
      onRecovered: options.onRecovered
    })
    this.settings = new JsonFile(path.join(dataDir, 'settings.json'), {
      schema: settingsFileSchema,
      defaults: () => ({ schemaVersion: SCHEMA_VERSION, language: null, theme: 'system' }),
      onRecovered: options.onRecovered
    })
  }

  /** Creates the folders when missing and loads index.json and settings.json. */
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
    await store.index.load()
    await store.settings.load()
    // Every file of §3 exists from the first run on, each with its schemaVersion.
    if (!store.settings.exists) await store.settings.update(() => undefined)
    return store
  }

  /** True when this data dir had no index.json yet: a first run. */
  get isNew(): boolean {
    return !this.index.exists
  }

  articleFile(id: string): Promise<JsonFile<ArticleFile>> {
    assertSafeId(id)
    return this.#open(this.#articles, path.join(this.dataDir, 'articles', `${id}.json`), {
      schema: articleFileSchema,
      defaults: () => ({ schemaVersion: SCHEMA_VERSION, id, versions: [] })
    })
  }

  annotationsFile(id: string): Promise<JsonFile<AnnotationsFile>> {
    assertSafeId(id)
    return this.#open(this.#annotations, path.join(this.dataDir, 'annotations', `${id}.json`), {
      schema: annotationsFileSchema,
      defaults: () => ({ schemaVersion: SCHEMA_VERSION, annotations: [] })
    })
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
    const files = [
      this.index,
      this.settings,
      ...(await Promise.all([...this.#articles.values(), ...this.#annotations.values()]))
    ]
    await Promise.all(files.map((file) => file.flush()))
  }

  #open<T extends { schemaVersion: number }>(
    cache: Map<string, Promise<JsonFile<T>>>,
    file: string,
    options: Omit<ConstructorParameters<typeof JsonFile<T>>[1], 'onRecovered'>
  ): Promise<JsonFile<T>> {
    let opened = cache.get(file)
    if (!opened) {
      const jsonFile = new JsonFile<T>(file, { ...options, onRecovered: this.#options.onRecovered })
      opened = jsonFile.load().then(() => jsonFile)
      opened.catch(() => cache.delete(file))
      cache.set(file, opened)
    }
    return opened
  }
}
