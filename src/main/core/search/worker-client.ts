import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { SorotFailure } from '../../../shared/result'
import { buildSearchCache, type BuildCheckpoints, type BuiltCache } from './build'
import type { SpeakerNameTable } from './documents'

type WorkerMessage = { ok: true; built: BuiltCache } | { ok: false; message: string }

/**
 * Where the worker entry is: next to the built main bundle (out/main/search-worker.js, also
 * when this code sits in out/main/chunks/), or, when running from source (Vitest, tsx), the
 * TypeScript entry loaded through tsx. Null when neither is there.
 */
export function workerScript(name = 'search-worker'): { code: string; eval: boolean } | null {
  for (const built of [
    path.join(__dirname, `${name}.js`),
    path.join(__dirname, '..', `${name}.js`)
  ])
    if (existsSync(built)) return { code: built, eval: false }
  const source = path.resolve(__dirname, `../../${name}.ts`)
  if (!existsSync(source)) return null
  try {
    const tsx = createRequire(__filename).resolve('tsx/cjs/api')
    const code = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)})`
    return { code, eval: true }
  } catch {
    return null
  }
}

/** True when a worker entry can be found (so builds run off the main thread). */
export function hasSearchWorker(): boolean {
  return workerScript() !== null
}

export interface BuildOptions extends BuildCheckpoints {
  /** false: build on this thread (a small library, where a worker costs more than it saves). */
  worker: boolean
  log: (message: string) => void
  /** Every name of each speaker's identity, indexed with saved quotes. */
  speakerTable?: SpeakerNameTable
  /** Called with the worker, so closing the core can stop a build under way. */
  onWorker?: (worker: Worker | null) => void
}

/**
 * Builds the search cache of a data dir in a worker thread, or on this thread when asked to or
 * when no worker entry exists (said in the log, since the main process then stalls).
 */
export async function buildSearchCacheOffThread(
  dataDir: string,
  options: BuildOptions
): Promise<BuiltCache> {
  const script = options.worker ? workerScript() : null
  if (!script) {
    if (options.worker)
      options.log('search worker not found next to the build; indexing on the main thread')
    return buildSearchCache(dataDir, options.speakerTable, options)
  }
  return new Promise<BuiltCache>((resolve, reject) => {
    const worker = new Worker(script.code, {
      eval: script.eval,
      workerData: {
        dataDir,
        speakerTable: options.speakerTable,
        checkpointEvery: options.checkpointEvery
      }
    })
    options.onWorker?.(worker)
    // A build must not keep a CLI process alive once its command is done.
    worker.unref()
    let settled = false
    const finish = (action: () => void): void => {
      if (settled) return
      settled = true
      options.onWorker?.(null)
      action()
      void worker.terminate()
    }
    worker.once('message', (message: WorkerMessage) =>
      finish(() =>
        message.ok
          ? resolve(message.built)
          : reject(new SorotFailure('internal', `search index build failed: ${message.message}`))
      )
    )
    worker.once('error', (error) => finish(() => reject(error)))
    worker.once('exit', (code) =>
      finish(() =>
        reject(new SorotFailure('internal', `search worker stopped (exit code ${code})`))
      )
    )
  })
}
