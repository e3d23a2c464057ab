import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Result } from '../../shared/result'
import { dispatch } from './dispatch'
import { EventHub } from './events'
import type { Recovery } from './store/json-file'
import { LibraryStore } from './store/library-store'
import { importItems } from './library/import'
import { ImportJobs } from './library/import-jobs'

export interface CoreOptions {
  dataDir: string
  version: string
  /** A sample article imported when the data dir is new (the app's first run). */
  sampleFile?: string
}

/** The application without any window: a store, an event stream and `dispatch`. */
export interface Core {
  readonly version: string
  readonly store: LibraryStore
  readonly events: EventHub
  /** Problems found and repaired while opening the data dir, to tell the reader about. */
  readonly recoveries: Recovery[]
  /** Imports under way, which the reader can cancel. */
  readonly imports: ImportJobs
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>
  /** Waits for every pending write; call before the process ends. */
  close(): Promise<void>
}

/** Opens (creating when new) the data dir and returns the core over it. */
export async function openCore(options: CoreOptions): Promise<Core> {
  const events = new EventHub()
  const recoveries: Recovery[] = []
  const store = await LibraryStore.open(options.dataDir, {
    onRecovered: (recovery) => {
      recoveries.push(recovery)
      events.emit({ type: 'storage.recovered', file: recovery.file, movedTo: recovery.movedTo })
    }
  })
  if (store.isNew && options.sampleFile) {
    const bytes = await fs.readFile(options.sampleFile)
    await importItems(store, [{ name: path.basename(options.sampleFile), bytes }], () => undefined)
  }
  const core: Core = {
    version: options.version,
    store,
    events,
    recoveries,
    imports: new ImportJobs(),
    dispatch: (channel, input) => dispatch(core, channel, input),
    close: () => store.flush()
  }
  return core
}
