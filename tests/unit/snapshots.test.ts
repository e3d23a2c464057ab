import {
  copyFile,
  link,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  writeFile
} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  findBackupCopy,
  listSnapshots,
  SNAPSHOTS_KEPT,
  takeSnapshot
} from '../../src/main/core/store/snapshots'
import { MANIFEST, readManifest, SnapshotReader } from '../../src/main/core/store/snapshot-files'
import { readStoredText } from '../../src/main/core/store/version-store'
import { openCore, type Core } from '../../src/main/core/core'
import type { Annotation, ArticleDetail } from '../../src/shared/model'
import { CORPUS, importFile, SEED, value } from '../support/core'

const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'sorot-snapshots-'))

/** A library of two articles, one highlighted, open for writing. */
async function library(): Promise<{ core: Core; ids: string[] }> {
  const core = await openCore({ dataDir: await tempDir(), version: 'test' })
  const { id: first } = await importFile(core, SEED)
  const { id: second } = await importFile(
    core,
    path.join(CORPUS, 'real/03-kompas-baliho-rusia-bali.txt')
  )
  await value(core, 'annotations.create', {
    articleId: first,
    kind: 'highlight',
    start: 0,
    end: 12
  })
  return { core, ids: [first, second] }
}

const articleFile = (dir: string, id: string): string => path.join(dir, 'articles', `${id}.json`)
const versionsDir = (dataDir: string): string => path.join(dataDir, 'backups', 'versions')

/** The text of the data file `relative` as the snapshot in `dir` holds it. */
const inSnapshot = async (dir: string, relative: string): Promise<string | null> =>
  (await SnapshotReader.open(dir)).read(relative)

/** The manifest of the snapshot in `dir`: data file → stored copy. */
const filesOf = async (dir: string): Promise<Record<string, string>> =>
  (await readManifest(dir))?.files ?? {}

/** A promise and the function that settles it: a gate a test opens when it chooses. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined
  const wait = new Promise<void>((resolve) => (open = resolve))
  return { wait, open }
}

describe('snapshots that cost what changed', () => {
  it('stores each file once, compressed, and shares it with later snapshots until it changes', async () => {
    const { core, ids } = await library()
    const dataDir = core.store.dataDir
    const first = await takeSnapshot(core.store, 'manual')
    const second = await takeSnapshot(core.store, 'manual')
    const files = [
      'index.json',
      'settings.json',
      ...ids.map((id) => `articles/${id}.json`),
      `annotations/${ids[0]}.json`
    ]
    expect(Object.keys(await filesOf(first.dir)).sort()).toEqual(files.sort())
    expect(first).toMatchObject({ stored: files.length, shared: 0 })
    expect(second).toMatchObject({ stored: 0, shared: files.length })
    expect(await filesOf(second.dir)).toEqual(await filesOf(first.dir))
    expect(await readdir(versionsDir(dataDir))).toHaveLength(files.length)
    // The snapshot folder holds only its manifest; the copies are compressed.
    expect(await readdir(second.dir)).toEqual([MANIFEST])
    for (const file of files) {
      const live = await readFile(path.join(dataDir, file), 'utf8')
      expect(await inSnapshot(first.dir, file)).toBe(live)
      const stored = path.join(versionsDir(dataDir), (await filesOf(first.dir))[file])
      expect((await readFile(stored)).subarray(0, 1).toString()).not.toBe('{')
    }
    const article = path.join(
      versionsDir(dataDir),
      (await filesOf(first.dir))[`articles/${ids[1]}.json`]
    )
    expect((await stat(article)).size).toBeLessThan(
      (await stat(articleFile(dataDir, ids[1]))).size / 2
    )

    const before = await inSnapshot(first.dir, `annotations/${ids[0]}.json`)
    await value(core, 'annotations.create', { articleId: ids[0], kind: 'note', note: 'Baru.' })
    const third = await takeSnapshot(core.store, 'manual')
    await core.close()
    // Only what the note changed is stored again: its annotations file and the index's counts.
    expect(third.stored).toBeGreaterThanOrEqual(1)
    expect(third.stored).toBeLessThanOrEqual(2)
    const [firstFiles, thirdFiles] = [await filesOf(first.dir), await filesOf(third.dir)]
    for (const id of ids)
      expect(thirdFiles[`articles/${id}.json`]).toBe(firstFiles[`articles/${id}.json`])
    expect(thirdFiles[`annotations/${ids[0]}.json`]).not.toBe(
      firstFiles[`annotations/${ids[0]}.json`]
    )
    expect(await inSnapshot(first.dir, `annotations/${ids[0]}.json`)).toBe(before)
    expect(await inSnapshot(third.dir, `annotations/${ids[0]}.json`)).toContain('Baru.')
  })

  it('keeps a snapshot whole when the live article file is damaged in place', async () => {
    const { core, ids } = await library()
    const snapshot = await takeSnapshot(core.store, 'manual')
    await core.close()
    const good = await readFile(articleFile(core.store.dataDir, ids[0]), 'utf8')
    await writeFile(articleFile(core.store.dataDir, ids[0]), '\0'.repeat(good.length))
    expect(await inSnapshot(snapshot.dir, `articles/${ids[0]}.json`)).toBe(good)
  })

  it('keeps the old version in a snapshot when the article gets a new one', async () => {
    const { core, ids } = await library()
    const snapshot = await takeSnapshot(core.store, 'manual')
    const old = (await inSnapshot(snapshot.dir, `articles/${ids[0]}.json`))!
    const seedText = await readFile(SEED, 'utf8')
    const [outcome] = await value<Array<{ status: string }>>(core, 'articles.import', {
      items: [{ name: 'seed.txt', text: `${seedText}\nParagraf tambahan.` }]
    })
    expect(outcome.status).toBe('new-version')
    await core.close()
    expect(await inSnapshot(snapshot.dir, `articles/${ids[0]}.json`)).toBe(old)
    expect(JSON.parse(old).versions).toHaveLength(1)
    const live = JSON.parse(await readFile(articleFile(core.store.dataDir, ids[0]), 'utf8'))
    expect(live.versions).toHaveLength(2)
  })

  it('restores an article from a snapshot after its live file has gone', async () => {
    const { core, ids } = await library()
    const before = await value<ArticleDetail>(core, 'articles.get', { id: ids[0] })
    const snapshot = await takeSnapshot(core.store, 'manual')
    await core.close()
    // The article is lost from the library: its file and its record.
    const dataDir = core.store.dataDir
    await rm(articleFile(dataDir, ids[0]))
    const index = JSON.parse(await readFile(path.join(dataDir, 'index.json'), 'utf8'))
    index.articles = index.articles.filter((a: { id: string }) => a.id !== ids[0])
    await writeFile(path.join(dataDir, 'index.json'), JSON.stringify(index))

    const reopened = await openCore({ dataDir, version: 'test' })
    expect((await reopened.dispatch('articles.get', { id: ids[0] })).ok).toBe(false)
    const report = await value<{ articlesAdded: number }>(reopened, 'backup.restoreSnapshot', {
      name: snapshot.name
    })
    expect(report.articlesAdded).toBe(1)
    const back = await value<ArticleDetail>(reopened, 'articles.get', { id: ids[0] })
    expect(back.text).toBe(before.text)
    const notes = await value<Annotation[]>(reopened, 'annotations.list', { articleId: ids[0] })
    expect(notes.map((n) => [n.kind, n.target?.selectors[1].exact])).toEqual([
      ['highlight', before.text.slice(0, 12)]
    ])
    await reopened.close()
  })

  it('still reads and restores a snapshot from before manifests, and shares its stored copies', async () => {
    const { core, ids } = await library()
    await core.close()
    const dataDir = core.store.dataDir
    const before = await readFile(articleFile(dataDir, ids[0]), 'utf8')
    // The format before manifests: plain files in the snapshot, articles hard-linked to a plain
    // copy in backups/versions/ named <id>-<size>-<mtime>.json.
    const name = '2020-01-01T00-00-00-000Z-manual'
    const legacy = path.join(dataDir, 'backups', name)
    for (const folder of ['articles', 'annotations'])
      await mkdir(path.join(legacy, folder), { recursive: true })
    await mkdir(versionsDir(dataDir), { recursive: true })
    for (const file of ['index.json', 'settings.json', `annotations/${ids[0]}.json`])
      await copyFile(path.join(dataDir, file), path.join(legacy, file))
    const legacyCopies: string[] = []
    for (const id of ids) {
      const info = await stat(articleFile(dataDir, id), { bigint: true })
      const stored = `${id}-${info.size}-${info.mtimeNs}.json`
      await copyFile(articleFile(dataDir, id), path.join(versionsDir(dataDir), stored))
      await link(path.join(versionsDir(dataDir), stored), articleFile(legacy, id))
      legacyCopies.push(stored)
    }
    expect(await findBackupCopy(dataDir, path.join(dataDir, 'index.json'), () => true)).toEqual({
      text: await readFile(path.join(dataDir, 'index.json'), 'utf8'),
      from: name
    })
    // The article is lost from the library: its file and its record.
    await rm(articleFile(dataDir, ids[0]))
    const index = JSON.parse(await readFile(path.join(dataDir, 'index.json'), 'utf8'))
    index.articles = index.articles.filter((a: { id: string }) => a.id !== ids[0])
    await writeFile(path.join(dataDir, 'index.json'), JSON.stringify(index))

    const reopened = await openCore({ dataDir, version: 'test' })
    const report = await value<{ articlesAdded: number; snapshot: string }>(
      reopened,
      'backup.restoreSnapshot',
      { name }
    )
    expect(report.articlesAdded).toBe(1)
    expect(await readFile(articleFile(dataDir, ids[0]), 'utf8')).toBe(before)
    const notes = await value<Annotation[]>(reopened, 'annotations.list', { articleId: ids[0] })
    expect(notes.map((n) => n.kind)).toEqual(['highlight'])
    await reopened.close()
    // The snapshot taken before the restore names the old plain copy of the untouched article.
    const taken = await filesOf(path.join(dataDir, 'backups', report.snapshot))
    expect(taken[`articles/${ids[1]}.json`]).toBe(legacyCopies[1])
  })

  it('prunes old snapshots and then the stored versions no kept snapshot names', async () => {
    const { core, ids } = await library()
    const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2))
    const oldest = await takeSnapshot(core.store, 'manual')
    const oldVersion = (await inSnapshot(oldest.dir, `articles/${ids[0]}.json`))!
    const seedText = await readFile(SEED, 'utf8')
    await value(core, 'articles.import', {
      items: [{ name: 'seed.txt', text: `${seedText}\nParagraf tambahan.` }]
    })
    const taken = [oldest]
    for (let i = 0; i < SNAPSHOTS_KEPT; i++) {
      // Names are per millisecond: the next one must not take the same.
      await pause()
      taken.push(await takeSnapshot(core.store, 'manual'))
    }
    await core.close()
    const kept = await listSnapshots(core.store)
    expect(kept.map((s) => s.name)).toEqual(
      taken
        .slice(1)
        .map((s) => s.name)
        .reverse()
    )
    // The first version of ids[0] was only in the pruned snapshot: its stored copy went too,
    // and the store holds exactly what the kept snapshots name.
    const named = new Set<string>()
    for (const snapshot of kept)
      for (const name of Object.values(await filesOf(snapshot.dir))) named.add(name)
    const store = versionsDir(core.store.dataDir)
    expect((await readdir(store)).sort()).toEqual([...named].sort())
    const stored = await Promise.all(
      [...named].map((name) => readStoredText(path.join(store, name)))
    )
    expect(stored).not.toContain(oldVersion)
    const live = await readFile(articleFile(core.store.dataDir, ids[1]), 'utf8')
    expect(JSON.parse(live).id).toBe(ids[1])
    expect(await inSnapshot(kept.at(-1)!.dir, `articles/${ids[1]}.json`)).toBe(live)
  })

  it('completes two snapshots taken at once, and clears the temp copy of a killed one at opening', async () => {
    const { core, ids } = await library()
    const [a, b] = await Promise.all([
      takeSnapshot(core.store, 'manual'),
      takeSnapshot(core.store, 'restore')
    ])
    for (const id of ids) {
      const live = await readFile(articleFile(core.store.dataDir, id), 'utf8')
      expect(await inSnapshot(a.dir, `articles/${id}.json`)).toBe(live)
      expect(await inSnapshot(b.dir, `articles/${id}.json`)).toBe(live)
    }
    await core.close()
    const versions = versionsDir(core.store.dataDir)
    const leftover = path.join(versions, `.${ids[0]}-1-2.json.br.0123456789ab.tmp`)
    await writeFile(leftover, '{"half":')
    const reopened = await openCore({ dataDir: core.store.dataDir, version: 'test' })
    await reopened.close()
    expect((await readdir(versions)).filter((n) => n.startsWith('.'))).toEqual([])
  })

  it('takes the daily snapshot in the background: the first write lands before it ends', async () => {
    const { core, ids } = await library()
    await core.close()
    const dataDir = core.store.dataDir
    const held = gate()
    const daily = await openCore({
      dataDir,
      version: 'test',
      dailySnapshot: true,
      snapshot: { beforeCopy: () => held.wait }
    })
    const note = await value<Annotation>(daily, 'annotations.create', {
      articleId: ids[1],
      kind: 'note',
      note: 'Tulisan pertama hari ini.'
    })
    // The write returned while the snapshot is held: it is on disk, and no snapshot exists yet.
    const onDisk = JSON.parse(
      await readFile(path.join(dataDir, 'annotations', `${ids[1]}.json`), 'utf8')
    )
    expect(onDisk.annotations.map((a: Annotation) => a.id)).toEqual([note.id])
    expect(await listSnapshots(daily.store)).toEqual([])
    held.open()
    await daily.snapshotting
    const [snapshot] = await listSnapshots(daily.store)
    expect(snapshot.reason).toBe('daily')
    await daily.close()
    expect(await inSnapshot(snapshot.dir, `articles/${ids[0]}.json`)).toBe(
      await readFile(articleFile(dataDir, ids[0]), 'utf8')
    )
    expect(await inSnapshot(snapshot.dir, `annotations/${ids[1]}.json`)).toContain(
      'Tulisan pertama hari ini.'
    )
  })
})
