import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  readCacheHeader,
  SEARCH_INDEX_FILE,
  SEARCH_SCHEMA_VERSION,
  SEARCH_UPDATES_FILE
} from '../../src/main/core/search/cache-file'
import type { SearchResponse } from '../../src/shared/model'
import { value } from '../support/core'
import {
  CAFE,
  closeOpened,
  importText,
  KIDS,
  open,
  opened,
  search,
  titles,
  TRADE
} from '../support/search'

afterEach(closeOpened)

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

  it('rebuilds when a query finds the postings damaged, answering from titles meanwhile', async () => {
    const first = await open()
    await importText(first, 'pasar.txt', TRADE)
    expect(titles(await search(first, 'berdagang '))).toEqual(['Pasar Tradisional Ramai'])
    await first.close()
    opened.splice(opened.indexOf(first), 1)
    const file = path.join(first.store.dataDir, SEARCH_INDEX_FILE)
    // The postings (the last sections) are read by queries, not at load.
    const { sections } = await readCacheHeader(file)
    const postings = sections.slice(3).reduce((sum, [, length]) => sum + length, 0)
    const bytes = await readFile(file)
    bytes.fill(0xff, bytes.length - postings)
    await writeFile(file, bytes)

    const core = await open(first.store.dataDir)
    const meanwhile = await search(core, 'pasar ')
    expect(titles(meanwhile)).toEqual(['Pasar Tradisional Ramai'])
    expect(meanwhile.indexing).toBe(true)
    expect(titles(await search(core, 'berdagang '))).toEqual(['Pasar Tradisional Ramai'])
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
