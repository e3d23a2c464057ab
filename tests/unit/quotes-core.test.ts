import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Annotation, ArticleQuotes, SpeakersResponse } from '../../src/shared/model'
import { findQuotes, type Quotation } from '../../src/shared/quotes'
import { importFile, SEED, tempCore, value } from '../support/core'

const SECOND = [
  'Rusia Tegaskan Sikap di Minsk',
  '"Kami tidak akan mundur dari komitmen kami kepada sekutu di kawasan ini," kata Presiden Rusia Vladimir Putin di Moskwa.',
  '"Semua negara anggota sepakat memperkuat kerja sama keamanan," ujar Menteri Luar Negeri Sergei Lávrov.'
].join('\n\n')

/** A detector that counts how often it runs: the cache must spare it. */
function countingDetector(): { detect: (text: string) => Quotation[]; calls: () => number } {
  let calls = 0
  return {
    detect: (text) => {
      calls += 1
      return findQuotes(text)
    },
    calls: () => calls
  }
}

async function secondArticle(core: Awaited<ReturnType<typeof tempCore>>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sorot-quotes-core-'))
  const file = path.join(dir, 'rusia.txt')
  await writeFile(file, SECOND)
  return (await importFile(core, file)).id
}

describe('quotes.list', () => {
  it('gives the Putin quotation of the seed article with its speaker and detects once per version', async () => {
    const counter = countingDetector()
    const core = await tempCore({ quotes: { detect: counter.detect } })
    const { id } = await importFile(core, SEED)
    const listed = await value<ArticleQuotes>(core, 'quotes.list', { articleId: id })
    const { text } = await value<{ text: string }>(core, 'articles.get', { id })
    expect(listed.quotations[0]).toMatchObject({
      speaker: 'Vladimir Putin',
      kind: 'direct',
      savedId: null
    })
    expect(listed.quotations[0].quote).toMatch(/^Kerja sama antara badan intelijen/)
    for (const q of listed.quotations) expect(text.slice(q.start, q.end)).toBe(q.quote)
    await value(core, 'quotes.list', { articleId: id })
    expect(counter.calls()).toBe(1)
    await core.close()
  })

  it('says which quotation a saved quote annotation covers', async () => {
    const core = await tempCore()
    const { id } = await importFile(core, SEED)
    const [first] = (await value<ArticleQuotes>(core, 'quotes.list', { articleId: id })).quotations
    const saved = await value<Annotation>(core, 'annotations.create', {
      articleId: id,
      kind: 'quote',
      start: first.start,
      end: first.end,
      speaker: first.speaker
    })
    const after = await value<ArticleQuotes>(core, 'quotes.list', { articleId: id })
    expect(after.quotations[0].savedId).toBe(saved.id)
    expect(after.quotations.slice(1).every((q) => q.savedId === null)).toBe(true)
    await core.close()
  })

  it('names a missing article', async () => {
    const core = await tempCore()
    const result = await core.dispatch('quotes.list', { articleId: 'nope' })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
    await core.close()
  })
})

describe('quotes.speakers', () => {
  it('groups quotations by speaker across articles, newest first, saved ones marked', async () => {
    const counter = countingDetector()
    // Everything detected within the call, however slow the machine: this test is not about `partial`.
    const core = await tempCore({ quotes: { detect: counter.detect, inlineMs: 60_000 } })
    const seed = (await importFile(core, SEED)).id
    const second = await secondArticle(core)
    await value(core, 'articles.update', { id: seed, publishedAt: '2024-11-23' })
    await value(core, 'articles.update', { id: second, publishedAt: '2024-12-01' })
    const [first] = (await value<ArticleQuotes>(core, 'quotes.list', { articleId: seed }))
      .quotations
    const saved = await value<Annotation>(core, 'annotations.create', {
      articleId: seed,
      kind: 'quote',
      start: first.start,
      end: first.end,
      speaker: 'Vladimir Putin'
    })

    const all = await value<SpeakersResponse>(core, 'quotes.speakers', {})
    expect(all.partial).toBe(false)
    expect(all.total).toBe(2)
    const putin = all.speakers.find((s) => s.name === 'Vladimir Putin')
    expect(putin?.quotations.map((q) => q.articleId)).toEqual([
      second,
      ...putin!.quotations.slice(1).map(() => seed)
    ])
    expect(putin?.quotations[0].quote).toMatch(/^Kami tidak akan mundur/)
    const savedOne = putin?.quotations.find((q) => q.savedId === saved.id)
    expect(savedOne?.quote).toMatch(/^Kerja sama antara badan intelijen/)
    expect(putin?.savedCount).toBe(1)
    expect(putin?.count).toBe(putin?.quotations.length)
    // The saved quote stands for its detection: that passage is listed once.
    expect(
      putin?.quotations.filter((q) => q.articleId === seed && q.start === first.start)
    ).toHaveLength(1)
    expect(all.speakers.map((s) => s.name)).toContain('Sergei Lávrov')

    const detections = counter.calls()
    const searched = await value<SpeakersResponse>(core, 'quotes.speakers', { query: 'PUTIN' })
    expect(searched.speakers.map((s) => s.name)).toEqual(['Vladimir Putin'])
    const folded = await value<SpeakersResponse>(core, 'quotes.speakers', { query: 'lavrov' })
    expect(folded.speakers.map((s) => s.name)).toEqual(['Sergei Lávrov'])
    expect(counter.calls()).toBe(detections)
    const newestOnly = await value<SpeakersResponse>(core, 'quotes.speakers', {
      query: 'putin',
      perSpeaker: 1
    })
    expect(newestOnly.speakers[0].quotations).toHaveLength(1)
    expect(newestOnly.speakers[0].quotations[0].articleId).toBe(second)
    expect(newestOnly.speakers[0].count).toBe(putin?.count)
    await core.close()
  })

  it('answers partial while the library is detected in the background, then completes', async () => {
    const core = await tempCore({ quotes: { inlineLimit: 0 } })
    await importFile(core, SEED)
    await secondArticle(core)
    const service = core.quotes
    const early = await value<SpeakersResponse>(core, 'quotes.speakers', {})
    expect(early).toMatchObject({ partial: true, done: 0, total: 2, speakers: [] })
    await service.settled()
    const later = await value<SpeakersResponse>(core, 'quotes.speakers', {})
    expect(later).toMatchObject({ partial: false, done: 2, total: 2 })
    expect(later.speakers.map((s) => s.name)).toContain('Vladimir Putin')
    expect(service.detections).toBe(2)
    await core.close()
  })
})
