import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Migration } from '../../src/main/core/store/migrations'
import { listSnapshots, takeSnapshot } from '../../src/main/core/store/snapshots'
import { openCore, type Core } from '../../src/main/core/core'
import { runSorot } from '../support/cli'
import { CORPUS, importFile, SEED, value } from '../support/core'

const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'sorot-recovery-'))

interface Library {
  dataDir: string
  articleId: string
  annotationId: string
}

/** A library with one article and one highlight, and a snapshot of it in backups/. */
async function libraryWithSnapshot(snapshot = true): Promise<Library & { snapshot?: string }> {
  const dataDir = await tempDir()
  const core = await openCore({ dataDir, version: 'test' })
  const { id: articleId } = await importFile(core, SEED)
  const { id: annotationId } = await value<{ id: string }>(core, 'annotations.create', {
    articleId,
    kind: 'highlight',
    start: 0,
    end: 10
  })
  await value(core, 'settings.set', { theme: 'sepia' })
  const taken = snapshot ? await takeSnapshot(core.store, 'manual') : undefined
  await core.close()
  return { dataDir, articleId, annotationId, snapshot: taken?.name }
}

const damages: Record<string, (good: string) => string> = {
  truncated: (good) => good.slice(0, Math.floor(good.length / 2)),
  'NUL-filled': (good) => '\0'.repeat(good.length),
  'invalid JSON': () => '{"schemaVersion": 1, oops',
  empty: () => ''
}

const files: Record<string, (library: Library) => string> = {
  'index.json': () => 'index.json',
  'settings.json': () => 'settings.json',
  'an article file': (l) => `articles/${l.articleId}.json`,
  'an annotations file': (l) => `annotations/${l.articleId}.json`
}

/** Reads the library back through the contract, opening every file of the article. */
async function readBack(core: Core, library: Library): Promise<Record<string, unknown>> {
  const articles = await value<Array<{ id: string }>>(core, 'articles.list', {})
  const article = articles.length
    ? await value<{ text: string }>(core, 'articles.get', { id: library.articleId })
    : null
  const annotations = articles.length
    ? await value<Array<{ id: string }>>(core, 'annotations.list', { articleId: library.articleId })
    : []
  const settings = await value<{ theme: string }>(core, 'settings.get', {})
  return {
    articles: articles.map((a) => a.id),
    textStart: article?.text.slice(0, 20),
    annotations: annotations.map((a) => a.id),
    theme: settings.theme
  }
}

describe('recovery from damaged files', () => {
  for (const [fileName, relativeOf] of Object.entries(files)) {
    for (const [damage, damaged] of Object.entries(damages)) {
      it(`restores ${fileName} from the newest snapshot when it is ${damage}, keeping the damaged one`, async () => {
        const library = await libraryWithSnapshot()
        const before = await (async () => {
          const core = await openCore({ dataDir: library.dataDir, version: 'test' })
          const seen = await readBack(core, library)
          await core.close()
          return seen
        })()
        const relative = relativeOf(library)
        const file = path.join(library.dataDir, relative)
        const bad = damaged(await readFile(file, 'utf8'))
        await writeFile(file, bad)

        const core = await openCore({ dataDir: library.dataDir, version: 'test' })
        expect(await readBack(core, library)).toEqual(before)
        expect(core.recoveries).toHaveLength(1)
        const [recovery] = core.recoveries
        expect(recovery.file).toBe(file)
        expect(recovery.restoredFrom).toBe(library.snapshot)
        expect(path.dirname(recovery.movedTo)).toBe(path.dirname(file))
        expect(path.basename(recovery.movedTo)).toMatch(
          new RegExp(`^${path.basename(file).replace('.', '\\.')}\\.damaged-`)
        )
        expect(await readFile(recovery.movedTo, 'utf8')).toBe(bad)
        await core.close()
        // The restored file is on disk: the next opening finds nothing to repair.
        const again = await openCore({ dataDir: library.dataDir, version: 'test' })
        expect(await readBack(again, library)).toEqual(before)
        expect(again.recoveries).toEqual([])
      })
    }
  }

  it('takes an older snapshot when the newest copy is damaged too', async () => {
    const library = await libraryWithSnapshot()
    const core = await openCore({ dataDir: library.dataDir, version: 'test' })
    const newer = await takeSnapshot(core.store, 'manual')
    await core.close()
    await writeFile(path.join(newer.dir, 'index.json'), '{"schemaVersion":1,"arti')
    await writeFile(path.join(library.dataDir, 'index.json'), '\0\0\0\0')
    const reopened = await openCore({ dataDir: library.dataDir, version: 'test' })
    expect(reopened.recoveries.map((r) => r.restoredFrom)).toEqual([library.snapshot])
    expect(await value<unknown[]>(reopened, 'articles.list', {})).toHaveLength(1)
  })

  it('starts the file empty and says so when no snapshot has it, keeping the damaged one', async () => {
    const library = await libraryWithSnapshot(false)
    const file = path.join(library.dataDir, 'annotations', `${library.articleId}.json`)
    await writeFile(file, '{"schemaVersion": 1, "annotations": [{"id"')
    const core = await openCore({ dataDir: library.dataDir, version: 'test' })
    expect(await value(core, 'annotations.list', { articleId: library.articleId })).toEqual([])
    expect(core.recoveries).toEqual([
      expect.objectContaining({ file, restoredFrom: null, reason: expect.stringMatching(/JSON/) })
    ])
    expect(await readFile(core.recoveries[0].movedTo, 'utf8')).toContain('"annotations": [{"id"')
  })

  it('never overwrites a damaged file kept earlier', async () => {
    const library = await libraryWithSnapshot(false)
    const file = path.join(library.dataDir, 'settings.json')
    const kept: string[] = []
    for (const content of ['first damage', 'second damage']) {
      await writeFile(file, content)
      const core = await openCore({ dataDir: library.dataDir, version: 'test' })
      kept.push(core.recoveries[0].movedTo)
      await core.close()
    }
    expect(new Set(kept).size).toBe(2)
    expect(await Promise.all(kept.map((k) => readFile(k, 'utf8')))).toEqual([
      'first damage',
      'second damage'
    ])
  })

  it('tells the CLI user on stderr what was damaged, where it is kept and which snapshot replaced it', async () => {
    const library = await libraryWithSnapshot()
    const file = path.join(library.dataDir, 'index.json')
    await writeFile(file, '{"schemaVersion": 1, "articles": [')
    const run = await runSorot(['--data-dir', library.dataDir, 'list'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(library.articleId)
    const kept = (await readdir(library.dataDir)).find((f) => f.startsWith('index.json.damaged-'))
    expect(run.stderr).toContain(`${file} was damaged`)
    expect(run.stderr).toContain(`kept as ${path.join(library.dataDir, kept!)}`)
    expect(run.stderr).toContain(`restored from the snapshot backups/${library.snapshot}`)
  })

  it('reports a damaged article file found during a CLI command too', async () => {
    const library = await libraryWithSnapshot(false)
    const file = path.join(library.dataDir, 'articles', `${library.articleId}.json`)
    await writeFile(file, '')
    const run = await runSorot(['--data-dir', library.dataDir, 'show', library.articleId])
    expect(run.stderr).toContain(`${file} was damaged (the file is empty`)
    expect(run.stderr).toContain('no snapshot held a good copy')
  })
})

describe('schema versions and migrations', () => {
  it('refuses a file from a newer Sorot in the CLI with a clear message, leaving it untouched', async () => {
    const dataDir = await tempDir()
    const newer = JSON.stringify({ schemaVersion: 2, language: 'id', theme: 'dark', more: 1 })
    await writeFile(path.join(dataDir, 'settings.json'), newer)
    const run = await runSorot(['--data-dir', dataDir, 'import', SEED])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `${path.join(dataDir, 'settings.json')} was written by a newer version of Sorot (schema 2`
    )
    expect(await readFile(path.join(dataDir, 'settings.json'), 'utf8')).toBe(newer)
    expect(await readdir(path.join(dataDir, 'articles'))).toEqual([])
  })

  // A made-up schema 0 whose index called the article list "items".
  const fromZero: Migration = {
    kind: 'index',
    from: 0,
    migrate: (file) => ({ articles: file.items })
  }

  it('takes a snapshot holding the old file before a migration rewrites it', async () => {
    const library = await libraryWithSnapshot(false)
    const file = path.join(library.dataDir, 'index.json')
    const current = JSON.parse(await readFile(file, 'utf8'))
    const old = JSON.stringify({ schemaVersion: 0, items: current.articles })
    await writeFile(file, old)

    const core = await openCore({
      dataDir: library.dataDir,
      version: 'test',
      store: { migrations: [fromZero] }
    })
    expect(await value<unknown[]>(core, 'articles.list', {})).toHaveLength(1)
    await core.close()
    const snapshots = await listSnapshots({ dataDir: library.dataDir })
    expect(snapshots.map((s) => s.reason)).toEqual(['migration'])
    expect(await readFile(path.join(snapshots[0].dir, 'index.json'), 'utf8')).toBe(old)
    const migrated = JSON.parse(await readFile(file, 'utf8'))
    expect(migrated).toEqual({ schemaVersion: 1, articles: current.articles })

    const again = await openCore({
      dataDir: library.dataDir,
      version: 'test',
      store: { migrations: [fromZero] }
    })
    await again.close()
    expect(await listSnapshots({ dataDir: library.dataDir })).toHaveLength(1)
  })

  it('refuses an old file it has no migration for, leaving it untouched', async () => {
    const dataDir = await tempDir()
    const old = JSON.stringify({ schemaVersion: 0, items: [] })
    await writeFile(path.join(dataDir, 'index.json'), old)
    await expect(openCore({ dataDir, version: 'test' })).rejects.toThrow(
      /index\.json uses schema 0, which this version of Sorot cannot upgrade/
    )
    expect(await readFile(path.join(dataDir, 'index.json'), 'utf8')).toBe(old)
  })
})

describe('daily snapshot and leftovers', () => {
  it('takes a daily snapshot when the newest is more than a day old, and not again the same day', async () => {
    const library = await libraryWithSnapshot(false)
    const old = path.join(library.dataDir, 'backups', '2020-01-01T00-00-00-000Z-daily')
    await mkdir(old, { recursive: true })
    const first = await openCore({ dataDir: library.dataDir, version: 'test', dailySnapshot: true })
    await first.close()
    const second = await openCore({
      dataDir: library.dataDir,
      version: 'test',
      dailySnapshot: true
    })
    await second.close()
    const snapshots = await listSnapshots({ dataDir: library.dataDir })
    expect(snapshots).toHaveLength(2)
    expect(snapshots[0].reason).toBe('daily')
    expect(snapshots[0].takenAt.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10))
    const copied = JSON.parse(await readFile(path.join(snapshots[0].dir, 'index.json'), 'utf8'))
    expect(copied.articles.map((a: { id: string }) => a.id)).toEqual([library.articleId])
    expect(await readdir(path.join(snapshots[0].dir, 'annotations'))).toEqual([
      `${library.articleId}.json`
    ])
  })

  it('takes the daily snapshot for CLI write commands only', async () => {
    const library = await libraryWithSnapshot(false)
    await runSorot(['--data-dir', library.dataDir, 'list'])
    expect(await listSnapshots({ dataDir: library.dataDir })).toEqual([])
    const run = await runSorot(['--data-dir', library.dataDir, 'import', SEED])
    expect(run.code).toBe(0)
    expect((await listSnapshots({ dataDir: library.dataDir })).map((s) => s.reason)).toEqual([
      'daily'
    ])
  })

  it('removes temp files and partial snapshots that killed writes left behind', async () => {
    const library = await libraryWithSnapshot(false)
    const leftovers = [
      '.index.json.0123456789ab.tmp',
      `articles/.${library.articleId}.json.abcdefabcdef.tmp`,
      `annotations/.${library.articleId}.json.a1b2c3d4e5f6.tmp`
    ]
    for (const leftover of leftovers) await writeFile(path.join(library.dataDir, leftover), '{"par')
    const partial = path.join(library.dataDir, 'backups', '2024-01-01T00-00-00-000Z-daily.partial')
    await mkdir(partial, { recursive: true })
    const core = await openCore({ dataDir: library.dataDir, version: 'test' })
    await core.close()
    for (const folder of ['', 'articles', 'annotations'])
      expect(
        (await readdir(path.join(library.dataDir, folder))).filter((f) => f.endsWith('.tmp'))
      ).toEqual([])
    expect(await readdir(path.join(library.dataDir, 'backups'))).toEqual([])
  })
})

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
