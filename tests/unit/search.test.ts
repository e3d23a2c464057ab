import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core/core'
import { termsOfDocument } from '../../src/main/core/search/analyze'
import {
  decodeCache,
  encodeCache,
  readCacheHeader,
  SEARCH_INDEX_FILE,
  SEARCH_SCHEMA_VERSION,
  SEARCH_UPDATES_FILE
} from '../../src/main/core/search/cache-file'
import {
  SearchIndex,
  type DocumentTerms,
  type MatchWord
} from '../../src/main/core/search/flex-index'
import { termsOfWord } from '../../src/main/core/search/terms'
import { hasSearchWorker } from '../../src/main/core/search/worker-client'
import type { SearchResponse } from '../../src/shared/model'
import { CORPUS, value } from '../support/core'

const opened: Core[] = []
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close()
})

async function open(dataDir?: string, workerFrom = 1000): Promise<Core> {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'sorot-search-')))
  const core = await openCore({
    dataDir: dir,
    version: 'test',
    search: { workerFrom, saveDelayMs: 10, log: () => undefined }
  })
  opened.push(core)
  return core
}

async function importText(core: Core, name: string, text: string): Promise<string> {
  const [outcome] = await value<Array<{ id: string }>>(core, 'articles.import', {
    items: [{ name, text }]
  })
  return outcome.id
}

async function search(core: Core, query: string, limit?: number): Promise<SearchResponse> {
  await core.search.whenReady()
  return value<SearchResponse>(core, 'search.query', { query, limit })
}

const titles = (response: SearchResponse): string[] => response.results.map((r) => r.title)
const marked = (response: SearchResponse, i = 0): string[] =>
  response.results[i].segments.filter((s) => s.match).map((s) => s.text)

const TRADE = 'Pasar Tradisional Ramai\n\nPara pedagang berdagang sayur-mayur sejak subuh di pasar.'
const KIDS = 'Sekolah Dibuka Lagi\n\nAnak-anak kembali ke sekolah dengan gembira pagi ini.'
const CAFE = 'Kafé Baru di Bandung\n\nSebuah kafé dibuka di pusat kota, menurut pemiliknya.'
const EXPORTS = 'Ekspor Naik\n\nMenteri mengatakan perdagangan luar negeri tumbuh tahun ini.'

describe('Indonesian word forms', () => {
  it('stems affixes and reduplication to the same terms', () => {
    expect(termsOfWord('perdagangan')).toEqual(['dagang'])
    expect(termsOfWord('berdagang')).toEqual(['dagang'])
    expect(termsOfWord('anak-anak')).toEqual(['anak'])
    expect(termsOfWord('anak2')).toEqual(['anak'])
    expect(termsOfWord('sayur-mayur')).toEqual(['sayur', 'mayur'])
    expect(termsOfWord('Kafé')).toEqual(termsOfWord('kafe'))
    expect(termsOfWord('bukunya')).toEqual(['buku'])
    expect(termsOfWord('menyelesaikan')).toEqual(['selesai'])
    expect(termsOfWord('kemerdekaan')).toEqual(['merdeka'])
    expect(termsOfWord('yang')).toEqual([])
  })

  it('"perdagangan" finds "berdagang" and "dagang", "anak-anak" finds "anak"', async () => {
    const core = await open()
    await importText(core, 'pasar.txt', TRADE)
    await importText(core, 'sekolah.txt', KIDS)
    await importText(core, 'ekspor.txt', EXPORTS)
    await importText(core, 'lapak.txt', 'Lapak Kecil\n\nIa hanya ingin dagang dengan jujur.')
    const trade = await search(core, 'perdagangan ')
    expect(titles(trade).sort()).toEqual(['Ekspor Naik', 'Lapak Kecil', 'Pasar Tradisional Ramai'])
    const market = trade.results.find((r) => r.title === 'Pasar Tradisional Ramai')
    expect(market?.segments.filter((s) => s.match).map((s) => s.text)).toEqual([
      'pedagang',
      'berdagang'
    ])
    const kids = await search(core, 'anak ')
    expect(titles(kids)).toEqual(['Sekolah Dibuka Lagi'])
    expect(marked(kids)).toEqual(['Anak-anak'])
    expect(titles(await search(core, 'anak-anak '))).toEqual(['Sekolah Dibuka Lagi'])
    expect(titles(await search(core, 'mayur '))).toEqual(['Pasar Tradisional Ramai'])
  })

  it('ignores case and diacritics', async () => {
    const core = await open()
    await importText(core, 'kafe.txt', CAFE)
    const found = await search(core, 'KAFE ')
    expect(titles(found)).toEqual(['Kafé Baru di Bandung'])
    expect(marked(found)).toEqual(['kafé'])
    expect(titles(await search(core, 'bandúng '))).toEqual(['Kafé Baru di Bandung'])
  })
})

describe('search', () => {
  it('matches the last word as a prefix while it is being typed', async () => {
    const core = await open()
    await importText(core, 'pasar.txt', TRADE)
    await importText(core, 'sekolah.txt', KIDS)
    expect(titles(await search(core, 'seko'))).toEqual(['Sekolah Dibuka Lagi'])
    expect(titles(await search(core, 'perdag'))).toEqual(['Pasar Tradisional Ramai'])
    // With a space after it the word is complete: no prefix matching.
    expect(titles(await search(core, 'seko '))).toEqual([])
  })

  it('finds a quoted phrase only where its words stand together', async () => {
    const core = await open()
    await importText(core, 'a.txt', 'Kerja Sama Intelijen\n\nKerja  sama antara badan intelijen.')
    await importText(core, 'b.txt', 'Sama Sekali Lain\n\nIa tidak mau kerja, sama sekali tidak.')
    const phrase = await search(core, '"kerja sama"')
    expect(titles(phrase)).toEqual(['Kerja Sama Intelijen'])
    expect(marked(phrase)).toEqual(['Kerja  sama'.replace(/\s+/g, ' ')])
    expect(titles(await search(core, 'kerja sama')).sort()).toEqual([
      'Kerja Sama Intelijen',
      'Sama Sekali Lain'
    ])
  })

  it('ranks title matches first and gives the offset of the first match in the text', async () => {
    const core = await open()
    const id = await importText(core, 'banjir.txt', 'Banjir di Kemang\n\nHujan deras. Banjir naik.')
    await importText(core, 'cuaca.txt', 'Cuaca Cerah\n\nTidak ada banjir hari ini di sini.')
    const found = await search(core, 'banjir ')
    expect(found.results[0].id).toBe(id)
    const article = await value<{ text: string }>(core, 'articles.get', { id })
    const offset = found.results[0].offset ?? -1
    expect(article.text.slice(offset, offset + 6)).toBe('Banjir')
    expect(found.results[0].snippet).toContain('Banjir naik.')
  })

  it('searches real Indonesian articles, with a limit', async () => {
    const core = await open()
    const files = (await readdir(path.join(CORPUS, 'real'))).filter((f) => f.endsWith('.txt'))
    await value(core, 'articles.import', {
      items: await Promise.all(
        files.map(async (name) => ({
          name,
          base64: (await readFile(path.join(CORPUS, 'real', name))).toString('base64')
        }))
      )
    })
    const persib = await search(core, 'persib')
    expect(persib.results.length).toBeGreaterThan(0)
    expect(persib.results[0].title).toMatch(/Persib/i)
    expect((await search(core, 'mengatakan', 2)).results.length).toBe(2)
  })
})

describe('the index follows the library', () => {
  it('indexes an import, forgets a deleted article and indexes notes, highlights and speakers', async () => {
    const core = await open()
    const id = await importText(core, 'pasar.txt', TRADE)
    expect(titles(await search(core, 'pasar '))).toEqual(['Pasar Tradisional Ramai'])
    await value(core, 'annotations.create', {
      articleId: id,
      kind: 'note',
      note: 'Bandingkan dengan harga cabai'
    })
    await value(core, 'annotations.create', {
      articleId: id,
      kind: 'quote',
      start: 0,
      end: 10,
      speaker: 'Sri Mulyani'
    })
    expect(titles(await search(core, 'cabai '))).toEqual(['Pasar Tradisional Ramai'])
    expect(titles(await search(core, 'mulyani '))).toEqual(['Pasar Tradisional Ramai'])
    const [meta] = await value<Array<{ counts?: unknown }>>(core, 'articles.list', {})
    expect(meta.counts).toEqual({ highlights: 0, notes: 1, quotes: 1 })

    const second = await importText(core, 'sekolah.txt', KIDS)
    expect(titles(await search(core, 'sekolah '))).toEqual(['Sekolah Dibuka Lagi'])
    await value(core, 'articles.delete', { id: second })
    expect(titles(await search(core, 'sekolah '))).toEqual([])
    await value(core, 'articles.update', { id, title: 'Harga Cabai Melonjak' })
    expect(titles(await search(core, 'melonjak '))).toEqual(['Harga Cabai Melonjak'])
  })

  it('saves the cache and loads it in the next session', async () => {
    const first = await open()
    await importText(first, 'pasar.txt', TRADE)
    await search(first, 'pasar ')
    await first.close()
    opened.splice(opened.indexOf(first), 1)
    const cache = await readCacheHeader(path.join(first.store.dataDir, SEARCH_INDEX_FILE))
    expect(cache).toMatchObject({
      schemaVersion: SEARCH_SCHEMA_VERSION,
      fingerprint: expect.any(String)
    })
    const again = await open(first.store.dataDir)
    await again.search.start()
    expect(again.search.indexing).toBe(false)
    expect(titles(await search(again, 'berdagang '))).toEqual(['Pasar Tradisional Ramai'])
  })

  it('rebuilds after the cache is deleted or corrupted, answering from titles meanwhile', async () => {
    const first = await open()
    await importText(first, 'pasar.txt', TRADE)
    await importText(first, 'sekolah.txt', KIDS)
    await first.close()
    opened.splice(opened.indexOf(first), 1)
    const file = path.join(first.store.dataDir, SEARCH_INDEX_FILE)

    await rm(file, { force: true })
    const afterDelete = await open(first.store.dataDir)
    expect(titles(await search(afterDelete, 'subuh '))).toEqual(['Pasar Tradisional Ramai'])
    await afterDelete.close()
    opened.splice(opened.indexOf(afterDelete), 1)

    await writeFile(file, '{"schemaVersion":1,"index":{"documentCount":')
    const afterDamage = await open(first.store.dataDir)
    expect(titles(await search(afterDamage, 'gembira '))).toEqual(['Sekolah Dibuka Lagi'])
    const rebuilt = await readCacheHeader(file)
    expect(rebuilt.schemaVersion).toBe(SEARCH_SCHEMA_VERSION)
  })

  it('says it is indexing while a missing cache is rebuilt, and then finds everything', async () => {
    const first = await open()
    await importText(first, 'pasar.txt', TRADE)
    await first.close()
    opened.splice(opened.indexOf(first), 1)
    await rm(path.join(first.store.dataDir, SEARCH_INDEX_FILE), { force: true })
    const core = await open(first.store.dataDir, 0)
    const early = await value<SearchResponse>(core, 'search.query', { query: 'pasar' })
    expect(early.indexing).toBe(true)
    // Titles answer while the worker builds.
    expect(titles(early)).toEqual(['Pasar Tradisional Ramai'])
    const done = await search(core, 'subuh ')
    expect(done.indexing).toBe(false)
    expect(titles(done)).toEqual(['Pasar Tradisional Ramai'])
  })

  it('notices a stale cache (the library changed while the index was not loaded)', async () => {
    const first = await open()
    await importText(first, 'pasar.txt', TRADE)
    await search(first, 'pasar ')
    await first.close()
    opened.splice(opened.indexOf(first), 1)
    // A session that never searched: the cache is not loaded and not written.
    const other = await open(first.store.dataDir)
    const id = await importText(other, 'kafe.txt', CAFE)
    await value(other, 'annotations.create', { articleId: id, kind: 'note', note: 'rujak' })
    await other.close()
    opened.splice(opened.indexOf(other), 1)
    const core = await open(first.store.dataDir)
    expect(titles(await search(core, 'kafe '))).toEqual(['Kafé Baru di Bandung'])
    expect(titles(await search(core, 'rujak '))).toEqual(['Kafé Baru di Bandung'])
  })
})

describe('the search worker', () => {
  it('builds the index in a worker thread', async () => {
    expect(hasSearchWorker()).toBe(true)
    const core = await open(undefined, 0)
    await importText(core, 'pasar.txt', TRADE)
    await importText(core, 'sekolah.txt', KIDS)
    await rm(path.join(core.store.dataDir, SEARCH_INDEX_FILE), { force: true })
    const fresh = await open(core.store.dataDir, 0)
    const found = await search(fresh, 'berdagang ')
    expect(titles(found)).toEqual(['Pasar Tradisional Ramai'])
    const file = path.join(core.store.dataDir, SEARCH_INDEX_FILE)
    expect((await readCacheHeader(file)).schemaVersion).toBe(SEARCH_SCHEMA_VERSION)
    const { state } = decodeCache(await readFile(file))
    expect(new SearchIndex(state).size).toBe(2)
  })
})

describe('the FlexSearch index', () => {
  const doc = (id: string, title: string, text: string, notes = ''): DocumentTerms =>
    termsOfDocument({ id, title, text, highlights: '', notes, speakers: '' }, `stamp-${id}`)
  const ids = (index: SearchIndex, term: string, prefix = false): string[] =>
    index
      .search([prefix ? { terms: [], prefix: [term] } : { terms: [term], prefix: [] }], true, 10)
      .map((hit) => hit.id)
  function built(): SearchIndex {
    const index = new SearchIndex()
    index.addAll([
      doc('a', 'Pasar Tradisional', 'Para pedagang berdagang sayur-mayur.'),
      doc('b', 'Sekolah Dibuka', 'Anak-anak kembali ke sekolah.', 'catatan cabai'),
      doc('c', 'Banjir di Kemang', 'Banjir naik. Banjir lagi.')
    ])
    return index
  }

  it('reads back from its cache bytes what it was built with', () => {
    const original = built()
    const bytes = encodeCache(original.state(), { fingerprint: 'f', savedAt: 42 })
    const { header, state } = decodeCache(new Uint8Array(bytes))
    expect(header).toMatchObject({
      schemaVersion: SEARCH_SCHEMA_VERSION,
      fingerprint: 'f',
      savedAt: 42
    })
    const loaded = new SearchIndex(state)
    expect(loaded.size).toBe(3)
    for (const term of ['dagang', 'sayur', 'mayur', 'anak', 'cabai', 'banjir', 'kemang'])
      expect(ids(loaded, term)).toEqual(ids(original, term))
    expect(ids(loaded, 'cabai')).toEqual(['b'])
    expect(ids(loaded, 'seko', true)).toEqual(['b'])
    expect(loaded.stamps().get('c')).toBe('stamp-c')
  })

  it('refuses cut or damaged cache bytes', () => {
    const bytes = new Uint8Array(encodeCache(built().state(), { fingerprint: 'f', savedAt: 1 }))
    expect(() => decodeCache(bytes.subarray(0, bytes.length - 8))).toThrow(/cut short/)
    expect(() => decodeCache(new TextEncoder().encode('{"schemaVersion":1}'))).toThrow(
      /not a Sorot search index/
    )
    const damaged = bytes.slice()
    damaged[damaged.length - 10] ^= 0xff
    expect(() => decodeCache(damaged)).toThrow(/damaged contents/)
  })

  it('follows additions, replacements and removals, and ranks a title match first', () => {
    const index = built()
    expect(ids(index, 'banjir')).toEqual(['c'])
    index.add(doc('d', 'Cuaca Cerah', 'Tidak ada banjir hari ini.'))
    index.add(doc('e', 'Laporan Cuaca', 'Hujan deras. Sungai meluap, banjir di mana-mana.'))
    expect(ids(index, 'banjir')[0]).toBe('c')
    expect(ids(index, 'banjir').sort()).toEqual(['c', 'd', 'e'])
    index.add(doc('c', 'Kemang Kering', 'Tidak ada air.'))
    expect(ids(index, 'banjir').sort()).toEqual(['d', 'e'])
    expect(ids(index, 'kering')).toEqual(['c'])
    index.remove('b')
    expect(ids(index, 'cabai')).toEqual([])
    expect(index.size).toBe(4)
    expect(index.changes().removed).toEqual(['b'])
    expect(
      index
        .changes()
        .added.map((d) => d.id)
        .sort()
    ).toEqual(['c', 'd', 'e'])
  })

  it('ranks the articles that use a word most, for their length, first', () => {
    const index = built()
    const filler = 'Rapat membahas anggaran daerah untuk tahun depan bersama dewan. '.repeat(6)
    index.add(doc('once', 'Rapat', filler + 'Ada banjir kecil.'))
    index.add(doc('often', 'Rapat', filler + 'Banjir datang lagi, banjir meluas, banjir surut.'))
    expect(ids(index, 'banjir').slice(0, 3)).toEqual(['c', 'often', 'once'])
  })

  it('gives for a short limit exactly the head of the whole ranking', async () => {
    // Real articles, each also cut into paragraphs: many documents share each slot.
    const files = (await readdir(path.join(CORPUS, 'real'))).filter((f) => f.endsWith('.txt'))
    const index = new SearchIndex()
    for (const name of files) {
      const [title, ...paragraphs] = (await readFile(path.join(CORPUS, 'real', name), 'utf8'))
        .split(/\n\s*\n/)
        .filter((part) => part.trim())
      index.add(doc(name, title, paragraphs.join('\n\n'), paragraphs[0]))
      paragraphs.forEach((text, i) => index.add(doc(`${name}#${i}`, `Bagian ${i}`, text)))
    }
    expect(index.size).toBeGreaterThan(100)
    const word = (text: string): MatchWord => ({ terms: termsOfWord(text), prefix: [] })
    const queries: Array<[MatchWord[], boolean]> = [
      [[word('kata')], true],
      [[word('kata'), word('indonesia')], false],
      [
        [
          { terms: [], prefix: ['pe'] },
          { terms: [], prefix: ['me'] }
        ],
        true
      ],
      [[word('bagian')], true]
    ]
    for (const [words, all] of queries) {
      const whole = index.search(words, all, index.size)
      expect(whole.length, JSON.stringify(words)).toBeGreaterThan(5)
      for (const limit of [1, 3, 5])
        expect(index.search(words, all, limit)).toEqual(whole.slice(0, limit))
    }
  })

  it('expands a word being typed to the terms it starts, commonest first', () => {
    const index = built()
    index.add(doc('p1', 'x', 'pasaraya'))
    index.add(doc('p2', 'x', 'pasar'))
    expect(ids(index, 'pasar', true).sort()).toEqual(['a', 'p1', 'p2'])
    expect(ids(index, 'pasara', true)).toEqual(['p1'])
    expect(ids(index, 'zz', true)).toEqual([])
  })
})

describe('saving changes', () => {
  it('keeps the changes of a session in the updates file, and the next session starts from them', async () => {
    const first = await open()
    await importText(first, 'pasar.txt', TRADE)
    await search(first, 'pasar ')
    const base = await readFile(path.join(first.store.dataDir, SEARCH_INDEX_FILE))
    const id = await importText(first, 'kafe.txt', CAFE)
    await value(first, 'annotations.create', { articleId: id, kind: 'note', note: 'rujak' })
    await search(first, 'rujak ')
    await first.close()
    opened.splice(opened.indexOf(first), 1)
    // The base file is not rewritten for one import: the change goes to the updates file.
    expect(await readFile(path.join(first.store.dataDir, SEARCH_INDEX_FILE))).toEqual(base)
    const updates = JSON.parse(
      await readFile(path.join(first.store.dataDir, SEARCH_UPDATES_FILE), 'utf8')
    )
    expect(updates.added.map((d: { id: string }) => d.id)).toEqual([id])

    const again = await open(first.store.dataDir)
    await again.search.start()
    expect(again.search.indexing).toBe(false)
    expect(titles(await search(again, 'rujak '))).toEqual(['Kafé Baru di Bandung'])
    expect(titles(await search(again, 'pasar '))).toEqual(['Pasar Tradisional Ramai'])
  })

  it('ignores an updates file of another base: the library itself says what changed', async () => {
    const first = await open()
    await importText(first, 'pasar.txt', TRADE)
    await search(first, 'pasar ')
    await importText(first, 'kafe.txt', CAFE)
    await search(first, 'kafe ')
    await first.close()
    opened.splice(opened.indexOf(first), 1)
    const file = path.join(first.store.dataDir, SEARCH_UPDATES_FILE)
    const updates = JSON.parse(await readFile(file, 'utf8'))
    await writeFile(file, JSON.stringify({ ...updates, base: 'another', removed: ['x'] }))
    const again = await open(first.store.dataDir)
    expect(titles(await search(again, 'kafe '))).toEqual(['Kafé Baru di Bandung'])
    expect(titles(await search(again, 'subuh '))).toEqual(['Pasar Tradisional Ramai'])
  })

  it('leaves the index alone in a session that never searches (a CLI import)', async () => {
    const first = await open()
    await importText(first, 'pasar.txt', TRADE)
    await search(first, 'pasar ')
    await first.close()
    opened.splice(opened.indexOf(first), 1)
    const dir = first.store.dataDir
    const base = await readFile(path.join(dir, SEARCH_INDEX_FILE))
    const other = await open(dir)
    await importText(other, 'kafe.txt', CAFE)
    await other.close()
    opened.splice(opened.indexOf(other), 1)
    expect(await readFile(path.join(dir, SEARCH_INDEX_FILE))).toEqual(base)
    await expect(readFile(path.join(dir, SEARCH_UPDATES_FILE))).rejects.toThrow(/ENOENT/)
  })
})
