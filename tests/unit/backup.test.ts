import { cp, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core'
import type { Annotation, ArticleDetail } from '../../src/shared/model'
import { takeSnapshot } from '../../src/main/core/store/snapshots'
import { CORPUS, importFile, SEED, tempCore, value } from '../support/core'

interface Restored {
  snapshot: string
  articlesAdded: number
  annotationsAdded: number
  annotationsUpdated: number
  skipped: Array<{ kind: string; id: string; reason: string }>
}

/** Every data file of a library (index, settings, articles, annotations), parsed. */
async function dataFiles(core: Core): Promise<Record<string, unknown>> {
  await core.close()
  const dir = core.store.dataDir
  const files: Record<string, unknown> = {}
  for (const name of ['index.json', 'settings.json'])
    files[name] = JSON.parse(await readFile(path.join(dir, name), 'utf8'))
  for (const folder of ['articles', 'annotations'])
    for (const name of (await readdir(path.join(dir, folder))).sort())
      files[`${folder}/${name}`] = JSON.parse(await readFile(path.join(dir, folder, name), 'utf8'))
  return files
}

/** Two articles, one with two versions; live, noted and trashed annotations; chosen settings. */
async function fullLibrary(): Promise<{ core: Core; seedId: string; annotations: Annotation[] }> {
  const core = await tempCore()
  const { id: seedId } = await importFile(core, SEED)
  const seedText = await readFile(SEED, 'utf8')
  const [second] = await value<Array<{ status: string }>>(core, 'articles.import', {
    items: [{ name: 'seed.txt', text: `${seedText}\nParagraf tambahan: “kata pengamat,” ujarnya.` }]
  })
  expect(second.status).toBe('new-version')
  await importFile(core, path.join(CORPUS, 'real/03-kompas-baliho-rusia-bali.txt'))
  const article = await value<ArticleDetail>(core, 'articles.get', { id: seedId })
  const quote = 'CSTO menyatukan enam negara bekas Soviet'
  const start = article.text.indexOf(quote)
  const annotations = [
    await value<Annotation>(core, 'annotations.create', {
      articleId: seedId,
      kind: 'quote',
      start,
      end: start + quote.length,
      color: 'purple',
      labels: ['fact'],
      note: 'Catatan, dengan "kutip" dan\nbaris baru.',
      speaker: 'RT'
    }),
    await value<Annotation>(core, 'annotations.create', {
      articleId: seedId,
      kind: 'highlight',
      start: 0,
      end: 20
    }),
    await value<Annotation>(core, 'annotations.create', {
      articleId: seedId,
      kind: 'note',
      note: 'Catatan artikel.'
    })
  ]
  await value(core, 'annotations.delete', { articleId: seedId, id: annotations[1].id })
  await value(core, 'settings.set', { language: 'id', theme: 'sepia' })
  return { core, seedId, annotations }
}

const backupOf = async (core: Core): Promise<string> =>
  (await value<{ content: string }>(core, 'backup.create', {})).content

describe('backup and restore', () => {
  it('restores into an empty library an identical library', async () => {
    const { core } = await fullLibrary()
    const content = await backupOf(core)
    const expected = await dataFiles(core)
    const empty = await tempCore()
    const report = await value<Restored>(empty, 'backup.restore', { content })
    expect(report).toMatchObject({ articlesAdded: 2, skipped: [] })
    expect(await dataFiles(empty)).toEqual(expected)
    const snapshots = await readdir(path.join(empty.store.dataDir, 'backups'))
    expect(snapshots.some((name) => name.endsWith('-restore'))).toBe(true)
  })

  it('merges into a library without losing newer local edits or local articles', async () => {
    const { core, seedId, annotations } = await fullLibrary()
    const content = await backupOf(core)
    // After the backup: a newer edit, a new annotation, and an annotation taken out of the trash.
    await new Promise((resolve) => setTimeout(resolve, 5))
    await value(core, 'annotations.update', {
      articleId: seedId,
      id: annotations[0].id,
      note: 'Diperbarui setelah cadangan.'
    })
    const added = await value<Annotation>(core, 'annotations.create', {
      articleId: seedId,
      kind: 'highlight',
      start: 30,
      end: 40,
      color: 'orange'
    })
    await value(core, 'annotations.restore', { articleId: seedId, id: annotations[1].id })
    await value(core, 'settings.set', { theme: 'dark' })
    const report = await value<Restored>(core, 'backup.restore', { content })
    expect(report.articlesAdded).toBe(0)
    expect(report.skipped.map((s) => `${s.kind} ${s.id}`)).toEqual(
      expect.arrayContaining([`annotation ${annotations[0].id}`, 'setting theme'])
    )
    const live = await value<Annotation[]>(core, 'annotations.list', { articleId: seedId })
    expect(live.find((a) => a.id === annotations[0].id)?.note).toBe('Diperbarui setelah cadangan.')
    expect(live.map((a) => a.id)).toEqual(expect.arrayContaining([added.id, annotations[1].id]))
    expect((await value<{ theme: string }>(core, 'settings.get', {})).theme).toBe('dark')

    const other = await tempCore()
    const { id: ownId } = await importFile(
      other,
      path.join(CORPUS, 'real/04-kompas-kulkas-ramah-lingkungan.txt')
    )
    const merged = await value<Restored>(other, 'backup.restore', { content })
    expect(merged.articlesAdded).toBe(2)
    const ids = (await value<Array<{ id: string }>>(other, 'articles.list', {})).map((a) => a.id)
    expect(ids).toEqual(expect.arrayContaining([ownId, seedId]))
    expect(ids).toHaveLength(3)
    const trash = await value<Annotation[]>(other, 'annotations.list', {
      articleId: seedId,
      trash: true
    })
    expect(trash.map((a) => a.id)).toEqual([annotations[1].id])
  })

  it('takes newer annotation edits from the backup', async () => {
    const { core, seedId, annotations } = await fullLibrary()
    const copy = await tempCore()
    await value(copy, 'backup.restore', { content: await backupOf(core) })
    await new Promise((resolve) => setTimeout(resolve, 5))
    await value(copy, 'annotations.update', {
      articleId: seedId,
      id: annotations[0].id,
      labels: ['fact', 'question']
    })
    const report = await value<Restored>(core, 'backup.restore', { content: await backupOf(copy) })
    expect(report.annotationsUpdated).toBe(1)
    const live = await value<Annotation[]>(core, 'annotations.list', { articleId: seedId })
    expect(live.find((a) => a.id === annotations[0].id)?.labels).toEqual(['fact', 'question'])
  })

  it('refuses a file that is not a Sorot backup, and writes nothing', async () => {
    const core = await tempCore()
    const notJson = await core.dispatch('backup.restore', { content: 'not json' })
    expect(notJson).toMatchObject({ ok: false, error: { code: 'bad_input' } })
    const other = await core.dispatch('backup.restore', { content: '{"items": []}' })
    expect(other).toMatchObject({ ok: false, error: { code: 'bad_input' } })
    if (!other.ok) expect(other.error.message).toMatch(/not a Sorot backup/)
    const badId = await core.dispatch('backup.restore', {
      content: JSON.stringify({
        format: 'sorot-backup',
        formatVersion: 1,
        createdAt: '2024-01-01T00:00:00Z',
        index: { schemaVersion: 1, articles: [] },
        settings: { schemaVersion: 1, language: null, theme: 'system' },
        articles: [{ schemaVersion: 1, id: '../escape', versions: [] }],
        annotations: {}
      })
    })
    expect(badId).toMatchObject({ ok: false, error: { code: 'bad_input' } })
    expect(await readdir(path.join(core.store.dataDir, 'backups'))).toEqual([])
  })
})

interface Snapshot {
  name: string
  reason: string
  takenAt: string
}

describe('automatic snapshots in settings', () => {
  it('lists the snapshots newest first with their reason and time', async () => {
    const { core } = await fullLibrary()
    expect(await value<Snapshot[]>(core, 'backup.list', {})).toEqual([])
    const taken = await takeSnapshot(core.store, 'manual')
    await value(core, 'backup.restore', { content: await backupOf(core) })
    const listed = await value<Snapshot[]>(core, 'backup.list', {})
    expect(listed.map((s) => s.reason)).toEqual(['restore', 'manual'])
    expect(listed[1]).toEqual({ name: taken.name, reason: 'manual', takenAt: taken.takenAt })
    expect(Object.keys(listed[0]).sort()).toEqual(['name', 'reason', 'takenAt'])
  })

  it('restores a snapshot by merging: newer local data is kept, lost data comes back', async () => {
    const { core, seedId, annotations } = await fullLibrary()
    const snapshot = await takeSnapshot(core.store, 'daily')
    await new Promise((resolve) => setTimeout(resolve, 5))
    // After the snapshot: a newer edit, a new highlight, and the trash emptied for good.
    await value(core, 'annotations.update', {
      articleId: seedId,
      id: annotations[0].id,
      note: 'Lebih baru dari cuplikan.'
    })
    const added = await value<Annotation>(core, 'annotations.create', {
      articleId: seedId,
      kind: 'highlight',
      start: 30,
      end: 40
    })
    await value(core, 'annotations.emptyTrash', { articleId: seedId })
    await value(core, 'settings.set', { theme: 'dark' })

    const report = await value<Restored>(core, 'backup.restoreSnapshot', { name: snapshot.name })
    expect(report.snapshot).toMatch(/-restore$/)
    expect(report.articlesAdded).toBe(0)
    expect(report.annotationsAdded).toBe(1)
    expect(report.skipped.map((s) => `${s.kind} ${s.id}`)).toEqual(
      expect.arrayContaining([`annotation ${annotations[0].id}`, 'setting theme'])
    )
    const live = await value<Annotation[]>(core, 'annotations.list', { articleId: seedId })
    expect(live.find((a) => a.id === annotations[0].id)?.note).toBe('Lebih baru dari cuplikan.')
    expect(live.map((a) => a.id)).toContain(added.id)
    const trash = await value<Annotation[]>(core, 'annotations.list', {
      articleId: seedId,
      trash: true
    })
    expect(trash.map((a) => a.id)).toEqual([annotations[1].id])
    expect((await value<{ theme: string }>(core, 'settings.get', {})).theme).toBe('dark')
    const listed = await value<Snapshot[]>(core, 'backup.list', {})
    expect(listed.map((s) => s.name)).toEqual([report.snapshot, snapshot.name])
  })

  it('brings a whole library back from a snapshot into an emptied data dir', async () => {
    const { core } = await fullLibrary()
    // The snapshot of one library (its manifest and the stored copies it names), copied into
    // another's backups/ folder, restores it whole.
    const snapshot = await takeSnapshot(core.store, 'manual')
    const expected = await dataFiles(core)
    const reopened = await tempCore()
    for (const folder of [snapshot.name, 'versions'])
      await cp(
        path.join(core.store.dataDir, 'backups', folder),
        path.join(reopened.store.dataDir, 'backups', folder),
        { recursive: true }
      )
    const report = await value<Restored>(reopened, 'backup.restoreSnapshot', {
      name: snapshot.name
    })
    expect(report).toMatchObject({ articlesAdded: 2, skipped: [] })
    expect(await dataFiles(reopened)).toEqual(expected)
  })

  it('refuses a snapshot that does not exist and a name that is a path', async () => {
    const core = await tempCore()
    const missing = await core.dispatch('backup.restoreSnapshot', {
      name: '2024-01-01T00-00-00-000Z-daily'
    })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const escape = await core.dispatch('backup.restoreSnapshot', { name: '../../etc' })
    expect(escape).toMatchObject({ ok: false, error: { code: 'bad_input' } })
  })
})
