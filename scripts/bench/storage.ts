/**
 * Storage speed (the "nothing lost" issue): opening a 10,000-article library against the floor
 * of reading and parsing the same files, the durable add-highlight at 10 and 10,000 articles,
 * the same on a naive single-file lowdb store, and the process's resident memory.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { createAnnotation, type NewAnnotation } from '../../src/main/core/library/annotations'
import { listArticles } from '../../src/main/core/library/articles'
import { writeFileAtomic } from '../../src/main/core/store/atomic-file'
import { LibraryStore } from '../../src/main/core/store/library-store'
import { describe } from '../../src/shared/anchoring'
import type { ArticleMeta } from '../../src/shared/model'
import { canonicalText } from '../../src/shared/text'
import type { BenchContext, Figure } from './common'
import { generateLibrary, seededRandom } from './generate'
import { median, percentile, round } from './stats'

const SMALL = 10
/** The size the naive single-file baseline is measured at (one JSON file of every article). */
const BASELINE_SIZE = 10_000
const ADDS = 240
const HIGHLIGHT_ROUNDS = 5
const WARM_UP = 20
const BASELINE_ADDS = 20
const LOADS = 7

/** A library opened for writing: add-highlight, list, close. */
interface Writer {
  via: string
  list(): Promise<ArticleMeta[]>
  add(input: NewAnnotation): Promise<void>
  close(): Promise<void>
}

/**
 * The whole core, through dispatch as the app calls it. Where the core cannot be loaded (under
 * tsx a module using Vite-only import.meta.glob breaks it), the store and the same use case.
 */
async function openWriter(dataDir: string): Promise<Writer> {
  try {
    const { openCore } = await import('../../src/main/core/core')
    const core = await openCore({ dataDir, version: 'bench' })
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result = await core.dispatch(channel, input)
      if (!result.ok) throw new Error(result.error.message)
      return result.value as T
    }
    return {
      via: 'core.dispatch',
      list: () => call<ArticleMeta[]>('articles.list', {}),
      add: async (input) => void (await call('annotations.create', input)),
      close: () => core.close()
    }
  } catch (error) {
    if (!/import\.meta|glob/.test(String(error))) throw error
    const store = await LibraryStore.open(dataDir)
    return {
      via: 'store (the core did not load under tsx)',
      list: async () => listArticles(store),
      add: async (input) => void (await createAnnotation(store, input, () => undefined)),
      close: () => store.flush()
    }
  }
}

/** A highlight of 20–80 characters somewhere in the first 3,000 characters of an article. */
function randomHighlight(articles: ArticleMeta[], random: () => number): NewAnnotation {
  // 20 articles take every highlight: their annotations files grow as a reader's do.
  const article = articles[Math.floor(random() * Math.min(20, articles.length))]
  const start = Math.floor(random() * 3000)
  return {
    articleId: article.id,
    kind: 'highlight',
    start,
    end: start + 20 + Math.floor(random() * 60)
  }
}

/** p95 of `ADDS` durable add-highlights (after a warm-up), in ms. */
async function highlightP95(dataDir: string): Promise<{ p95: number; via: string }> {
  const writer = await openWriter(dataDir)
  const articles = await writer.list()
  const random = seededRandom(articles.length)
  for (let i = 0; i < WARM_UP; i++) await writer.add(randomHighlight(articles, random))
  const times: number[] = []
  for (let i = 0; i < ADDS; i++) {
    const input = randomHighlight(articles, random)
    const started = performance.now()
    await writer.add(input)
    times.push(performance.now() - started)
  }
  await writer.close()
  return { p95: percentile(times, 95), via: writer.via }
}

/** One opening of the library (a new core, as the app starts) and its listing, in ms. */
async function libraryLoad(dataDir: string): Promise<number> {
  const started = performance.now()
  const writer = await openWriter(dataDir)
  await writer.list()
  const time = performance.now() - started
  await writer.close()
  return time
}

/** The floor: plain read + JSON.parse of the files opening reads (index and settings), in ms. */
async function libraryLoadFloor(dataDir: string): Promise<number> {
  const started = performance.now()
  for (const file of ['index.json', 'settings.json'])
    JSON.parse(await readFile(path.join(dataDir, file), 'utf8'))
  return performance.now() - started
}

interface NaiveDatabase {
  articles: Array<ArticleMeta & { blocks: unknown[] }>
  annotations: unknown[]
}

/**
 * The comparison: everything in one lowdb JSON file (lowdb's own JSONFile adapter), as a
 * first version of such an app would do, rewritten whole on every highlight.
 */
async function naiveHighlightP95(dataDir: string, naiveFile: string): Promise<number> {
  const index = JSON.parse(readFileSync(path.join(dataDir, 'index.json'), 'utf8')) as {
    articles: ArticleMeta[]
  }
  const bodies = new Map(
    readdirSync(path.join(dataDir, 'articles')).map((name) => {
      const file = JSON.parse(readFileSync(path.join(dataDir, 'articles', name), 'utf8'))
      return [file.id as string, file.versions[0].blocks as Array<{ type: 'p'; text: string }>]
    })
  )
  const db = new Low<NaiveDatabase>(new JSONFile(naiveFile), { articles: [], annotations: [] })
  db.data.articles = index.articles.map((meta) => ({ ...meta, blocks: bodies.get(meta.id) ?? [] }))
  await db.write()
  const random = seededRandom(3)
  const times: number[] = []
  for (let i = 0; i < BASELINE_ADDS + 2; i++) {
    const input = randomHighlight(index.articles, random)
    const started = performance.now()
    const article = db.data.articles.find((a) => a.id === input.articleId)
    const text = canonicalText((article?.blocks ?? []) as Array<{ type: 'p'; text: string }>)
    db.data.annotations.push({
      id: `n${i}`,
      articleId: input.articleId,
      selectors: describe(text, input.start ?? 0, input.end ?? 1),
      createdAt: new Date().toISOString()
    })
    await db.write()
    if (i >= 2) times.push(performance.now() - started)
  }
  return percentile(times, 95)
}

/**
 * The disk's own floor for one durable small write (temp file, fsync, rename, folder fsync):
 * a highlight cannot be faster than this, and on slow virtual disks its p95 is most of it.
 */
async function durableWriteFloorP95(dir: string): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < ADDS; i++) {
    const started = performance.now()
    await writeFileAtomic(
      path.join(dir, 'floor.json'),
      JSON.stringify({ i, pad: 'x'.repeat(4000) })
    )
    times.push(performance.now() - started)
  }
  return percentile(times, 95)
}

/**
 * Resident memory of a fresh process (this file run again, under the same loader) that opens
 * the library, lists it and adds highlights: what a reader's Sorot holds, without the other
 * bench sections' garbage.
 */
function rssOfOpenLibrary(dataDir: string): number {
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, RSS_CHILD, dataDir], {
    encoding: 'utf8'
  })
  const rss = Number(child.stdout.trim().split('\n').at(-1))
  if (child.status !== 0 || !Number.isFinite(rss))
    throw new Error(`the RSS child failed: ${child.stderr}`)
  return rss
}

const RSS_CHILD = '--storage-rss-child'

if (process.argv.includes(RSS_CHILD)) {
  void (async () => {
    const writer = await openWriter(process.argv[process.argv.indexOf(RSS_CHILD) + 1])
    const articles = await writer.list()
    const random = seededRandom(5)
    for (let i = 0; i < 50; i++) await writer.add(randomHighlight(articles, random))
    await writer.close()
    process.stdout.write(`${process.memoryUsage().rss / 1024 / 1024}\n`)
  })()
}

export async function storageBenchmarks(workDir: string, context: BenchContext): Promise<Figure[]> {
  const LARGE = context.size
  const small = path.join(workDir, 'small')
  generateLibrary(small, SMALL)
  const large = context.library(path.join(workDir, 'large'))

  // Interleaved, so both see the same disk (the generated library is still being written back).
  const loads: number[] = []
  const floors: number[] = []
  for (let i = 0; i < LOADS; i++) {
    floors.push(await libraryLoadFloor(large))
    loads.push(await libraryLoad(large))
  }
  const load = median(loads)
  const floor = median(floors)
  // Alternated rounds, the median p95 of each: one disk hiccup must not decide the 1.3× ratio.
  const rounds10: Array<{ p95: number; via: string }> = []
  const rounds10k: Array<{ p95: number; via: string }> = []
  for (let i = 0; i < HIGHLIGHT_ROUNDS; i++) {
    rounds10.push(await highlightP95(small))
    rounds10k.push(await highlightP95(large))
  }
  const medianRound = (
    rounds: Array<{ p95: number; via: string }>
  ): { p95: number; via: string } => ({ p95: median(rounds.map((r) => r.p95)), via: rounds[0].via })
  const h10 = medianRound(rounds10)
  const h10k = medianRound(rounds10k)
  const rss = rssOfOpenLibrary(large)
  // The baseline holds every article in one JSON string: past 10,000 it outgrows V8's strings.
  const naive =
    LARGE === BASELINE_SIZE
      ? await naiveHighlightP95(large, path.join(workDir, 'naive.json'))
      : undefined
  const floorWrite = await durableWriteFloorP95(workDir)
  const at10k = LARGE === BASELINE_SIZE
  const figures: Figure[] = [
    {
      key: 'libraryLoadMs',
      name: `storage.load: open + list ${LARGE} articles (median of ${LOADS}, ${h10k.via})`,
      value: round(load),
      unit: 'ms',
      // The 100,000-article issue asks for 2× the floor there; 3× is the 10,000 target.
      target: round((LARGE > BASELINE_SIZE ? 2 : 3) * floor),
      better: 'lower'
    },
    {
      key: 'libraryLoadFloorMs',
      name: 'storage.load floor: read + JSON.parse of the same files',
      value: round(floor),
      unit: 'ms',
      target: round(floor),
      better: 'lower'
    },
    {
      key: 'highlightP95Ms10',
      name: `storage.highlight p95, durable add at ${SMALL} articles (median of ${HIGHLIGHT_ROUNDS} rounds of ${ADDS} adds, ${h10.via})`,
      value: round(h10.p95),
      unit: 'ms',
      target: 15,
      better: 'lower'
    },
    {
      key: at10k ? 'highlightP95Ms10k' : undefined,
      name: `storage.highlight p95, durable add at ${LARGE} articles (median of ${HIGHLIGHT_ROUNDS} rounds of ${ADDS} adds; target min(15, 1.3 × at ${SMALL}))`,
      value: round(h10k.p95),
      unit: 'ms',
      target: round(Math.min(15, 1.3 * h10.p95)),
      better: 'lower'
    },
    {
      key: 'highlightP95Ms',
      name: `storage.highlight p95, durable add at ${LARGE} articles (as above; target 15)`,
      value: round(h10k.p95),
      unit: 'ms',
      target: 15,
      better: 'lower'
    },
    {
      key: 'durableWriteFloorP95Ms',
      name: `storage.floor p95 of one bare durable 4 KB write on this disk (${ADDS} writes; context, no target)`,
      value: round(floorWrite),
      unit: 'ms',
      target: Number.POSITIVE_INFINITY,
      better: 'lower'
    },
    {
      key: 'rssMb',
      name: `RSS of a fresh process with the ${LARGE}-article library open and highlighted`,
      value: Math.round(rss),
      unit: 'MB',
      target: 300,
      better: 'lower'
    }
  ]
  if (naive !== undefined)
    figures.push({
      key: 'baselineHighlightP95Ms10k',
      name: `storage.highlight p95 on a naive single-file lowdb store of ${LARGE} articles (${BASELINE_ADDS} adds; comparison, no target)`,
      value: round(naive),
      unit: 'ms',
      target: Number.POSITIVE_INFINITY,
      better: 'lower'
    })
  return figures
}
