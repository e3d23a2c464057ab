import { existsSync } from 'node:fs'
import { mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { Annotation } from '../../src/shared/model'
import { openCore, type Core } from '../../src/main/core/core'
import type { SyncIndicator } from '../../src/shared/model'
import { SyncService } from '../../src/main/core/sync/service'
import { startCouchServer, startFlakyProxy, type CouchServer } from '../support/couch-server'
import { value } from '../support/core'

let server: CouchServer
beforeAll(async () => {
  server = await startCouchServer()
}, 90_000)
afterAll(async () => server?.stop())

async function device(): Promise<{ core: Core; live: SyncService }> {
  const core = await openCore({
    dataDir: await mkdtemp(path.join(os.tmpdir(), 'sorot-live-')),
    version: 't'
  })
  const live = new SyncService(core.store, (event) => core.events.emit(event), {
    intervalMs: 100,
    backoffMs: 100,
    maxBackoffMs: 400
  })
  core.events.subscribe((event) => live.notify(event))
  return { core, live }
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`never happened: ${what}`)
}

it('live sync carries a highlight across, shows offline with backoff, pauses, and stops keeping everything', async () => {
  const proxy = await startFlakyProxy(server.url)
  const a = await device()
  const b = await device()
  const [outcome] = await value<Array<{ id: string }>>(a.core, 'articles.import', {
    items: [
      {
        name: 'x.txt',
        text: 'Harga beras naik\n\nHarga beras di pasar induk naik lagi minggu ini.'
      }
    ]
  })
  const remote = { url: proxy.url, database: 'live' }
  a.live.start(remote)
  b.live.start(remote)
  await until(() => b.core.store.index.data.articles.length === 1, 'the article reaches B')
  const made = await value<Annotation>(a.core, 'annotations.create', {
    articleId: outcome.id,
    kind: 'highlight',
    start: 0,
    end: 11
  })
  await until(
    async () =>
      (await b.core.store.annotationsFile(outcome.id)).data.annotations.some(
        (x) => x.id === made.id
      ),
    'the highlight reaches B'
  )
  expect(a.live.status().log[0]).toMatchObject({ ok: true })

  proxy.down()
  await until(() => a.live.status().indicator.state === 'offline', 'A shows offline')
  const offline = a.live.status().indicator as Extract<SyncIndicator, { state: 'offline' }>
  expect(offline.reason).toMatch(/Cannot reach http:\/\/127\.0\.0\.1:\d+\/live/)
  expect(a.live.status().log.some((entry) => !entry.ok)).toBe(true)
  proxy.up()
  await until(() => a.live.status().indicator.state === 'synced', 'A is back in sync')

  expect(a.live.pause().indicator).toEqual({ state: 'paused' })
  await value(a.core, 'annotations.update', { articleId: outcome.id, id: made.id, note: 'baru' })
  await new Promise((resolve) => setTimeout(resolve, 500))
  const onB = (await b.core.store.annotationsFile(outcome.id)).data.annotations[0]
  expect(onB?.note).toBe('')
  a.live.resume()
  await until(
    async () =>
      (await b.core.store.annotationsFile(outcome.id)).data.annotations[0]?.note === 'baru',
    'the note reaches B after resume'
  )

  expect((await a.live.stop()).indicator).toEqual({ state: 'off' })
  expect(existsSync(path.join(a.core.store.dataDir, 'sync.json'))).toBe(false)
  expect(a.core.store.index.data.articles).toHaveLength(1)
  await b.live.close()
  await proxy.close()
  await Promise.all([a.core.close(), b.core.close()])
}, 120_000)

it('drives sync through the contract channels, keeping secrets out of sync.json', async () => {
  const core = await openCore({
    dataDir: await mkdtemp(path.join(os.tmpdir(), 'sorot-live-')),
    version: 't'
  })
  expect(await value(core, 'sync.status', {})).toMatchObject({ indicator: { state: 'off' } })
  const bad = await core.dispatch('sync.start', { url: server.url })
  expect(bad.ok).toBe(false)
  const proxy = await startFlakyProxy(server.url, { sari: { password: 'rahasia-sekali' } })
  await value(core, 'sync.start', {
    url: proxy.url,
    database: 'channels',
    user: 'sari',
    password: 'rahasia-sekali',
    passphrase: 'frasa sandi'
  })
  await until(
    async () =>
      (await value<{ indicator: SyncIndicator }>(core, 'sync.status', {})).indicator.state ===
      'synced',
    'the first sync'
  )
  const state = await readFile(path.join(core.store.dataDir, 'sync.json'), 'utf8')
  expect(JSON.parse(state)).toMatchObject({ url: proxy.url, database: 'channels', user: 'sari' })
  expect(state).not.toMatch(/rahasia|frasa/)
  expect(await value(core, 'sync.pause', {})).toMatchObject({ indicator: { state: 'paused' } })
  expect(await value(core, 'sync.stop', {})).toMatchObject({ indicator: { state: 'off' } })
  expect(existsSync(path.join(core.store.dataDir, 'sync.json'))).toBe(false)
  await proxy.close()
  await core.close()
}, 60_000)
