import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import nano from 'nano'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Settings } from '../../src/shared/model'
import { openCore, type Core } from '../../src/main/core/core'
import { syncLibrary } from '../../src/main/core/sync/engine'
import { startCouchServer, type CouchServer } from '../support/couch-server'
import { value } from '../support/core'

// Settings, tag colours and speaker identities travel with the library (issue 18, item 1).
let server: CouchServer
let dbCount = 0
beforeAll(async () => {
  server = await startCouchServer()
}, 90_000)
afterAll(async () => server?.stop())

const newDb = (): string => `reader${(dbCount += 1)}`

async function device(): Promise<Core> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-sync-reader-'))
  return openCore({ dataDir, version: 'test' })
}

const TEXT =
  'Banjir di Jakarta\n\n"Air mulai surut sejak pagi," kata Anies Baswedan di Balai Kota.\n\n"Semua pompa bekerja penuh," ujar Jokowi di Istana.'

async function importArticle(core: Core): Promise<string> {
  const [outcome] = await value<Array<{ id: string }>>(core, 'articles.import', {
    items: [{ name: 'banjir.txt', text: TEXT }]
  })
  await value(core, 'articles.tag', { ids: [outcome.id], add: ['banjir'] })
  return outcome.id
}

const sync = (core: Core, database: string): Promise<unknown> =>
  syncLibrary(core.store, { url: server.url, database })

describe('sync of what belongs to the reader', () => {
  it('carries settings, tag colours, merged speakers and corrections to the other device', async () => {
    const db = newDb()
    const a = await device()
    const b = await device()
    const articleId = await importArticle(a)
    await value(a, 'settings.set', { theme: 'sepia', fontSize: 21, language: 'en' })
    await value(a, 'tags.rename', { name: 'banjir', color: 'blue' })
    await value(a, 'speakers.merge', {
      names: ['Anies Baswedan', 'Jokowi'],
      into: 'Anies Baswedan'
    })
    const quote = 'Air mulai surut sejak pagi,'
    const start = TEXT.slice(TEXT.indexOf('\n\n') + 2).indexOf(quote) + 1
    await value(a, 'quotes.correct', {
      articleId,
      start,
      end: start + quote.length,
      quote,
      speaker: 'Anies Baswedan'
    })
    await sync(a, db)
    await sync(b, db)
    const settings = await value<Settings>(b, 'settings.get', {})
    expect(settings).toMatchObject({ theme: 'sepia', fontSize: 21, language: 'en' })
    expect(await value(b, 'tags.list', {})).toEqual([{ name: 'banjir', color: 'blue', count: 1 }])
    expect(b.store.speakers.data.identities).toEqual([
      { name: 'Anies Baswedan', aliases: expect.arrayContaining(['Jokowi']) }
    ])
    const onB = b.store.index.data.articles[0].id
    expect(b.store.speakers.data.corrections).toEqual([
      expect.objectContaining({ articleId: onB, quote, speaker: 'Anies Baswedan' })
    ])
    await Promise.all([a.close(), b.close()])
  }, 60_000)

  it('keeps an edit made on each device, and a split on one device stays split everywhere', async () => {
    const db = newDb()
    const a = await device()
    const b = await device()
    await importArticle(a)
    await value(a, 'speakers.merge', {
      names: ['Anies Baswedan', 'Jokowi'],
      into: 'Anies Baswedan'
    })
    await sync(a, db)
    await sync(b, db)
    await sync(a, db)
    // Both devices change something different before they sync again.
    await value(a, 'settings.set', { theme: 'dark' })
    await value(b, 'settings.set', { fontSize: 24 })
    await value(b, 'speakers.split', { alias: 'Jokowi' })
    await sync(a, db)
    await sync(b, db)
    await sync(a, db)
    for (const core of [a, b]) {
      expect(await value<Settings>(core, 'settings.get', {})).toMatchObject({
        theme: 'dark',
        fontSize: 24
      })
      expect(core.store.speakers.data.separate).toContain('Jokowi')
      expect(core.store.speakers.data.identities.flatMap((i) => i.aliases)).not.toContain('Jokowi')
    }
    await Promise.all([a.close(), b.close()])
  }, 60_000)

  it('refuses a reader document with a bad entry, naming it, and changes nothing', async () => {
    const db = newDb()
    const a = await device()
    await value(a, 'settings.set', { theme: 'sepia' })
    await sync(a, db)
    const remote = nano(server.url).use<Record<string, unknown>>(db)
    const stored = await remote.get('reader:library')
    await remote.insert({
      ...stored,
      entries: { ...(stored.entries as object), 'setting:theme': { value: 'neon' } }
    })
    const b = await device()
    await expect(sync(b, db)).rejects.toThrow(/reader:library: entries\.setting:theme/)
    expect((await value<Settings>(b, 'settings.get', {})).theme).toBe('system')
    await Promise.all([a.close(), b.close()])
  }, 60_000)
})
