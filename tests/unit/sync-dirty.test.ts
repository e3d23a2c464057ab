import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openCore, type Core } from '../../src/main/core/core'
import { DirtyArticles } from '../../src/main/core/store/dirty-articles'
import { syncLibrary } from '../../src/main/core/sync/engine'
import type { Annotation } from '../../src/shared/model'
import { value } from '../support/core'
import { startCouchServer, type CouchServer } from '../support/couch-server'

// Issue 18: after the first full check, a sync reads only the annotations files written since
// the last one (the store's dirty set), not every file of the library.
let server: CouchServer

beforeAll(async () => {
  server = await startCouchServer()
}, 90_000)
afterAll(async () => server?.stop())

async function device(): Promise<Core> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-dirty-'))
  return openCore({ dataDir, version: 'test' })
}

const highlight = (core: Core, articleId: string, note = ''): Promise<Annotation> =>
  value<Annotation>(core, 'annotations.create', {
    articleId,
    kind: 'highlight',
    start: 0,
    end: 12,
    note
  })

describe('DirtyArticles', () => {
  it('settles the marks a sync saw and keeps the ones made while it ran', () => {
    const dirty = new DirtyArticles()
    dirty.mark('a')
    const seen = dirty.snapshot()
    expect([...seen.ids]).toEqual(['a'])
    dirty.mark('b')
    dirty.mark('a')
    dirty.settle(seen.upTo)
    expect([...dirty.snapshot().ids].sort()).toEqual(['a', 'b'])
    dirty.settle(dirty.snapshot().upTo)
    expect(dirty.snapshot().ids.size).toBe(0)
  })
})

describe('an incremental sync', () => {
  it('reads only the annotations files written since the last sync, and still sends every edit', async () => {
    const remote = { url: server.url, database: 'dirty' }
    const [a, b] = [await device(), await device()]
    const outcomes = await value<Array<{ id: string }>>(a, 'articles.import', {
      items: Array.from({ length: 6 }, (_, n) => ({
        name: `b${n}.txt`,
        text: `Berita nomor ${n}\n\nIsi berita nomor ${n} tentang harga pangan di pasar.`
      }))
    })
    const ids = outcomes.map((o) => o.id)
    for (const id of ids) await highlight(a, id)
    await syncLibrary(a.store, remote)
    await syncLibrary(b.store, remote)
    // Until both devices agree (b sends back what its merge changed), a sync reads the files
    // the last one wrote; once nothing comes in, nothing is left to read.
    for (let round = 0; round < 4; round += 1)
      if ((await syncLibrary(a.store, remote)).pulled === 0) break
    expect(a.store.syncDirty.snapshot().ids.size).toBe(0)

    const target = ids[3] as string
    const made = await highlight(a, target, 'baru')
    expect([...a.store.syncDirty.snapshot().ids]).toEqual([target])
    const asked = vi.spyOn(a.store, 'annotationsFile')
    const report = await syncLibrary(a.store, remote)
    expect(new Set(asked.mock.calls.map(([id]) => id))).toEqual(new Set([target]))
    asked.mockRestore()
    expect(report.pushed).toBe(1)
    expect(a.store.syncDirty.snapshot().ids.size).toBe(0)

    await syncLibrary(b.store, remote)
    const onB = b.store.index.data.articles.find((m) => m.title === 'Berita nomor 3')
    const notes = await value<Annotation[]>(b, 'annotations.list', { articleId: onB?.id })
    expect(notes.find((n) => n.id === made.id)?.note).toBe('baru')
    await Promise.all([a.close(), b.close()])
  }, 60_000)
})
