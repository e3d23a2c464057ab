import { readFile, readdir } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { termsOfWord } from '../../src/main/core/search/terms'
import { CORPUS, value } from '../support/core'
import {
  CAFE,
  closeOpened,
  EXPORTS,
  importText,
  KIDS,
  marked,
  open,
  search,
  titles,
  TRADE
} from '../support/search'

afterEach(closeOpened)

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
