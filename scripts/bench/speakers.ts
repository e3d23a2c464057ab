/**
 * The Speakers view over a 10,000-article library (the quotes UI task): how soon the first,
 * partial answer comes, the longest the core's thread is held while the rest is detected in
 * the background, how long until the answer is complete, and a warm answer from the cache.
 */
import path from 'node:path'
import { openCore } from '../../src/main/core/core'
import type { SpeakersResponse } from '../../src/shared/model'
import type { BenchContext, Figure } from './common'
import { round } from './stats'

/** The longest gap between 5 ms ticks while `work` runs: how long the thread was held. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now()
  let stallMs = 0
  const timer = setInterval(() => {
    const now = performance.now()
    stallMs = Math.max(stallMs, now - last)
    last = now
  }, 5)
  try {
    const value = await work()
    return { value, stallMs }
  } finally {
    clearInterval(timer)
  }
}

/** Runs the section: the figures above, each in milliseconds. */
export async function speakerBenchmarks(workDir: string, context: BenchContext): Promise<Figure[]> {
  const LIBRARY_SIZE = context.size
  const dataDir = context.library(path.join(workDir, 'speakers-library'))
  const core = await openCore({ dataDir, version: 'bench' })
  const service = core.quotes
  const speakers = async (): Promise<SpeakersResponse> => {
    const result = await core.dispatch('quotes.speakers', {})
    if (!result.ok) throw new Error(result.error.message)
    return result.value as SpeakersResponse
  }
  let started = performance.now()
  const first = await speakers()
  const firstMs = performance.now() - started
  started = performance.now()
  const { stallMs } = await longestStall(() => service.settled())
  const completeMs = firstMs + (performance.now() - started)
  started = performance.now()
  const warm = await speakers()
  const warmMs = performance.now() - started
  // A search as the reader types: every article's entries are cached by now.
  started = performance.now()
  const search = await core.dispatch('quotes.speakers', { query: 'wi' })
  const searchMs = performance.now() - started
  if (!search.ok) throw new Error(search.error.message)
  await core.close()
  if (warm.partial || warm.done !== LIBRARY_SIZE)
    throw new Error('the speakers view never completed')
  return [
    {
      name: `quotes.speakers first (partial: ${first.done} of ${first.total}) answer ms, ${LIBRARY_SIZE} articles`,
      value: round(firstMs, 1),
      unit: 'ms',
      target: 500,
      better: 'lower'
    },
    {
      name: 'quotes.speakers longest stall of the core thread while detecting in the background',
      value: round(stallMs, 1),
      unit: 'ms',
      target: 50,
      better: 'lower'
    },
    {
      name: `quotes.speakers until complete ms, ${LIBRARY_SIZE} articles`,
      value: round(completeMs, 1),
      unit: 'ms',
      target: 60_000,
      better: 'lower'
    },
    {
      name: `quotes.speakers first complete answer ms, ${LIBRARY_SIZE} articles (${warm.speakers.length} speakers)`,
      value: round(warmMs, 1),
      unit: 'ms',
      target: 1000,
      better: 'lower'
    },
    {
      name: `quotes.speakers search answer ms, ${LIBRARY_SIZE} articles, all cached`,
      value: round(searchMs, 1),
      unit: 'ms',
      target: 500,
      better: 'lower'
    }
  ]
}
