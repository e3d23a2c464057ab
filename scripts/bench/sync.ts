/**
 * Sync (issue 18): the first sync of a generated 10,000-article library to a local
 * CouchDB-protocol server (pouchdb-server in memory on 127.0.0.1), and the time for one new
 * highlight to reach a second device that already holds the library (one sync on each side,
 * what live replication does when both are online).
 */
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { openCore } from '../../src/main/core/core'
import { syncLibrary } from '../../src/main/core/sync/engine'
import { startCouchServer } from '../../tests/support/couch-server'
import type { Figure } from './common'
import { generateLibrary } from './generate'
import { median, round } from './stats'

// SOROT_BENCH_SYNC_ARTICLES runs a smaller library (a quick look on a busy machine).
const ARTICLES = Number(process.env.SOROT_BENCH_SYNC_ARTICLES) || 10_000
const HIGHLIGHTS = 5

export async function syncBenchmarks(workDir: string): Promise<Figure[]> {
  const server = await startCouchServer()
  const dirA = path.join(workDir, 'sync-a')
  generateLibrary(dirA, ARTICLES)
  const a = await openCore({ dataDir: dirA, version: 'bench' })
  const b = await openCore({ dataDir: path.join(workDir, 'sync-b'), version: 'bench' })
  const remote = { url: server.url, database: 'bench' }
  try {
    let started = performance.now()
    const first = await syncLibrary(a.store, remote)
    const firstSyncMs = performance.now() - started
    started = performance.now()
    await syncLibrary(b.store, remote)
    const secondDeviceMs = performance.now() - started
    const reach: number[] = []
    for (let n = 0; n < HIGHLIGHTS; n += 1) {
      const article = a.store.index.data.articles[n * 97] as { id: string }
      started = performance.now()
      const made = await a.dispatch('annotations.create', {
        articleId: article.id,
        kind: 'highlight',
        start: 0,
        end: 30
      })
      if (!made.ok) throw new Error(made.error.message)
      await syncLibrary(a.store, remote)
      await syncLibrary(b.store, remote)
      const id = (made.value as { id: string }).id
      const onB = (await b.store.annotationsFile(article.id)).data.annotations
      if (!onB.some((x) => x.id === id)) throw new Error('the highlight did not reach device B')
      reach.push(performance.now() - started)
    }
    return [
      {
        key: 'syncFirstMs10k',
        name: `sync.first sync of ${ARTICLES} articles to a local server (${first.pushed} documents sent)`,
        value: round(firstSyncMs / 1000, 1),
        unit: 's',
        target: 60,
        better: 'lower'
      },
      {
        key: 'syncSecondDeviceMs10k',
        name: `sync.a second, empty device receives the ${ARTICLES} articles`,
        value: round(secondDeviceMs / 1000, 1),
        unit: 's',
        target: 60,
        better: 'lower'
      },
      {
        key: 'syncHighlightReachMs',
        name: `sync.one new highlight reaches the second device (median of ${HIGHLIGHTS}, ${ARTICLES}-article library)`,
        value: round(median(reach), 0),
        unit: 'ms',
        target: 2000,
        better: 'lower'
      }
    ]
  } finally {
    await Promise.all([a.close(), b.close()])
    await server.stop()
  }
}
