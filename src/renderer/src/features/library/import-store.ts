import i18next from 'i18next'
import { MAX_IMPORT_BYTES } from '@shared/limits'
import type { ImportOutcome, SourceFormat } from '@shared/model'
import { api, bytesToBase64 } from '@renderer/api'
import { createStore, useStore } from '@renderer/state/store'

/** What the import controls show: progress of the running import, or the last one's outcome. */
export interface ImportState {
  running: boolean
  done: number
  total: number
  current: string
  cancelling: boolean
  outcomes: ImportOutcome[] | null
  error: string | null
}

const idle: ImportState = {
  running: false,
  done: 0,
  total: 0,
  current: '',
  cancelling: false,
  outcomes: null,
  error: null
}

/** File endings a dropped or chosen folder is searched for. */
export const IMPORTABLE = /\.(txt|text|md|markdown|html?)$/i
/** One call carries at most this many files or bytes, so progress moves and cancel is quick. */
const CHUNK_FILES = 10
const CHUNK_BYTES = 8 * 1024 * 1024

/** One import runs at a time, whichever control started it: the state is the app's. */
const importStore = createStore<ImportState>(idle)
const set = importStore.set
let cancelRequested = false
let jobId = ''

api.subscribe((event) => {
  if (
    event.type === 'import.progress' &&
    event.jobId === jobId &&
    importStore.get().running &&
    event.current
  )
    set({ current: event.current })
})

/** Groups files into calls of at most CHUNK_FILES files and CHUNK_BYTES bytes. */
function chunksOf(files: File[]): File[][] {
  const chunks: File[][] = []
  let current: File[] = []
  let bytes = 0
  for (const file of files) {
    if (current.length && (current.length >= CHUNK_FILES || bytes + file.size > CHUNK_BYTES)) {
      chunks.push(current)
      current = []
      bytes = 0
    }
    current.push(file)
    bytes += file.size
  }
  if (current.length) chunks.push(current)
  return chunks
}

/** The jobs asked for so far, one after another: what the last one waits behind. */
let queue: Promise<void> = Promise.resolve()

/**
 * Runs one import job after those already asked for: `work` gets the job id and reports its
 * outcomes. A paste made while another import runs waits its turn; it is never dropped.
 */
function runJob(
  total: number,
  work: (id: string) => Promise<ImportOutcome[] | string>
): Promise<void> {
  const run = queue.then(() => runNow(total, work))
  queue = run.catch(() => undefined)
  return run
}

async function runNow(
  total: number,
  work: (id: string) => Promise<ImportOutcome[] | string>
): Promise<void> {
  cancelRequested = false
  jobId = `job-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`
  set({ ...idle, running: true, total })
  // A job that throws still ends, so the ones queued behind it run.
  const result = await work(jobId).catch((error: unknown) => String(error))
  if (typeof result === 'string') set({ running: false, cancelling: false, error: result })
  else set({ running: false, cancelling: false, done: total, outcomes: result })
}

/** Imports files (chosen, dropped, or from a folder), in chunks, with progress and cancel. */
export function importFiles(files: File[]): Promise<void> {
  const wanted = files.filter((file) => file.size > 0 || IMPORTABLE.test(file.name))
  if (wanted.length === 0) return Promise.resolve()
  return runJob(wanted.length, async (id) => {
    // Too large to send at all: refused here, by name, like the core refuses it.
    const outcomes: ImportOutcome[] = wanted
      .filter((file) => file.size > MAX_IMPORT_BYTES)
      .map((file) => ({
        input: file.name,
        status: 'failed',
        error: i18next.t('import.tooLarge', {
          name: file.name,
          size: (file.size / 1024 / 1024).toFixed(1),
          limit: MAX_IMPORT_BYTES / 1024 / 1024
        })
      }))
    set({ done: outcomes.length })
    for (const chunk of chunksOf(wanted.filter((file) => file.size <= MAX_IMPORT_BYTES))) {
      if (cancelRequested) {
        outcomes.push(...chunk.map((f) => ({ input: f.name, status: 'cancelled' as const })))
        continue
      }
      const items = await Promise.all(
        chunk.map(async (file) => ({
          name: file.webkitRelativePath || file.name,
          base64: bytesToBase64(new Uint8Array(await file.arrayBuffer()))
        }))
      )
      const result = await api.call('articles.import', { items, jobId: id })
      if (!result.ok) return result.error.message
      outcomes.push(...result.value)
      set({ done: outcomes.length })
    }
    return outcomes
  })
}

/** Imports pasted text or HTML. */
export function importText(text: string, format: SourceFormat): Promise<void> {
  return runJob(1, async (id) => {
    const result = await api.call('articles.import', { items: [{ text, format }], jobId: id })
    return result.ok ? result.value : result.error.message
  })
}

/** Asks the core to fetch a web page and store it for offline reading. */
export function importUrl(url: string): Promise<void> {
  return runJob(1, async (id) => {
    const result = await api.call('articles.importUrl', { url, jobId: id })
    return result.ok ? result.value : result.error.message
  })
}

/** Stops the running import after the article being imported now. */
export function cancelImport(): void {
  if (!importStore.get().running) return
  cancelRequested = true
  set({ cancelling: true })
  void api.call('articles.cancelImport', { jobId })
}

/** Clears the last import's report. */
export function dismissImport(): void {
  if (!importStore.get().running) set(idle)
}

/** The import state, for components. */
export function useImport(): ImportState {
  return useStore(importStore)
}
