/**
 * The quotes worker (a node:worker_threads entry, built to out/main/quotes-worker.js): detects
 * the quotations of long texts off the core's thread. It stays up and answers one message per
 * text: `{ id, text }` in, `{ id, ok, quotations | message }` out.
 */
import { parentPort } from 'node:worker_threads'
import { findQuotes } from '../shared/quotes'

parentPort?.on('message', ({ id, text }: { id: number; text: string }) => {
  try {
    parentPort?.postMessage({ id, ok: true, quotations: findQuotes(text) })
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, message: String(error) })
  }
})
