import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Migration } from '../../src/main/core/store/migrations'
import { listSnapshots, takeSnapshot } from '../../src/main/core/store/snapshots'
import {
  readManifest,
  SnapshotReader,
  writeManifest
} from '../../src/main/core/store/snapshot-files'
import { openCore, type Core } from '../../src/main/core/core'
import { runSorot } from '../support/cli'
import { SEED, value } from '../support/core'
import { libraryWithSnapshot, tempDir, type Library } from '../support/recovery'

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
    // The newer snapshot names a damaged copy of index.json (the older one keeps its own).
    const versions = path.join(library.dataDir, 'backups', 'versions')
    await writeFile(path.join(versions, 'damaged-index.json'), '{"schemaVersion":1,"arti')
    const files = (await readManifest(newer.dir))!.files
    await writeManifest(newer.dir, { ...files, 'index.json': 'damaged-index.json' })
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
    expect(await (await SnapshotReader.open(snapshots[0].dir)).read('index.json')).toBe(old)
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
    const snapshot = await SnapshotReader.open(snapshots[0].dir)
    const copied = JSON.parse((await snapshot.read('index.json'))!)
    expect(copied.articles.map((a: { id: string }) => a.id)).toEqual([library.articleId])
    expect(await snapshot.list('annotations')).toEqual([`${library.articleId}.json`])
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
