import { readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core/core'
import { runSorot } from '../support/cli'
import { CORPUS, importFile, value } from '../support/core'
import { libraryWithSnapshot, tempDir } from '../support/recovery'

const REAL = path.join(CORPUS, 'real')
const PILOT = path.join(REAL, '01-kompas-pilot-susi-air.txt')
const BIMA = path.join(REAL, '02-kompas-orangtua-bima.txt')

interface Listed {
  id: string
  title: string
  wordCount: number
  contentHash: string
  tags?: string[]
  updatedAt: string
  counts?: unknown
}

/** The library as listed, copied: the core hands out its live records. */
const listOf = async (core: Core): Promise<Listed[]> =>
  structuredClone(await value<Listed[]>(core, 'articles.list', {}))
const byId = (articles: Listed[]): Record<string, Listed> =>
  Object.fromEntries(articles.map((a) => [a.id, a]))

/** Opens the data dir, runs `work` and closes it again. */
async function withCore<T>(dataDir: string, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore({ dataDir, version: 'test' })
  try {
    return await work(core)
  } finally {
    await core.close()
  }
}

const highlight = (core: Core, articleId: string): Promise<{ id: string }> =>
  value<{ id: string }>(core, 'annotations.create', {
    articleId,
    kind: 'highlight',
    start: 0,
    end: 8
  })

const annotationIds = async (core: Core, articleId: string): Promise<string[]> =>
  (await value<Array<{ id: string }>>(core, 'annotations.list', { articleId })).map((a) => a.id)

describe('re-listing articles the index lost', () => {
  it('lists again the articles imported after the snapshot when index.json is restored from it', async () => {
    const library = await libraryWithSnapshot()
    const later = await withCore(library.dataDir, async (core) => {
      const pilot = await importFile(core, PILOT)
      const bima = await importFile(core, BIMA)
      const note = await highlight(core, bima.id)
      // Annotation counts are derived on demand, never stored: not part of what is compared.
      const listed = byId((await listOf(core)).map(({ counts: _counts, ...meta }) => meta))
      // An edit after the import: the article file keeps the record as it was imported.
      await value(core, 'articles.update', { id: pilot.id, title: 'Judul yang diubah' })
      return { pilot: listed[pilot.id], bima: listed[bima.id], note: note.id }
    })
    const index = path.join(library.dataDir, 'index.json')
    await writeFile(index, (await readFile(index, 'utf8')).slice(0, 40))

    await withCore(library.dataDir, async (core) => {
      expect(core.recoveries.map((r) => r.restoredFrom)).toEqual([library.snapshot])
      const listed = byId(await listOf(core))
      expect(Object.keys(listed).sort()).toEqual(
        [library.articleId, later.pilot.id, later.bima.id].sort()
      )
      expect(listed[later.pilot.id]).toMatchObject(later.pilot)
      expect(listed[later.bima.id]).toMatchObject(later.bima)
      expect(await annotationIds(core, later.bima.id)).toEqual([later.note])
      expect(await annotationIds(core, library.articleId)).toEqual([library.annotationId])
      expect(core.warnings).toHaveLength(1)
      expect(core.warnings[0]).toContain('2 articles were re-listed from their files')
      expect(core.warnings[0]).toMatch(
        /details edited after \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC may be older/
      )
    })
    // Saved to index.json: the next opening has nothing to repair or re-list.
    await withCore(library.dataDir, async (core) => {
      expect(core.recoveries).toEqual([])
      expect(core.warnings).toEqual([])
      expect(await listOf(core)).toHaveLength(3)
    })
  })

  it('lists every article again from its file when index.json is damaged and no snapshot exists', async () => {
    const library = await libraryWithSnapshot(false)
    const before = await withCore(library.dataDir, async (core) => {
      const pilot = await importFile(core, PILOT)
      await value(core, 'articles.tag', { ids: [pilot.id], add: ['penerbangan'] })
      return listOf(core)
    })
    await writeFile(path.join(library.dataDir, 'index.json'), '\0'.repeat(200))

    await withCore(library.dataDir, async (core) => {
      expect(core.recoveries).toEqual([expect.objectContaining({ restoredFrom: null })])
      const listed = await listOf(core)
      expect(listed).toHaveLength(2)
      for (const article of before) {
        // Tags added after the import are not in the file's copy: the warning says so.
        const { tags: _tags, updatedAt: _updatedAt, ...imported } = article
        expect(byId(listed)[article.id]).toMatchObject(imported)
      }
      expect(await annotationIds(core, library.articleId)).toEqual([library.annotationId])
      expect(core.warnings[0]).toContain('2 articles were re-listed from their files')
      const text = await value<{ text: string }>(core, 'articles.get', { id: library.articleId })
      expect(text.text).toMatch(/^"Kerja sama antara badan intelijen/)
    })
    const onDisk = JSON.parse(await readFile(path.join(library.dataDir, 'index.json'), 'utf8'))
    expect(onDisk.articles).toHaveLength(2)
  })

  it('lists again older article files without saved details, from their source or their text', async () => {
    const library = await libraryWithSnapshot(false)
    const listed = await withCore(library.dataDir, async (core) => {
      await importFile(core, PILOT)
      await importFile(core, BIMA)
      return listOf(core)
    })
    const [pilot, bima] = ['Puspen TNI', 'Didukung Hotman'].map((start) =>
      listed.find((a) => a.title.startsWith(start))!
    )
    // As files written before article files kept their details; Bima's without its source too.
    for (const [id, withoutSource] of [
      [pilot.id, false],
      [bima.id, true]
    ] as const) {
      const file = path.join(library.dataDir, 'articles', `${id}.json`)
      const { meta: _meta, ...older } = JSON.parse(await readFile(file, 'utf8'))
      if (withoutSource) for (const version of older.versions) delete version.source
      await writeFile(file, JSON.stringify(older))
    }
    await rm(path.join(library.dataDir, 'index.json'))

    await withCore(library.dataDir, async (core) => {
      expect(core.recoveries).toEqual([])
      const relisted = byId(await listOf(core))
      expect(relisted[pilot.id]).toMatchObject({
        title:
          'Puspen TNI Sebut Area Pilot Susi Air Sudah Diketahui, Operasi Penyelamatan Terkendala Cuaca',
        outlet: 'Kompas.com',
        wordCount: pilot.wordCount,
        contentHash: pilot.contentHash
      })
      expect(relisted[bima.id]).toMatchObject({
        title: expect.stringMatching(
          /^KOMPAS\.com - Orangtua kreator konten Bima Yudho Saputro memilih minta maaf/
        ),
        outlet: null,
        wordCount: bima.wordCount,
        contentHash: bima.contentHash
      })
      expect(core.warnings[0]).toContain('3 articles were re-listed from their files')
      expect(core.warnings[0]).toContain('2 had no saved details')
    })
  })

  it('keeps an annotations file whose article is in neither the index nor articles/', async () => {
    const library = await libraryWithSnapshot(false)
    const annotations = path.join(library.dataDir, 'annotations')
    const stray = path.join(annotations, 'artikel-hilang.json')
    const content = await readFile(path.join(annotations, `${library.articleId}.json`), 'utf8')
    await writeFile(stray, content)
    await writeFile(path.join(library.dataDir, 'index.json'), '{"schemaVersion": 1, "art')
    await withCore(library.dataDir, async (core) => {
      expect(core.warnings[0]).toContain('1 annotations file belongs to no stored article')
      expect(core.warnings[0]).toContain('artikel-hilang')
    })
    await withCore(library.dataDir, async () => undefined)
    expect(await readFile(stray, 'utf8')).toBe(content)
  })

  it('opens no article file on start when the index lists every one, and only the unlisted one otherwise', async () => {
    const library = await libraryWithSnapshot(false)
    const pilot = await withCore(library.dataDir, (core) => importFile(core, PILOT))
    await withCore(library.dataDir, async (core) => {
      expect(core.store.articleFilesOpened).toBe(0)
      expect(core.warnings).toEqual([])
    })
    // An index.json that lost one record but still reads: only that article's file is opened.
    const index = path.join(library.dataDir, 'index.json')
    const data = JSON.parse(await readFile(index, 'utf8'))
    data.articles = data.articles.filter((a: { id: string }) => a.id !== pilot.id)
    await writeFile(index, JSON.stringify(data))
    await withCore(library.dataDir, async (core) => {
      expect(core.store.articleFilesOpened).toBe(1)
      expect(core.warnings[0]).toContain('1 article was re-listed from its file')
      expect((await listOf(core)).map((a) => a.id)).toContain(pilot.id)
    })
  })

  it('keeps the index record in the article file with each version, not on later edits', async () => {
    const dataDir = await tempDir()
    const read = async (id: string): Promise<{ meta?: Record<string, unknown> }> =>
      JSON.parse(await readFile(path.join(dataDir, 'articles', `${id}.json`), 'utf8'))
    await withCore(dataDir, async (core) => {
      const { id } = await importFile(core, BIMA)
      expect((await read(id)).meta).toEqual((await listOf(core))[0])
      const text = (await readFile(BIMA, 'utf8')) + '\n\nParagraf tambahan di akhir berita.'
      const [outcome] = await value<Array<{ status: string }>>(core, 'articles.import', {
        items: [{ name: path.basename(BIMA), base64: Buffer.from(text).toString('base64') }]
      })
      expect(outcome.status).toBe('new-version')
      expect((await read(id)).meta).toEqual((await listOf(core))[0])
      expect((await read(id)).meta).toMatchObject({ versionCount: 2 })
      // Metadata edits rewrite index.json only: article bodies are written once per version.
      const stored = JSON.stringify(await read(id))
      await value(core, 'articles.update', { id, title: 'Judul baru' })
      await value(core, 'articles.tag', { ids: [id], add: ['lampung'] })
      expect(JSON.stringify(await read(id))).toBe(stored)
    })
  })

  it('tells the CLI user on stderr how many articles were re-listed', async () => {
    const library = await libraryWithSnapshot()
    const pilot = await withCore(library.dataDir, (core) => importFile(core, PILOT))
    await writeFile(path.join(library.dataDir, 'index.json'), '')
    const run = await runSorot(['--data-dir', library.dataDir, 'list'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(pilot.id)
    expect(run.stderr).toContain('sorot: 1 article was re-listed from its file')
  })
})
