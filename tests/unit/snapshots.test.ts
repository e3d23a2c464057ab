import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { listSnapshots, SNAPSHOTS_KEPT, takeSnapshot } from '../../src/main/core/store/snapshots'
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

const inode = async (file: string): Promise<number> => (await stat(file)).ino
const articleFile = (dir: string, id: string): string => path.join(dir, 'articles', `${id}.json`)

/** A promise and the function that settles it: a gate a test opens when it chooses. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = (): void => undefined
  const wait = new Promise<void>((resolve) => (open = resolve))
  return { wait, open }
}

describe('snapshots that cost what changed', () => {
  it('copies an article version once and shares it between snapshots; mutable files are copied', async () => {
    const { core, ids } = await library()
    const dataDir = core.store.dataDir
    const first = await takeSnapshot(core.store, 'manual')
    const second = await takeSnapshot(core.store, 'manual')
    expect(first).toMatchObject({ stored: 2, linked: 0 })
    expect(second).toMatchObject({ stored: 0, linked: 2 })
    for (const id of ids) {
      const shared = await inode(articleFile(first.dir, id))
      expect(await inode(articleFile(second.dir, id))).toBe(shared)
      // The snapshots' copy is their own: damage to the live file cannot reach it.
      expect(shared).not.toBe(await inode(articleFile(dataDir, id)))
      expect((await stat(articleFile(first.dir, id))).nlink).toBe(3)
    }
    expect(await readdir(path.join(dataDir, 'backups', 'versions'))).toHaveLength(2)
    for (const file of ['index.json', `annotations/${ids[0]}.json`])
      expect(await inode(path.join(first.dir, file))).not.toBe(
        await inode(path.join(second.dir, file))
      )
    const before = await readFile(path.join(first.dir, 'annotations', `${ids[0]}.json`), 'utf8')
    await value(core, 'annotations.create', { articleId: ids[0], kind: 'note', note: 'Baru.' })
    await core.close()
    expect(await readFile(path.join(first.dir, 'annotations', `${ids[0]}.json`), 'utf8')).toBe(
      before
    )
  })

  it('keeps a snapshot whole when the live article file is damaged in place', async () => {
    const { core, ids } = await library()
    const snapshot = await takeSnapshot(core.store, 'manual')
    await core.close()
    const good = await readFile(articleFile(core.store.dataDir, ids[0]), 'utf8')
    await writeFile(articleFile(core.store.dataDir, ids[0]), '\0'.repeat(good.length))
    expect(await readFile(articleFile(snapshot.dir, ids[0]), 'utf8')).toBe(good)
  })

  it('keeps the old version in a snapshot when the article gets a new one', async () => {
    const { core, ids } = await library()
    const snapshot = await takeSnapshot(core.store, 'manual')
    const old = await readFile(articleFile(snapshot.dir, ids[0]), 'utf8')
    const seedText = await readFile(SEED, 'utf8')
    const [outcome] = await value<Array<{ status: string }>>(core, 'articles.import', {
      items: [{ name: 'seed.txt', text: `${seedText}\nParagraf tambahan.` }]
    })
    expect(outcome.status).toBe('new-version')
    await core.close()
    expect(await readFile(articleFile(snapshot.dir, ids[0]), 'utf8')).toBe(old)
    expect(JSON.parse(old).versions).toHaveLength(1)
    const live = JSON.parse(await readFile(articleFile(core.store.dataDir, ids[0]), 'utf8'))
    expect(live.versions).toHaveLength(2)
  })

  it('copies the article files where the file system cannot hard-link', async () => {
    const { core, ids } = await library()
    const crossDevice = async (): Promise<void> => {
      throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' })
    }
    const snapshot = await takeSnapshot(core.store, 'manual', { link: crossDevice })
    await core.close()
    expect(snapshot).toMatchObject({ linked: 0, copied: 5 })
    for (const id of ids) {
      const live = articleFile(core.store.dataDir, id)
      expect(await inode(articleFile(snapshot.dir, id))).not.toBe(await inode(live))
      expect(await readFile(articleFile(snapshot.dir, id), 'utf8')).toBe(
        await readFile(live, 'utf8')
      )
    }
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

  it('prunes old snapshots and then the stored versions no kept snapshot names', async () => {
    const { core, ids } = await library()
    const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 2))
    const oldest = await takeSnapshot(core.store, 'manual')
    const oldVersion = await readFile(articleFile(oldest.dir, ids[0]), 'utf8')
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
    // The first version of ids[0] was only in the pruned snapshot: its stored copy went too.
    const store = path.join(core.store.dataDir, 'backups', 'versions')
    const stored = await Promise.all(
      (await readdir(store)).map((name) => readFile(path.join(store, name), 'utf8'))
    )
    expect(stored).toHaveLength(2)
    expect(stored).not.toContain(oldVersion)
    const live = await readFile(articleFile(core.store.dataDir, ids[1]), 'utf8')
    expect(JSON.parse(live).id).toBe(ids[1])
    expect(await readFile(articleFile(kept.at(-1)!.dir, ids[1]), 'utf8')).toBe(live)
    // The store's name plus one per kept snapshot.
    expect((await stat(articleFile(kept[0].dir, ids[1]))).nlink).toBe(SNAPSHOTS_KEPT + 1)
  })

  it('completes two snapshots taken at once, and clears the temp copy of a killed one at opening', async () => {
    const { core, ids } = await library()
    const [a, b] = await Promise.all([
      takeSnapshot(core.store, 'manual'),
      takeSnapshot(core.store, 'restore')
    ])
    for (const id of ids)
      expect(await readFile(articleFile(a.dir, id), 'utf8')).toBe(
        await readFile(articleFile(b.dir, id), 'utf8')
      )
    await core.close()
    const versions = path.join(core.store.dataDir, 'backups', 'versions')
    const leftover = path.join(versions, `.${ids[0]}-1-2.json.0123456789ab.tmp`)
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
    expect(await readFile(articleFile(snapshot.dir, ids[0]), 'utf8')).toBe(
      await readFile(articleFile(dataDir, ids[0]), 'utf8')
    )
  })
})
