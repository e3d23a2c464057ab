import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Annotation } from '../../src/shared/model'
import { openCore, type Core } from '../../src/main/core/core'
import { syncLibrary } from '../../src/main/core/sync/engine'
import { runSorot } from '../support/cli'
import { startCouchServer, startFlakyProxy, type CouchServer } from '../support/couch-server'
import { value } from '../support/core'

let server: CouchServer
let dbCount = 0

beforeAll(async () => {
  server = await startCouchServer()
}, 90_000)
afterAll(async () => server?.stop())

const newDb = (): string => `faults${(dbCount += 1)}`

async function device(): Promise<Core> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-sync-faults-'))
  return openCore({ dataDir, version: 'test' })
}

async function withArticle(core: Core): Promise<string> {
  const [outcome] = await value<Array<{ id: string }>>(core, 'articles.import', {
    items: [
      {
        name: 'kopi.txt',
        text: 'Ekspor kopi naik\n\nMenteri Perdagangan mengatakan bahwa ekspor kopi naik tajam tahun ini.'
      }
    ]
  })
  await value<Annotation>(core, 'annotations.create', {
    articleId: outcome.id,
    kind: 'note',
    note: 'catatan rahasia tentang kopi'
  })
  return outcome.id
}

/** Every file of a data dir with its bytes (sync.json aside), to show nothing changed. */
async function filesOf(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {}
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === 'sync.json') continue
    const file = path.join(entry.parentPath, entry.name)
    files[path.relative(dir, file)] = await readFile(file, 'utf8')
  }
  return files
}

async function putRaw(db: string, docs: object[]): Promise<void> {
  await fetch(`${server.url}/${db}`, { method: 'PUT' })
  const response = await fetch(`${server.url}/${db}/_bulk_docs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ docs })
  })
  expect(response.status).toBe(201)
}

describe('sync faults: each gives a clear error and leaves the local library as it was', () => {
  const hostile: Array<[string, object, RegExp]> = [
    ['an id with ..', { _id: 'annotation:../../etc', kind: 'annotation' }, /bad id/],
    ['an id __proto__', { _id: 'annotation:__proto__', kind: 'annotation' }, /forbidden id/],
    [
      'a malformed body',
      { _id: 'article:abc', kind: 'article', meta: { title: 5 }, localId: 'x', versions: [] },
      /malformed document article:abc: meta/
    ],
    [
      'a huge document',
      { _id: 'article:big', kind: 'article', pad: 'x'.repeat(9 * 1024 * 1024) },
      /article:big of \d+ bytes/
    ]
  ]
  for (const [name, doc, message] of hostile)
    it(`refuses ${name} from the server`, async () => {
      const db = newDb()
      await putRaw(db, [doc])
      const core = await device()
      await withArticle(core)
      await core.store.flush()
      const before = await filesOf(core.store.dataDir)
      await expect(syncLibrary(core.store, { url: server.url, database: db })).rejects.toThrow(
        message
      )
      await core.store.flush()
      expect(await filesOf(core.store.dataDir)).toEqual(before)
      await core.close()
    }, 60_000)

  it('names a wrong URL and a bad database name', async () => {
    const core = await device()
    await expect(
      syncLibrary(core.store, { url: 'http://127.0.0.1:9', database: 'lib' })
    ).rejects.toThrow(/Cannot reach http:\/\/127\.0\.0\.1:9\/lib/)
    await expect(syncLibrary(core.store, { url: 'ftp://x', database: 'lib' })).rejects.toThrow(
      /url: must start with http/
    )
    await expect(syncLibrary(core.store, { url: server.url, database: '../etc' })).rejects.toThrow(
      /db: "..\/etc" is not a CouchDB database name/
    )
    await core.close()
  }, 30_000)

  it('keeps the server blind with a passphrase, and refuses a wrong one writing nothing', async () => {
    const db = newDb()
    const a = await device()
    await withArticle(a)
    await syncLibrary(a.store, { url: server.url, database: db, passphrase: 'kata sandi panjang' })
    const all = await (await fetch(`${server.url}/${db}/_all_docs?include_docs=true`)).json()
    const docs = (all as { rows: Array<{ doc: Record<string, unknown> }> }).rows.map((r) => r.doc)
    // The passphrase check, the article, its annotation and the reader's settings document.
    expect(docs.map((d) => String(d._id).split(':')[0]).sort()).toEqual([
      'annotation',
      'article',
      'reader',
      'sorot'
    ])
    const text = JSON.stringify(docs)
    expect(text).not.toMatch(/kopi|Menteri|catatan|rahasia/)
    for (const doc of docs.filter((d) => d._id !== 'sorot:crypto'))
      expect(Object.keys(doc).sort()).toEqual(['_id', '_rev', 'enc'])

    const b = await device()
    await b.store.flush()
    const before = await filesOf(b.store.dataDir)
    await expect(
      syncLibrary(b.store, { url: server.url, database: db, passphrase: 'salah' })
    ).rejects.toThrow(/Wrong passphrase/)
    await expect(syncLibrary(b.store, { url: server.url, database: db })).rejects.toThrow(
      /is encrypted: give the passphrase/
    )
    expect(await filesOf(b.store.dataDir)).toEqual(before)
    await syncLibrary(b.store, { url: server.url, database: db, passphrase: 'kata sandi panjang' })
    const [article] = b.store.index.data.articles
    expect(article?.title).toBe('Ekspor kopi naik')
    await Promise.all([a.close(), b.close()])
  }, 60_000)

  it('syncs from the command line with the password from the environment', async () => {
    const db = newDb()
    const dirA = await mkdtemp(path.join(os.tmpdir(), 'sorot-sync-cli-'))
    const dirB = await mkdtemp(path.join(os.tmpdir(), 'sorot-sync-cli-'))
    const a = await openCore({ dataDir: dirA, version: 'test' })
    await withArticle(a)
    await a.close()
    const first = await runSorot([
      '--data-dir',
      dirA,
      'sync',
      '--url',
      server.url,
      '--db',
      db,
      '--json'
    ])
    expect(first.code).toBe(0)
    // The article, its annotation and the reader's settings document.
    expect(JSON.parse(first.stdout)).toMatchObject({ pushed: 3 })
    const second = await runSorot(['--data-dir', dirB, 'sync', '--url', server.url, '--db', db])
    expect(second.stderr).toMatch(/3 received, .* 1 new articles/)
    const listed = JSON.parse((await runSorot(['--data-dir', dirB, 'list', '--json'])).stdout)
    expect(listed.map((x: { title: string }) => x.title)).toEqual(['Ekspor kopi naik'])
    const state = JSON.parse(await readFile(path.join(dirB, 'sync.json'), 'utf8'))
    expect(Object.keys(state).sort()).toEqual(
      [
        'database',
        'deviceId',
        'lastSeq',
        'lastSyncAt',
        'readerBase',
        'schemaVersion',
        'url',
        'user'
      ].sort()
    )
    const usage = await runSorot(['--data-dir', dirB, 'sync', '--db', db])
    expect(usage.code).toBe(0)
    const stopped = await runSorot(['--data-dir', dirB, 'sync', '--stop'])
    expect(stopped.stderr).toMatch(/no longer syncs/)
    const noUrl = await runSorot(['--data-dir', dirB, 'sync', '--db', db])
    expect(noUrl.code).toBe(2)
    expect(noUrl.stderr).toMatch(/sync needs --url/)
  }, 60_000)
})

describe('team libraries', () => {
  it('records authors, refuses wrong credentials, and keeps a read-only member’s edits local', async () => {
    const db = newDb()
    const proxy = await startFlakyProxy(server.url, {
      editor: { password: 'tulis' },
      reader: { password: 'baca', readOnly: true }
    })
    const editor = await device()
    const articleId = await withArticle(editor)
    const team = { url: proxy.url, database: db }
    await expect(
      syncLibrary(editor.store, { ...team, user: 'editor', password: 'salah' })
    ).rejects.toThrow(/refused the user name or password \(401\)/)
    await syncLibrary(editor.store, { ...team, user: 'editor', password: 'tulis', author: 'Sari' })
    const [note] = await value<Annotation[]>(editor, 'annotations.list', { articleId })
    expect(note?.author).toBe('Sari')

    const reader = await device()
    const first = await syncLibrary(reader.store, { ...team, user: 'reader', password: 'baca' })
    expect(first.readOnly).toBe(false)
    const [article] = reader.store.index.data.articles
    const [received] = await value<Annotation[]>(reader, 'annotations.list', {
      articleId: article?.id
    })
    expect(received).toMatchObject({ note: 'catatan rahasia tentang kopi', author: 'Sari' })
    await value(reader, 'annotations.create', {
      articleId: article?.id,
      kind: 'highlight',
      start: 0,
      end: 10
    })
    const second = await syncLibrary(reader.store, { ...team, user: 'reader', password: 'baca' })
    expect(second.readOnly).toBe(true)
    // The reader's highlight stays on their device only.
    expect(
      await value<Annotation[]>(reader, 'annotations.list', { articleId: article?.id })
    ).toHaveLength(2)
    await syncLibrary(editor.store, { ...team, user: 'editor', password: 'tulis' })
    expect(await value<Annotation[]>(editor, 'annotations.list', { articleId })).toHaveLength(1)
    await proxy.close()
    await Promise.all([editor.close(), reader.close()])
  }, 60_000)
})
