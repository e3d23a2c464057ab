import { Worker } from 'node:worker_threads'
import { findQuotes, type Quotation } from '../../../shared/quotes'
import { SorotFailure } from '../../../shared/result'
import { workerScript } from '../search/worker-client'

/** Texts longer than this are detected in the worker, so other requests never wait on them. */
export const OFF_THREAD_CHARS = 200_000

type Reply =
  { id: number; ok: true; quotations: Quotation[] } | { id: number; ok: false; message: string }

let worker: Worker | null = null
let nextId = 0
const waiting = new Map<number, { resolve: (q: Quotation[]) => void; reject: (e: Error) => void }>()

function failAll(error: Error): void {
  for (const { reject } of waiting.values()) reject(error)
  waiting.clear()
  worker = null
}

/** The quotes worker, started on first use; null when no worker entry can be found. */
function quotesWorker(): Worker | null {
  if (worker) return worker
  const script = workerScript('quotes-worker')
  if (!script) return null
  const started = new Worker(script.code, { eval: script.eval })
  // An idle worker must not keep a CLI process alive.
  started.unref()
  started.on('message', (reply: Reply) => {
    const pending = waiting.get(reply.id)
    if (!pending) return
    waiting.delete(reply.id)
    if (reply.ok) pending.resolve(reply.quotations)
    else pending.reject(new SorotFailure('internal', `quote detection failed: ${reply.message}`))
  })
  started.on('error', (error) => failAll(error))
  started.on('exit', (code) =>
    failAll(new SorotFailure('internal', `quotes worker stopped (exit code ${code})`))
  )
  worker = started
  return started
}

/** Detects in the worker thread, whatever the text's length (tests compare it with in-thread). */
export function detectInWorker(text: string): Promise<Quotation[]> {
  const target = quotesWorker()
  if (!target) return Promise.resolve(findQuotes(text))
  return new Promise((resolve, reject) => {
    const id = nextId++
    waiting.set(id, { resolve, reject })
    target.postMessage({ id, text })
  })
}

/**
 * The quotations of `text`: on this thread when it is short (a worker round trip costs more
 * than detection), in the worker when it is long.
 */
export async function detectQuotes(
  text: string,
  detect: (text: string) => Quotation[] = findQuotes
): Promise<Quotation[]> {
  if (text.length <= OFF_THREAD_CHARS || detect !== findQuotes) return detect(text)
  return detectInWorker(text)
}

/** Stops the worker (closing the core, tests). */
export async function stopQuotesWorker(): Promise<void> {
  const running = worker
  worker = null
  if (running) await running.terminate()
}
