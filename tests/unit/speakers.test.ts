import { mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core/core'
import { buildIdentityBook } from '../../src/main/core/library/identity-book'
import type {
  Annotation,
  ArticleQuotes,
  SearchResponse,
  SpeakerSummaries,
  SpeakersResponse
} from '../../src/shared/model'
import { value } from '../support/core'

/** Articles the test writes: one person under three names, another under two. */
const ARTICLES = {
  banjir: [
    'Banjir di Pesisir Utara',
    '"Kami akan terus membangun tanggul di seluruh pesisir utara," kata Jokowi di Istana.',
    'Ia meninjau lokasi banjir bersama warga.',
    '"Bantuan sudah dikirim sejak kemarin," kata petugas itu.'
  ],
  sawah: [
    'Bendungan untuk Sawah Baru',
    '"Bendungan ini akan mengairi ribuan hektare sawah milik petani," kata Joko Widodo di lokasi.'
  ],
  solo: [
    'Kunjungan ke Solo',
    'Presiden Joko Widodo (Jokowi) berkunjung ke Solo.',
    '"Saya senang bisa pulang kampung hari ini bersama keluarga," ujar Presiden Jokowi.'
  ],
  moskwa: [
    'Pernyataan dari Moskwa',
    '"Kami siap berunding kapan saja dengan semua pihak yang bersedia," kata Vladimir Putin di Moskwa.'
  ],
  perdamaian: [
    'Syarat Perdamaian',
    '"Perdamaian hanya mungkin jika keamanan kami dijamin sepenuhnya," ujar Putin kepada wartawan.'
  ]
}

async function openAt(dataDir: string): Promise<Core> {
  // Everything detected within a call, however slow the machine: these tests are not about `partial`.
  return openCore({ dataDir, version: 'test', quotes: { inlineMs: 60_000 } })
}

/** A core over a new data dir holding the articles above, with publication dates and outlets. */
async function library(): Promise<{ core: Core; dataDir: string; ids: Record<string, string> }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-speakers-'))
  const core = await openAt(dataDir)
  const ids: Record<string, string> = {}
  let day = 1
  for (const [name, paragraphs] of Object.entries(ARTICLES)) {
    const [outcome] = await value<Array<{ id: string }>>(core, 'articles.import', {
      items: [{ name: `${name}.txt`, text: paragraphs.join('\n\n') }]
    })
    ids[name] = outcome.id
    await value(core, 'articles.update', {
      id: outcome.id,
      publishedAt: `2025-03-0${day++}`,
      // banjir keeps no outlet, so its updated text (no outlet either) is a new version of it.
      outlet: name === 'moskwa' ? 'Antara' : name === 'banjir' ? null : 'Kompas'
    })
  }
  return { core, dataDir, ids }
}

const summaries = (core: Core): Promise<SpeakerSummaries> =>
  value<SpeakerSummaries>(core, 'speakers.list', { complete: true })

const find = (list: SpeakerSummaries, name: string): SpeakerSummaries['speakers'][number] => {
  const found = list.speakers.find((s) => s.name === name)
  if (!found)
    throw new Error(`no speaker ${name} in ${list.speakers.map((s) => s.name).join(', ')}`)
  return found
}

describe('speaker identities by rule', () => {
  it('groups role words, a contained short name and a bracketed alias; an ambiguous name stays apart', () => {
    const names = new Map([
      ['Jokowi', 3],
      ['Joko Widodo', 2],
      ['Presiden Jokowi', 1],
      ['Putin', 1],
      ['Vladimir Putin', 2],
      ['Muhammad', 1],
      ['Muhammad Ali', 1],
      ['Muhammad Yusuf', 1],
      ['__proto__', 1],
      ['constructor', 1]
    ])
    const book = buildIdentityBook(names, [['Presiden Joko Widodo', 'Jokowi']], {
      identities: [],
      separate: []
    })
    expect(book.identityOf('Presiden Jokowi')).toEqual({
      name: 'Joko Widodo',
      aliases: expect.arrayContaining(['Jokowi']) as string[]
    })
    expect(book.identityOf('jokowi').name).toBe('Joko Widodo')
    expect(book.identityOf('Putin')).toEqual({ name: 'Vladimir Putin', aliases: ['Putin'] })
    expect(book.identityOf('Muhammad')).toEqual({ name: 'Muhammad', aliases: [] })
    expect(book.identityOf('Muhammad Ali').name).toBe('Muhammad Ali')
    expect(book.identityOf('__proto__')).toEqual({ name: '__proto__', aliases: [] })
    expect(book.identityOf('constructor')).toEqual({ name: 'constructor', aliases: [] })
    expect(book.identities()).toHaveLength(7)
  })
})

describe('speakers.list', () => {
  it('lists one identity per person across articles, with quotes, articles and per-article dates', async () => {
    const { core, ids } = await library()
    const list = await summaries(core)
    expect(list.partial).toBe(false)
    const jokowi = find(list, 'Joko Widodo')
    expect(jokowi.aliases).toContain('Jokowi')
    expect(jokowi.articles).toBe(3)
    expect(jokowi.quotes).toBe(4)
    const putin = find(list, 'Vladimir Putin')
    expect(putin).toMatchObject({ aliases: ['Putin'], quotes: 2, articles: 2 })
    expect(putin.perArticle).toContainEqual({
      articleId: ids.moskwa,
      outlet: 'Antara',
      publishedAt: '2025-03-04',
      quotes: 1
    })
    expect(list.speakers.map((s) => s.name)).not.toContain('Jokowi')
    // The Speakers view and the quotes panel show the identity's name too.
    const view = await value<SpeakersResponse>(core, 'quotes.speakers', { query: 'jokowi' })
    expect(view.speakers.map((s) => s.name)).toEqual(['Joko Widodo'])
    const panel = await value<ArticleQuotes>(core, 'quotes.list', { articleId: ids.banjir })
    expect(panel.quotations[0]).toMatchObject({ speaker: 'Joko Widodo', detectedSpeaker: 'Jokowi' })
    await core.close()
  })
})

describe('merging and splitting speakers by hand', () => {
  it('keeps a merge and a split across a restart, in the view and in exports', async () => {
    const { core, dataDir, ids } = await library()
    const merged = await value<{ name: string; aliases: string[] }>(core, 'speakers.merge', {
      names: ['Vladimir Putin'],
      into: 'Vladimir Vladimirovich Putin'
    })
    expect(merged.name).toBe('Vladimir Vladimirovich Putin')
    const [first] = (await value<ArticleQuotes>(core, 'quotes.list', { articleId: ids.perdamaian }))
      .quotations
    await value<Annotation>(core, 'annotations.create', {
      articleId: ids.perdamaian,
      kind: 'quote',
      start: first.start,
      end: first.end,
      speaker: 'Putin'
    })
    const split = await value<{ name: string }>(core, 'speakers.split', { alias: 'Jokowi' })
    expect(split.name).toBe('Joko Widodo')
    await core.close()

    const stored = JSON.parse(await readFile(path.join(dataDir, 'speakers.json'), 'utf8')) as {
      schemaVersion: number
      separate: string[]
    }
    expect(stored.schemaVersion).toBe(1)
    expect(stored.separate).toEqual(['Jokowi'])

    const again = await openAt(dataDir)
    const list = await summaries(again)
    expect(find(list, 'Vladimir Vladimirovich Putin')).toMatchObject({ quotes: 2, articles: 2 })
    expect(find(list, 'Jokowi')).toMatchObject({ quotes: 2, articles: 1, aliases: [] })
    expect(find(list, 'Joko Widodo').quotes).toBe(2)
    const md = await value<{ content: string }>(again, 'export.render', {
      format: 'md',
      articleIds: [ids.perdamaian]
    })
    expect(md.content).toContain('— Vladimir Vladimirovich Putin')
    const csv = await value<{ content: string }>(again, 'export.render', {
      format: 'csv',
      speaker: 'Putin'
    })
    expect(csv.content).toContain('Vladimir Vladimirovich Putin')

    // Merged again by hand, the split name rejoins its person.
    await value(again, 'speakers.merge', { names: ['Jokowi'], into: 'Joko Widodo' })
    expect(find(await summaries(again), 'Joko Widodo')).toMatchObject({ quotes: 4, articles: 3 })
    await again.close()
  })

  it('refuses to split a name that stands alone, and changes nothing', async () => {
    const { core, dataDir } = await library()
    const result = await core.dispatch('speakers.split', { alias: 'Vladimir Putin' })
    expect(result).toMatchObject({ ok: true })
    const refused = await core.dispatch('speakers.split', { alias: 'Vladimir Putin' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'bad_input' } })
    expect((refused as { error: { message: string } }).error.message).toMatch(/alias/)
    await core.close()
    const stored = JSON.parse(await readFile(path.join(dataDir, 'speakers.json'), 'utf8')) as {
      separate: string[]
    }
    expect(stored.separate).toEqual(['Vladimir Putin'])
  })
})

describe('corrections', () => {
  it('keeps a correction of an unsaved quotation through re-detection, a new version and a restart', async () => {
    const { core, dataDir, ids } = await library()
    const before = await value<ArticleQuotes>(core, 'quotes.list', { articleId: ids.banjir })
    const maybe = before.quotations.find((q) => q.quote.startsWith('Bantuan sudah dikirim'))!
    expect(maybe.confidence).toBeLessThan(0.6)
    expect(maybe.corrected).toBe(false)
    await value(core, 'quotes.correct', {
      articleId: ids.banjir,
      start: maybe.start,
      end: maybe.end,
      quote: maybe.quote,
      speaker: 'Kepala BPBD Jakarta'
    })
    const expected = { speaker: 'Kepala BPBD Jakarta', confidence: 1, corrected: true }
    const corrected = await value<ArticleQuotes>(core, 'quotes.list', { articleId: ids.banjir })
    expect(corrected.quotations.find((q) => q.start === maybe.start)).toMatchObject(expected)

    // A fresh detector run (a restarted core, a new cache) does not overwrite it.
    await core.close()
    const restarted = await openAt(dataDir)
    const rerun = await value<ArticleQuotes>(restarted, 'quotes.list', { articleId: ids.banjir })
    expect(rerun.quotations.find((q) => q.start === maybe.start)).toMatchObject(expected)

    // A new version with a paragraph before it: the quotation moved, the correction follows it.
    const [update] = await value<Array<{ status: string }>>(restarted, 'articles.import', {
      items: [
        {
          name: 'banjir-update.txt',
          text: [
            ARTICLES.banjir[0],
            'Hujan deras turun sejak Minggu malam.',
            ...ARTICLES.banjir.slice(1)
          ].join('\n\n')
        }
      ]
    })
    expect(update.status).toBe('new-version')
    await restarted.close()

    const again = await openAt(dataDir)
    const after = await value<ArticleQuotes>(again, 'quotes.list', { articleId: ids.banjir })
    const moved = after.quotations.find((q) => q.quote.startsWith('Bantuan sudah dikirim'))!
    expect(moved.start).toBeGreaterThan(maybe.start)
    expect(moved).toMatchObject(expected)
    const view = await value<SpeakersResponse>(again, 'quotes.speakers', { query: 'bpbd' })
    expect(view.speakers.map((s) => s.name)).toEqual(['Kepala BPBD Jakarta'])
    await again.close()
  })

  it('keeps a saved quote’s corrected speaker over detection', async () => {
    const { core, dataDir, ids } = await library()
    const [first] = (await value<ArticleQuotes>(core, 'quotes.list', { articleId: ids.sawah }))
      .quotations
    const saved = await value<Annotation>(core, 'annotations.create', {
      articleId: ids.sawah,
      kind: 'quote',
      start: first.start,
      end: first.end,
      speaker: first.speaker
    })
    await value(core, 'annotations.update', {
      articleId: ids.sawah,
      id: saved.id,
      speaker: 'Menteri PUPR'
    })
    await core.close()
    const restarted = await openAt(dataDir)
    const listed = await value<ArticleQuotes>(restarted, 'quotes.list', { articleId: ids.sawah })
    expect(listed.quotations[0]).toMatchObject({
      speaker: 'Menteri PUPR',
      detectedSpeaker: 'Joko Widodo',
      corrected: true,
      savedId: saved.id
    })
    await restarted.close()
  })

  it('names a missing article and stores nothing', async () => {
    const { core, dataDir } = await library()
    const result = await core.dispatch('quotes.correct', {
      articleId: 'nope',
      start: 0,
      end: 5,
      quote: 'Halo',
      speaker: 'X'
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } })
    await core.close()
    await expect(readFile(path.join(dataDir, 'speakers.json'), 'utf8')).rejects.toThrow(/ENOENT/)
  })
})

describe('search by any name of a speaker', () => {
  it('finds a saved quote under its identity’s full name, and under a merged name after a merge', async () => {
    const { core, ids } = await library()
    const search = async (query: string): Promise<string[]> => {
      await core.search.whenReady()
      const found = await value<SearchResponse>(core, 'search.query', { query })
      return found.results.map((r) => r.id).sort()
    }
    await summaries(core)
    const [first] = (await value<ArticleQuotes>(core, 'quotes.list', { articleId: ids.perdamaian }))
      .quotations
    await value<Annotation>(core, 'annotations.create', {
      articleId: ids.perdamaian,
      kind: 'quote',
      start: first.start,
      end: first.end,
      speaker: 'Putin'
    })
    // "Vladimir" is not in that article's text: only its saved quote's speaker identity says it.
    expect(await search('vladimir')).toEqual([ids.moskwa, ids.perdamaian].sort())
    expect(await search('vladimirovich')).toEqual([])
    await value(core, 'speakers.merge', {
      names: ['Vladimir Putin'],
      into: 'Vladimir Vladimirovich Putin'
    })
    expect(await search('vladimirovich')).toEqual([ids.perdamaian])
    await core.close()
  })
})
