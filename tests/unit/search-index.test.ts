import { readFile, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { termsOfDocument } from '../../src/main/core/search/analyze'
import {
  decodeCache,
  encodeCache,
  readCacheHeader,
  SEARCH_INDEX_FILE,
  SEARCH_SCHEMA_VERSION
} from '../../src/main/core/search/cache-file'
import {
  SearchIndex,
  type DocumentTerms,
  type MatchWord
} from '../../src/main/core/search/search-index'
import { termsOfWord } from '../../src/main/core/search/terms'
import { hasSearchWorker } from '../../src/main/core/search/worker-client'
import { CORPUS } from '../support/core'
import { closeOpened, importText, KIDS, open, search, titles, TRADE } from '../support/search'

afterEach(closeOpened)

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
    expect(new SearchIndex(decodeCache(await readFile(file))).size).toBe(2)
  })
})

describe('the search index', () => {
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
    const base = decodeCache(new Uint8Array(bytes))
    expect(base.header).toMatchObject({
      schemaVersion: SEARCH_SCHEMA_VERSION,
      fingerprint: 'f',
      savedAt: 42
    })
    const loaded = new SearchIndex(base)
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
