import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { openCore, type Core } from '../../src/main/core/core'
import type { SearchResponse } from '../../src/shared/model'
import { value } from './core'

export const opened: Core[] = []

/** Closes every core `open` made that its test did not close; run after each test. */
export async function closeOpened(): Promise<void> {
  for (const core of opened.splice(0)) await core.close()
}

export async function open(dataDir?: string, workerFrom = 1000): Promise<Core> {
  const dir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'sorot-search-')))
  const core = await openCore({
    dataDir: dir,
    version: 'test',
    search: { workerFrom, saveDelayMs: 10, log: () => undefined }
  })
  opened.push(core)
  return core
}

export async function importText(core: Core, name: string, text: string): Promise<string> {
  const [outcome] = await value<Array<{ id: string }>>(core, 'articles.import', {
    items: [{ name, text }]
  })
  return outcome.id
}

export async function search(core: Core, query: string, limit?: number): Promise<SearchResponse> {
  await core.search.whenReady()
  return value<SearchResponse>(core, 'search.query', { query, limit })
}

export const titles = (response: SearchResponse): string[] => response.results.map((r) => r.title)
export const marked = (response: SearchResponse, i = 0): string[] =>
  response.results[i].segments.filter((s) => s.match).map((s) => s.text)

export const TRADE =
  'Pasar Tradisional Ramai\n\nPara pedagang berdagang sayur-mayur sejak subuh di pasar.'
export const KIDS = 'Sekolah Dibuka Lagi\n\nAnak-anak kembali ke sekolah dengan gembira pagi ini.'
export const CAFE = 'Kafé Baru di Bandung\n\nSebuah kafé dibuka di pusat kota, menurut pemiliknya.'
export const EXPORTS = 'Ekspor Naik\n\nMenteri mengatakan perdagangan luar negeri tumbuh tahun ini.'
