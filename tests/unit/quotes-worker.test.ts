import { afterAll, describe, expect, it } from 'vitest'
import { isMainThread } from 'node:worker_threads'
import {
  detectInWorker,
  detectQuotes,
  OFF_THREAD_CHARS,
  stopQuotesWorker
} from '../../src/main/core/quotes/detect-off-thread'
import { findQuotes } from '../../src/shared/quotes'

/** About 1 MB of news-like text with quotations, speakers, pronouns and terms. */
function megabyteOfNews(): string {
  const paragraphs = [
    'Menteri Keuangan Sri Wahyuni menjelaskan rencana anggaran tahun depan di Jakarta.',
    '“Anggaran tahun depan fokus pada pendidikan dan kesehatan,” kata Sri Wahyuni.',
    '"Kami juga menambah dana untuk daerah tertinggal," ujarnya.',
    'Ketua Komisi XI Budi Santoso menyebut rencana itu "langkah yang berani" bagi pemerintah.'
  ]
  const parts: string[] = []
  for (let size = 0, i = 0; size < 1_000_000; i++) {
    const paragraph = paragraphs[i % paragraphs.length]
    parts.push(paragraph)
    size += paragraph.length + 2
  }
  return parts.join('\n\n')
}

describe('quote detection off the core thread', () => {
  afterAll(() => stopQuotesWorker())

  it('detects a 1 MB text in the worker with the same result as on this thread', async () => {
    const text = megabyteOfNews()
    const [inWorker, here] = await Promise.all([detectInWorker(text), findQuotes(text)])
    expect(inWorker.length).toBeGreaterThan(1000)
    expect(inWorker).toEqual(here)
  })

  it('sends only texts over the limit to the worker, and keeps this thread free meanwhile', async () => {
    expect(isMainThread).toBe(true)
    const long = megabyteOfNews()
    expect(long.length).toBeGreaterThan(OFF_THREAD_CHARS)
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    const quotations = await detectQuotes(long)
    clearInterval(timer)
    // The event loop ran while the worker detected: other requests would have been answered.
    expect(ticks).toBeGreaterThan(0)
    expect(quotations[0]).toMatchObject({ speaker: 'Sri Wahyuni', kind: 'direct' })
    const short = '“Kami siap,” kata Budi Santoso.'
    expect(await detectQuotes(short)).toEqual(findQuotes(short))
  })
})
