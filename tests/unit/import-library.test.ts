import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ImportOutcome, SorotEvent } from '../../src/shared/model'
import { importFile, SEED, tempCore, value } from '../support/core'
import { article, ARTICLE, b64, importBytes, snapshot } from '../support/import'

describe('duplicates and versions', () => {
  it('reports the same content as a duplicate and writes nothing', async () => {
    const core = await tempCore()
    const first = await importBytes(core, 'a.txt', ARTICLE)
    const before = await snapshot(core.store.dataDir)
    const again = await importBytes(core, 'a-copy.txt', `${ARTICLE.replace(/\n/g, '\r\n')}\r\n`)
    expect(again).toMatchObject({ status: 'duplicate', id: first.id })
    expect(await snapshot(core.store.dataDir)).toEqual(before)
  })

  it('adds a changed text of the same article (same title) as a new version', async () => {
    const core = await tempCore()
    const first = await importBytes(core, 'a.txt', ARTICLE)
    const changed = `${ARTICLE}\n\nPemerintah daerah berjanji menambah pasokan pekan depan.`
    const second = await importBytes(core, 'a-update.txt', changed)
    expect(second).toMatchObject({ status: 'new-version', id: first.id })
    const shown = await article(core, first.id!)
    expect(shown).toMatchObject({ version: 2, versionCount: 2 })
    expect(shown.text).toContain('menambah pasokan')
    expect(await value<unknown[]>(core, 'articles.list', {})).toHaveLength(1)
  })

  it('matches a new version by its source URL even when the title changed', async () => {
    const core = await tempCore()
    const withUrl = (title: string, extra = ''): string =>
      `${title}\n\nIsi berita pertama yang cukup panjang untuk dibaca.${extra}\n\nTautan sumber\nhttps://example.id/berita/1`
    const first = await importBytes(core, 'a.txt', withUrl('Judul Awal Berita Ini'))
    const second = await importBytes(
      core,
      'b.txt',
      withUrl('Judul Berita Ini Diperbarui', ' Ditambah kalimat baru.')
    )
    expect(second).toMatchObject({ status: 'new-version', id: first.id })
  })
})

describe('finding the earlier version as the library changes', () => {
  const changed = `${ARTICLE}\n\nPemerintah daerah berjanji menambah pasokan pekan depan.`

  it('imports a changed text of a deleted article as a new article, not as its version', async () => {
    const core = await tempCore()
    const first = await importBytes(core, 'a.txt', ARTICLE)
    await value(core, 'articles.delete', { id: first.id })
    const second = await importBytes(core, 'a-update.txt', changed)
    expect(second.status).toBe('imported')
    expect(second.id).not.toBe(first.id)
    expect(await article(core, second.id!)).toMatchObject({ version: 1, versionCount: 1 })
  })

  it('finds an article by the title and URL it was given after import', async () => {
    const core = await tempCore()
    const first = await importBytes(core, 'a.txt', ARTICLE)
    const other = await importBytes(core, 'b.txt', `Judul Lain Sama Sekali\n\n${changed}`)
    expect(other.status).toBe('imported')
    await value(core, 'articles.update', {
      id: first.id,
      title: 'Judul Yang Diganti Pembaca',
      url: 'https://example.id/berita/diganti'
    })
    const byTitle = await importBytes(
      core,
      'c.txt',
      `Judul  yang diganti PEMBACA\n\nIsi baru berita ini yang cukup panjang untuk dibaca.`
    )
    expect(byTitle).toMatchObject({ status: 'new-version', id: first.id })
    const byUrl = await importBytes(
      core,
      'd.txt',
      `Judul Ketiga\n\nIsi ketiga berita ini.\n\nTautan sumber\nhttps://example.id/berita/diganti`
    )
    expect(byUrl).toMatchObject({ status: 'new-version', id: first.id })
  })
})

describe('folders and cancel', () => {
  it('imports 200 files in one batch with a progress event per file and failures reported', async () => {
    const core = await tempCore()
    const events: SorotEvent[] = []
    core.events.subscribe((event) => events.push(event))
    const items = Array.from({ length: 200 }, (_, i) => ({
      name: `berita-${String(i).padStart(3, '0')}.txt`,
      base64: b64(
        i % 50 === 49
          ? '\u0000binary'
          : `Berita Nomor ${i} dari Daerah\n\nIsi berita nomor ${i} yang ditulis wartawan kami.`
      )
    }))
    const outcomes = await value<ImportOutcome[]>(core, 'articles.import', {
      items,
      jobId: 'folder-1'
    })
    expect(outcomes.filter((o) => o.status === 'imported')).toHaveLength(196)
    expect(outcomes.filter((o) => o.status === 'failed').map((o) => o.input)).toEqual([
      'berita-049.txt',
      'berita-099.txt',
      'berita-149.txt',
      'berita-199.txt'
    ])
    const progress = events.filter((e) => e.type === 'import.progress')
    expect(progress).toHaveLength(201)
    expect(progress.at(-1)).toMatchObject({ jobId: 'folder-1', done: 200, total: 200 })
    expect(await value<unknown[]>(core, 'articles.list', {})).toHaveLength(196)
  })

  it('stops a running import when it is cancelled, keeping what was imported', async () => {
    const core = await tempCore()
    core.events.subscribe((event) => {
      if (event.type === 'import.progress' && event.done === 3)
        void core.dispatch('articles.cancelImport', { jobId: 'job-c' })
    })
    const items = Array.from({ length: 20 }, (_, i) => ({
      name: `b${i}.txt`,
      text: `Berita Ke ${i} Hari Ini\n\nIsi berita ke ${i} yang cukup panjang.`
    }))
    const outcomes = await value<ImportOutcome[]>(core, 'articles.import', {
      items,
      jobId: 'job-c'
    })
    const statuses = outcomes.map((o) => o.status)
    expect(statuses.slice(0, 4)).toEqual(['imported', 'imported', 'imported', 'imported'])
    expect(statuses.slice(4).every((s) => s === 'cancelled')).toBe(true)
    expect(await value<unknown[]>(core, 'articles.list', {})).toHaveLength(4)
  })
})

describe('import from a URL', () => {
  let server: http.Server
  let base = ''
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/berita.txt') {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end(ARTICLE)
      } else if (req.url === '/laporan.pdf') {
        res.writeHead(200, { 'Content-Type': 'application/pdf' })
        res.end('%PDF-1.7')
      } else if (req.url === '/pindah') {
        res.writeHead(301, { Location: '/berita.txt' })
        res.end()
      } else {
        res.writeHead(404)
        res.end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('fetches the page once, stores it for offline reading, with its URL', async () => {
    const core = await tempCore()
    const [outcome] = await value<ImportOutcome[]>(core, 'articles.importUrl', {
      url: `${base}/pindah`
    })
    expect(outcome.status).toBe('imported')
    const shown = await article(core, outcome.id!)
    expect(shown.url).toBe(`${base}/berita.txt`)
    expect(shown.title).toBe('Harga Cabai Naik di Pasar Induk')
  })

  it('says why a URL could not be imported, naming it', async () => {
    const core = await tempCore()
    const missing = await core.dispatch('articles.importUrl', { url: `${base}/hilang` })
    expect(missing).toMatchObject({ ok: false, error: { code: 'unreadable' } })
    expect(!missing.ok && missing.error.message).toBe(
      `Could not fetch ${base}/hilang: the server answered 404`
    )
    const pdf = await core.dispatch('articles.importUrl', { url: `${base}/laporan.pdf` })
    expect(!pdf.ok && pdf.error.message).toMatch(/laporan\.pdf is application\/pdf, not an article/)
    const script = await core.dispatch('articles.importUrl', { url: 'javascript:alert(1)' })
    expect(!script.ok && script.error.message).toMatch(/url: must be an http/)
    expect(await value<unknown[]>(core, 'articles.list', {})).toHaveLength(0)
  })
})

describe('editing metadata', () => {
  it('saves an edited title and refuses a bad field by name', async () => {
    const core = await tempCore()
    const { id } = await importFile(core, SEED)
    await value(core, 'articles.update', { id, title: 'KTT CSTO di Minsk', outlet: 'RT' })
    expect(await article(core, id)).toMatchObject({ title: 'KTT CSTO di Minsk', outlet: 'RT' })
    const bad = await core.dispatch('articles.update', { id, url: 'file:///etc/passwd' })
    expect(!bad.ok && bad.error.message).toMatch(/^articles\.update: url: must be an http/)
    const date = await core.dispatch('articles.update', { id, publishedAt: '23 November' })
    expect(!date.ok && date.error.message).toMatch(/publishedAt/)
  })
})
