import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core/core'
import type { ArticleMeta, ArticleSummaries } from '../../src/shared/model'
import { CORPUS, importFile, SEED, tempCore, value } from '../support/core'

const REAL = [
  '01-kompas-pilot-susi-air.txt',
  '02-kompas-orangtua-bima.txt',
  '03-kompas-baliho-rusia-bali.txt'
]

/** A core holding the seed and three real articles, imported one after the other. */
async function coreWithArticles(): Promise<{ core: Core; ids: string[] }> {
  const core = await tempCore()
  const ids: string[] = []
  for (const file of [SEED, ...REAL.map((name) => path.join(CORPUS, 'real', name))])
    ids.push((await importFile(core, file)).id)
  return { core, ids }
}

const summaries = (core: Core, input: { limit?: number } = {}): Promise<ArticleSummaries> =>
  value<ArticleSummaries>(core, 'articles.summaries', input)

describe('the library list for the library screen (articles.summaries)', () => {
  it('lists the same articles as articles.list, in its order, with what the list shows', async () => {
    const { core } = await coreWithArticles()
    const full = await value<ArticleMeta[]>(core, 'articles.list', {})
    const { total, articles } = await summaries(core)
    expect(total).toBe(4)
    expect(articles.map((a) => a.id)).toEqual(full.map((a) => a.id))
    for (const [i, summary] of articles.entries()) {
      const meta = full[i]
      expect(summary).toEqual({
        id: meta.id,
        title: meta.title,
        outlet: meta.outlet,
        publishedAt: meta.publishedAt,
        language: meta.language,
        wordCount: meta.wordCount,
        importedAt: meta.importedAt,
        ...(meta.readingProgress === undefined ? {} : { readingProgress: meta.readingProgress }),
        ...(meta.tags === undefined ? {} : { tags: meta.tags }),
        ...(meta.counts === undefined ? {} : { counts: meta.counts })
      })
      // What only the reader and the store use stays out of the list.
      for (const key of ['contentHash', 'versionCount', 'sourceName', 'author', 'url'])
        expect(summary).not.toHaveProperty(key)
    }
    await core.close()
  })

  it('gives only the first articles, and the total, when a limit is asked for', async () => {
    const { core } = await coreWithArticles()
    const all = await summaries(core)
    const first = await summaries(core, { limit: 2 })
    expect(first.total).toBe(4)
    expect(first.articles).toEqual(all.articles.slice(0, 2))
    expect((await summaries(core, { limit: 10 })).articles).toEqual(all.articles)
    for (const limit of [0, -1, 1.5])
      expect((await core.dispatch('articles.summaries', { limit })).ok, String(limit)).toBe(false)
    await core.close()
  })

  it('follows every change: an edit, tags, reading progress, annotations and a deletion', async () => {
    const { core, ids } = await coreWithArticles()
    const [seed, pilot, bima] = ids
    const find = async (id: string): Promise<ArticleSummaries['articles'][number] | undefined> =>
      (await summaries(core)).articles.find((a) => a.id === id)
    await summaries(core)

    await value(core, 'articles.update', { id: pilot, title: 'Judul baru' })
    expect((await find(pilot))?.title).toBe('Judul baru')
    await value(core, 'articles.tag', { ids: [pilot, bima], add: ['penerbangan'] })
    expect((await find(bima))?.tags).toEqual(['penerbangan'])
    await value(core, 'articles.progress', { id: bima, progress: 0.5 })
    expect((await find(bima))?.readingProgress).toBe(0.5)
    await value(core, 'annotations.create', {
      articleId: seed,
      kind: 'highlight',
      start: 0,
      end: 20
    })
    expect((await find(seed))?.counts).toEqual({ highlights: 1, notes: 0, quotes: 0 })
    await value(core, 'articles.delete', { id: pilot })
    const after = await summaries(core)
    expect(after.total).toBe(3)
    expect(after.articles.map((a) => a.id)).not.toContain(pilot)
    await core.close()
  })

  it('shows the annotation counts filled in after a restart', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-summaries-'))
    const first = await openCore({ dataDir, version: 'test' })
    const { id } = await importFile(first, SEED)
    await value(first, 'annotations.create', { articleId: id, kind: 'note', note: 'catatan' })
    await first.close()

    const again = await openCore({ dataDir, version: 'test' })
    expect((await summaries(again)).articles[0].counts).toBeUndefined()
    await again.counts.ensure()
    expect((await summaries(again)).articles[0].counts).toEqual({
      highlights: 0,
      notes: 1,
      quotes: 0
    })
    await again.close()
  })

  it('cannot be altered by whoever receives it (the core keeps it until the library changes)', async () => {
    const { core } = await coreWithArticles()
    const { articles } = await summaries(core)
    expect(() => (articles as unknown[]).push({})).toThrow()
    expect(() => Object.assign(articles[0], { title: 'diubah' })).toThrow()
    expect((await summaries(core)).articles[0].title).not.toBe('diubah')
    await core.close()
  })
})

describe('the revision every list answer carries', () => {
  it('grows with every change of the library, also across a restart, and stays while nothing changes', async () => {
    const core = await tempCore()
    const first = (await summaries(core)).revision
    expect((await summaries(core)).revision).toBe(first)
    const seen = [first]
    for (const name of REAL) {
      await importFile(core, path.join(CORPUS, 'real', name))
      const answer = await summaries(core, { limit: 1 })
      expect(answer.revision).toBeGreaterThan(seen.at(-1) ?? 0)
      seen.push(answer.revision)
    }
    const [{ id }] = (await summaries(core)).articles
    await value(core, 'articles.update', { id, title: 'Judul baru' })
    const edited = (await summaries(core)).revision
    expect(edited).toBeGreaterThan(seen.at(-1) ?? 0)
    await core.close()
    const reopened = await openCore({ dataDir: core.store.dataDir, version: 'test' })
    try {
      expect((await summaries(reopened)).revision).toBeGreaterThan(edited)
    } finally {
      await reopened.close()
    }
  })
})
