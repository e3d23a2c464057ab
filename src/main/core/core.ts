import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { SorotEvent } from '../../shared/model'
import type { Result } from '../../shared/result'
import { snapshotIfStale, type SnapshotOptions } from './store/snapshots'
import { dispatch } from './dispatch'
import { EventHub } from './events'
import { lockLibrary, type LibraryLock, type LockOptions } from './locking'
import type { Recovery } from './store/json-file'
import { LibraryStore, type StoreOptions } from './store/library-store'
import { relistingMessage } from './store/relist'
import { AnnotationCounter } from './library/annotation-counts'
import { ImportJobs } from './library/import-jobs'
import { SearchService, type SearchServiceOptions } from './search/service'
import { QuotesService, type QuotesServiceOptions } from './quotes/service'
import type { Services } from './services'
import type { SecretKeeper } from './sync/secrets'
import { SyncService } from './sync/service'

export interface CoreOptions {
  dataDir: string
  version: string
  /** A sample article imported when the data dir is new (the app's first run). */
  sampleFile?: string
  /** Hold the data dir's writer lock until close (the app, `sorot serve`, CLI write commands). */
  lock?: LockOptions
  /** Take a snapshot when the newest one is more than a day old (the app and CLI writes). */
  dailySnapshot?: boolean
  /** The daily snapshot's internals replaced by tests (a gate, a failing hard link). */
  snapshot?: SnapshotOptions
  /** Open without writing anything (read-only CLI commands, which take no lock). */
  readOnly?: boolean
  /** Store internals replaced by tests: migrations, an injected file system. */
  store?: Pick<StoreOptions, 'migrations' | 'fileSystem'>
  /** Full-text search tuning (tests force the worker thread with `workerFrom: 0`). */
  search?: Omit<SearchServiceOptions, 'speakerTable'>
  /** Quote detection tuning (tests count detections or force background detection). */
  quotes?: Omit<QuotesServiceOptions, 'onNamesChanged'>
  /** The keychain for sync secrets (the app's safeStorage); the CLI has none. */
  syncSecrets?: SecretKeeper
  /** Resume live sync with the last server on opening (the app). */
  resumeSync?: boolean
}

/** The application without any window: a store, its services, an event stream and `dispatch`. */
export interface Core extends Services {
  /** Problems found and repaired while opening the data dir, to tell the reader about. */
  readonly recoveries: Recovery[]
  /** Things to tell the reader that did not stop the opening (a daily snapshot that failed). */
  readonly warnings: string[]
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>
  /** The daily snapshot taken in the background (resolved at once when none is due). */
  readonly snapshotting: Promise<void>
  /** Waits for every pending write; call before the process ends. */
  close(): Promise<void>
}

/** Opens (creating when new) the data dir and returns the core over it. */
export async function openCore(options: CoreOptions): Promise<Core> {
  const events = new EventHub()
  const recoveries: Recovery[] = []
  const warnings: string[] = []
  let lock: LibraryLock | undefined
  if (options.lock) {
    await fs.mkdir(options.dataDir, { recursive: true }).catch(() => undefined)
    lock = await lockLibrary(options.dataDir, options.lock)
  }
  let store: LibraryStore
  try {
    store = await LibraryStore.open(options.dataDir, {
      ...options.store,
      readOnly: options.readOnly,
      reextract: async () => (await import('./library/reextract')).detailsFromFile,
      onRecovered: (recovery) => {
        recoveries.push(recovery)
        events.emit({ type: 'storage.recovered', file: recovery.file, movedTo: recovery.movedTo })
      },
      // Articles put back into a restored or lost index.json: the reader is told how many.
      onRelisted: (relisting) => warnings.push(relistingMessage(relisting))
    })
  } catch (error) {
    await lock?.release()
    throw error
  }
  // Taken before the sample import writes index.json: a first run has nothing to snapshot.
  const firstRun = store.isNew
  if (store.isNew && options.sampleFile && !options.readOnly) {
    const bytes = await fs.readFile(options.sampleFile)
    const { importItems } = await import('./library/import')
    await importItems(store, [{ name: path.basename(options.sampleFile), bytes }], () => undefined)
  }
  // In the background, so the day's first write never waits for it; a failed backup must not
  // lock the reader out of their library: it is reported instead.
  const snapshotting =
    options.dailySnapshot && !options.readOnly && !firstRun
      ? snapshotIfStale(store, undefined, undefined, options.snapshot).then(
          () => undefined,
          (error: unknown) => {
            warnings.push(`The daily backup could not be taken: ${(error as Error).message}`)
          }
        )
      : Promise.resolve()
  const emit = (event: SorotEvent): void => events.emit(event)
  // Saved quotes are indexed under every name of their speaker's identity, again when it changes.
  const quotes: QuotesService = new QuotesService(store, {
    ...options.quotes,
    onNamesChanged: (articleIds) => {
      for (const articleId of articleIds) search.notify({ type: 'annotations.changed', articleId })
    }
  })
  const search = new SearchService(store, {
    ...options.search,
    speakerTable: () => quotes.speakerTable()
  })
  const core: Core = {
    version: options.version,
    store,
    events,
    recoveries,
    warnings,
    imports: new ImportJobs(),
    counts: new AnnotationCounter(store, emit),
    search,
    quotes,
    sync: new SyncService(store, emit, {}, options.syncSecrets ?? null),
    dispatch: (channel, input) => dispatch(core, channel, input),
    snapshotting,
    close: async () => {
      try {
        await snapshotting
        await core.sync.close()
        await core.search.close()
        await store.flush()
      } finally {
        await lock?.release()
      }
    }
  }
  events.subscribe((event) => core.search.notify(event))
  events.subscribe((event) => core.sync.notify(event))
  if (options.resumeSync && !options.readOnly) await core.sync.resumeSaved()
  return core
}
