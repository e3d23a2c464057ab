/**
 * The search worker (a node:worker_threads entry, built to out/main/search-worker.js): builds
 * the full-text index of a data dir off the main thread, writes the cache file and posts back
 * what it found (the file is read from disk). One message in, one message out.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { buildSearchCache } from './core/search/build'

const { dataDir, speakerTable, checkpointEvery } = workerData as {
  dataDir: string
  speakerTable?: Map<string, string[]>
  checkpointEvery?: number
}

buildSearchCache(dataDir, speakerTable, { checkpointEvery }).then(
  (built) => parentPort?.postMessage({ ok: true, built }),
  (error: unknown) =>
    parentPort?.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error)
    })
)
