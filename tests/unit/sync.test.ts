import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Annotation, ArticleMeta } from '../../src/shared/model'
import { openCore, type Core } from '../../src/main/core/core'
import { syncLibrary, type SyncReport } from '../../src/main/core/sync/engine'
import { startCouchServer, startFlakyProxy, type CouchServer } from '../support/couch-server'
import { value } from '../support/core'

let server: CouchServer
let dbCount = 0

beforeAll(async () => {
  server = await startCouchServer()
}, 90_000)
afterAll(async () => server?.stop())

const newDb = (): string => `lib${(dbCount += 1)}`

async function device(): Promise<Core> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-sync-'))
  return openCore({ dataDir, version: 'test' })
}

const PARAGRAPH =
  'Menteri Perdagangan mengatakan bahwa ekspor kopi naik tajam tahun ini karena permintaan dari luar negeri terus tumbuh.'

async function importText(core: Core, title: string, body = PARAGRAPH): Promise<string> {
  const [outcome] = await value<Array<{ id: string }>>(core, 'articles.import', {
    items: [{ name: `${title}.txt`, text: `${title}\n\n${body}\n\n${body} ${title}.` }]
  })
  return outcome.id
}

const sync = (core: Core, database: string, url = server.url): Promise<SyncReport> =>
  syncLibrary(core.store, { url, database })

const articles = (core: Core): ArticleMeta[] =>
  core.store.index.data.articles.filter((a) => !a.deletedAt)

async function annotationsOf(core: Core, title: string): Promise<Annotation[]> {
  const article = articles(core).find((a) => a.title === title)
  if (!article) throw new Error(`no article ${title}`)
  const live = await value<Annotation[]>(core, 'annotations.list', { articleId: article.id })
  const trash = await value<Annotation[]>(core, 'annotations.list', {
    articleId: article.id,
    trash: true
  })
  return [...live, ...trash]
}

/** What a reader sees of a library: titles and each annotation's visible fields, sorted. */
async function view(core: Core): Promise<unknown> {
  const out: unknown[] = []
  for (const article of [...articles(core)].sort((a, b) => a.title.localeCompare(b.title))) {
    const notes = (await annotationsOf(core, article.title))
      .map((a) => ({
        id: a.id,
        color: a.color,
        note: a.note,
        labels: a.labels,
        deleted: Boolean(a.deletedAt),
        quote: a.target?.selectors[1].exact,
        otherNotes: a.otherNotes ?? []
      }))
      .sort((a, b) => a.id.localeCompare(b.id))
    out.push({ title: article.title, versions: article.versionCount, notes })
  }
  return out
}

async function highlight(core: Core, title: string, start = 0, end = 20): Promise<Annotation> {
  const article = articles(core).find((a) => a.title === title) as ArticleMeta
  return value<Annotation>(core, 'annotations.create', {
    articleId: article.id,
    kind: 'highlight',
    start,
    end
  })
}

describe('sync between two devices over a CouchDB-protocol server', () => {
  it('merges two existing libraries without duplicates and converges after concurrent edits', async () => {
    const db = newDb()
    const [a, b] = [await device(), await device()]
    await importText(a, 'Ekspor kopi')
    await importText(b, 'Ekspor kopi')
    await importText(b, 'Harga beras')
    const mark = await highlight(a, 'Ekspor kopi')
    await sync(a, db)
    await sync(b, db)
    await sync(a, db)
    expect(
      articles(a)
        .map((x) => x.title)
        .sort()
    ).toEqual(['Ekspor kopi', 'Harga beras'])
    expect(
      articles(b)
        .map((x) => x.title)
        .sort()
    ).toEqual(['Ekspor kopi', 'Harga beras'])
    // Concurrent edits of different fields of one highlight: both survive.
    const onB = (await annotationsOf(b, 'Ekspor kopi'))[0] as Annotation
    expect(onB.id).toBe(mark.id)
    await value(a, 'annotations.update', { articleId: mark.articleId, id: mark.id, color: 'green' })
    await value(b, 'annotations.update', {
      articleId: onB.articleId,
      id: mark.id,
      labels: ['ekonomi']
    })
    await sync(a, db)
    await sync(b, db)
    await sync(a, db)
    const merged = (await annotationsOf(a, 'Ekspor kopi'))[0] as Annotation
    expect(merged).toMatchObject({ color: 'green', labels: ['ekonomi'] })
    expect(await view(a)).toEqual(await view(b))
    await Promise.all([a.close(), b.close()])
  }, 60_000)

  it('a delete wins over an older edit and loses to a newer one', async () => {
    const db = newDb()
    const [a, b] = [await device(), await device()]
    await importText(a, 'Banjir Jakarta')
    const mark = await highlight(a, 'Banjir Jakarta')
    await sync(a, db)
    await sync(b, db)
    const onB = (await annotationsOf(b, 'Banjir Jakarta'))[0] as Annotation
    await value(b, 'annotations.update', { articleId: onB.articleId, id: mark.id, note: 'lama' })
    await new Promise((resolve) => setTimeout(resolve, 5))
    await value(a, 'annotations.delete', { articleId: mark.articleId, id: mark.id })
    await sync(b, db)
    await sync(a, db)
    await sync(b, db)
    for (const core of [a, b])
      expect((await annotationsOf(core, 'Banjir Jakarta'))[0]?.deletedAt).toBeTruthy()
    // A restore after the delete is newer: it wins everywhere.
    await value(b, 'annotations.restore', { articleId: onB.articleId, id: mark.id })
    await sync(b, db)
    await sync(a, db)
    for (const core of [a, b])
      expect((await annotationsOf(core, 'Banjir Jakarta'))[0]?.deletedAt).toBeUndefined()
    expect(await view(a)).toEqual(await view(b))
    await Promise.all([a.close(), b.close()])
  }, 60_000)

  it('keeps both texts of a note edited on two devices since the last sync', async () => {
    const db = newDb()
    const [a, b] = [await device(), await device()]
    await importText(a, 'Pemilu daerah')
    const mark = await highlight(a, 'Pemilu daerah')
    await sync(a, db)
    await sync(b, db)
    const onB = (await annotationsOf(b, 'Pemilu daerah'))[0] as Annotation
    await value(a, 'annotations.update', {
      articleId: mark.articleId,
      id: mark.id,
      note: 'dari laptop'
    })
    await value(b, 'annotations.update', {
      articleId: onB.articleId,
      id: mark.id,
      note: 'dari rumah'
    })
    await sync(a, db)
    await sync(b, db)
    await sync(a, db)
    for (const core of [a, b]) {
      const note = (await annotationsOf(core, 'Pemilu daerah'))[0] as Annotation
      expect([note.note, ...(note.otherNotes ?? [])].sort()).toEqual(['dari laptop', 'dari rumah'])
    }
    expect(await view(a)).toEqual(await view(b))
    await Promise.all([a.close(), b.close()])
  }, 60_000)

  it('queues edits made offline and sends them when the server is back', async () => {
    const db = newDb()
    const proxy = await startFlakyProxy(server.url)
    const [a, b] = [await device(), await device()]
    await importText(a, 'Gempa Cianjur')
    await sync(a, db, proxy.url)
    proxy.down()
    const mark = await highlight(a, 'Gempa Cianjur')
    await expect(sync(a, db, proxy.url)).rejects.toThrow(/Cannot reach http:\/\/127\.0\.0\.1/)
    expect((await annotationsOf(a, 'Gempa Cianjur')).map((x) => x.id)).toEqual([mark.id])
    proxy.up()
    await sync(a, db, proxy.url)
    await sync(b, db, proxy.url)
    expect((await annotationsOf(b, 'Gempa Cianjur')).map((x) => x.id)).toEqual([mark.id])
    await proxy.close()
    await Promise.all([a.close(), b.close()])
  }, 60_000)

  it('loses and duplicates nothing when the server dies mid-sync and the sync resumes', async () => {
    const db = newDb()
    const proxy = await startFlakyProxy(server.url)
    const a = await device()
    for (let n = 0; n < 12; n += 1) await importText(a, `Berita ${n}`)
    for (let n = 0; n < 12; n += 1) await highlight(a, `Berita ${n}`)
    proxy.cutAfter(4)
    await expect(sync(a, db, proxy.url)).rejects.toThrow(/Cannot reach/)
    proxy.up()
    await sync(a, db, proxy.url)
    const b = await device()
    await sync(b, db, proxy.url)
    expect(articles(b)).toHaveLength(12)
    expect(await view(b)).toEqual(await view(a))
    await proxy.close()
    await Promise.all([a.close(), b.close()])
  }, 90_000)

  it('once two devices agree, a sync sends nothing, and a new highlight goes out as one document', async () => {
    const db = newDb()
    const a = await device()
    const b = await device()
    for (let n = 0; n < 4; n += 1) await importText(a, `Kabar ${n}`)
    await highlight(a, 'Kabar 0')
    await sync(a, db)
    await sync(b, db)
    // A receives its own documents back once; after that neither side echoes anything.
    await sync(a, db)
    await sync(b, db)
    expect((await sync(a, db)).pushed).toBe(0)
    expect((await sync(b, db)).pushed).toBe(0)
    const mark = await highlight(b, 'Kabar 3')
    expect(await sync(b, db)).toMatchObject({ pushed: 1 })
    expect(await sync(a, db)).toMatchObject({ pulled: 1, pushed: 0 })
    expect((await annotationsOf(a, 'Kabar 3')).map((x) => x.id)).toEqual([mark.id])
    await Promise.all([a.close(), b.close()])
  }, 60_000)
})
