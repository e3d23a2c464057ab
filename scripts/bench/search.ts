/**
 * Full-text search on a generated library of `--size` articles of about 600 words (the library
 * issue): query p50/p95, full rebuild in the worker thread, load from the cache, and RSS with
 * the index loaded. The machine may be shared, so the process's CPU time is given beside each
 * wall-clock time (the worker's included): a busy machine stretches the wall clock, not that.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { SearchService } from '../../src/main/core/search/service'
import { LibraryStore } from '../../src/main/core/store/library-store'
import {
  buildSearchCacheOffThread,
  hasSearchWorker
} from '../../src/main/core/search/worker-client'
import type { BenchContext, Figure } from './common'
import { percentile, round } from './stats'

/** Real queries a reader of Indonesian news types, word forms and phrases among them. */
const QUERIES = [
  'presiden',
  'perdagangan',
  'pemerintah indonesia',
  'mengatakan',
  'banjir',
  'anak-anak',
  'pilot',
  'serangan iran',
  '"kata dia"',
  'koperasi desa',
  'pertandingan',
  'kebijakan',
  'polisi menangkap',
  'perdag',
  'kemenangan persib',
  'jakarta',
  'ekonomi',
  'pemilu',
  'ditangkap',
  'bawaslu'
]

/** Wall-clock and CPU milliseconds of `work`. */
async function timed(work: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  await work()
  const used = process.cpuUsage(cpu)
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 }
}

const RSS_CHILD = '--search-rss-child'

/**
 * RSS of a fresh process that opens the library, loads the index and searches, as the app's
 * main process would: measured in a child, since this process also holds the other sections.
 */
function rssWithIndexLoaded(dataDir: string): number {
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, RSS_CHILD, dataDir], {
    encoding: 'utf8'
  })
  const rss = Number(child.stdout.trim().split('\n').at(-1))
  if (child.status !== 0 || !Number.isFinite(rss))
    throw new Error(`the search RSS child failed: ${child.stderr}`)
  return rss
}

if (process.argv.includes(RSS_CHILD)) {
  void (async () => {
    const store = await LibraryStore.open(process.argv[process.argv.indexOf(RSS_CHILD) + 1])
    const search = new SearchService(store)
    await search.start()
    for (const query of QUERIES) await search.search(query, 20)
    const rss = process.memoryUsage().rss / 1024 / 1024
    await search.close()
    process.stdout.write(`${rss}\n`)
  })()
}

export async function searchBenchmarks(workDir: string, context: BenchContext): Promise<Figure[]> {
  const dataDir = context.library(path.join(workDir, 'library'))
  // The 100,000-article issue's targets above 10,000 articles; the library issue's at 10,000.
  const big = context.size > 10_000
  if (!hasSearchWorker()) throw new Error('the search worker entry was not found')

  const rebuild = await timed(() =>
    buildSearchCacheOffThread(dataDir, { worker: true, log: (m) => console.error(m) })
  )

  // The store and the search service alone: the whole core would also load the export code.
  const store = await LibraryStore.open(dataDir)
  const search = new SearchService(store)
  const load = await timed(() => search.start())
  if (search.indexing) throw new Error('the cache was not taken as fresh')

  for (const query of QUERIES) await search.search(query, 20) // warm up the JIT
  const times: number[] = []
  const cpuTimes: number[] = []
  for (let round = 0; round < 10; round++)
    for (const query of QUERIES) {
      const { wall, cpu } = await timed(() => search.search(query, 20))
      times.push(wall)
      cpuTimes.push(cpu)
    }
  times.sort((a, b) => a - b)
  cpuTimes.sort((a, b) => a - b)
  await search.close()
  const rss = rssWithIndexLoaded(dataDir)
  const ms = (key: string | undefined, name: string, value: number, target: number): Figure => ({
    key,
    name,
    value: round(value),
    unit: 'ms',
    target,
    better: 'lower'
  })
  return [
    ms('searchP50Ms', `search p50, ${context.size} articles`, percentile(times, 50), 10),
    ms('searchP95Ms', 'search p95', percentile(times, 95), big ? 15 : 10),
    ms(undefined, 'search p95, CPU time', percentile(cpuTimes, 95), big ? 15 : 10),
    ms(
      'indexBuildMs',
      'search index full rebuild (worker thread)',
      rebuild.wall,
      big ? 120_000 : 15_000
    ),
    ms(undefined, 'search index full rebuild, CPU time', rebuild.cpu, big ? 120_000 : 15_000),
    ms('indexLoadMs', 'search index load from cache', load.wall, 1500),
    ms(undefined, 'search index load from cache, CPU time', load.cpu, 1500),
    {
      key: 'searchRssMb',
      name: 'RSS of a fresh process with the library open, the search index loaded and searched',
      value: Math.round(rss),
      unit: 'MB',
      target: big ? 400 : 300,
      better: 'lower'
    }
  ]
}
