import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises'
import type { Worker } from 'node:worker_threads'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { generateLibrary } from '../../scripts/bench/generate'
import { buildSearchCache } from '../../src/main/core/search/build'
import {
  decodeCache,
  SEARCH_INDEX_FILE,
  SEARCH_PARTIAL_FILE
} from '../../src/main/core/search/cache-file'
import { SearchIndex, type MatchWord } from '../../src/main/core/search/search-index'
import { termsOfWord } from '../../src/main/core/search/terms'
import { buildSearchCacheOffThread } from '../../src/main/core/search/worker-client'
import type { ArticleMeta } from '../../src/shared/model'

const dirs: string[] = []
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

async function library(count: number): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sorot-search-resume-'))
  dirs.push(dir)
  generateLibrary(dir, count, 120)
  return dir
}

const word = (text: string): MatchWord => ({ terms: termsOfWord(text), prefix: [] })
const QUERIES = [[word('mengatakan')], [word('presiden')], [word('pemerintah'), word('kata')]]

/** What an index built into a data dir answers: every match of each query, with its score. */
async function answers(dir: string): Promise<string[][]> {
  const index = new SearchIndex(decodeCache(await readFile(path.join(dir, SEARCH_INDEX_FILE))))
  return QUERIES.map((words) =>
    index
      .search(words, true, index.size)
      .map((hit) => `${hit.id} ${hit.score}`)
      .sort()
  )
}

describe('a search index build stopped part way', () => {
  it('resumes after the worker is killed, and indexes what a fresh build does', async () => {
    const dir = await library(400)
    const partial = path.join(dir, SEARCH_PARTIAL_FILE)
    let worker: Worker | null = null
    const stopped = buildSearchCacheOffThread(dir, {
      worker: true,
      log: () => undefined,
      checkpointEvery: 100,
      onWorker: (running) => (worker = running ?? worker)
    }).then(
      () => 'finished',
      () => 'killed'
    )
    while (!existsSync(partial)) await new Promise((resolve) => setTimeout(resolve, 5))
    await (worker as Worker | null)?.terminate()
    expect(await stopped).toBe('killed')
    expect(existsSync(path.join(dir, SEARCH_INDEX_FILE))).toBe(false)

    const resumed = await buildSearchCache(dir)
    expect(resumed.resumed).toBeGreaterThanOrEqual(100)
    expect(resumed.resumed).toBeLessThan(400)
    expect(resumed.documents).toBe(400)
    expect(existsSync(partial)).toBe(false)
    const afterResume = await answers(dir)
    expect(afterResume.every((hits) => hits.length > 0)).toBe(true)

    const fresh = await buildSearchCache(dir)
    expect(fresh.resumed).toBe(0)
    expect(await answers(dir)).toEqual(afterResume)
  })

  it('takes from the checkpoint only the articles that are unchanged and still in the library', async () => {
    const dir = await library(60)
    await buildSearchCache(dir)
    await rename(path.join(dir, SEARCH_INDEX_FILE), path.join(dir, SEARCH_PARTIAL_FILE))
    const indexFile = path.join(dir, 'index.json')
    const stored = JSON.parse(await readFile(indexFile, 'utf8')) as { articles: ArticleMeta[] }
    const [retitled, deleted] = stored.articles
    retitled.title = 'Rambutan Istimewa dari Binjai'
    deleted.deletedAt = new Date().toISOString()
    await writeFile(indexFile, JSON.stringify(stored))

    const built = await buildSearchCache(dir)
    expect(built.resumed).toBe(58)
    expect(built.documents).toBe(59)
    const index = new SearchIndex(decodeCache(await readFile(path.join(dir, SEARCH_INDEX_FILE))))
    expect(index.search([word('rambutan')], true, 5).map((hit) => hit.id)).toEqual([retitled.id])
    expect(index.has(deleted.id)).toBe(false)
  })
})
