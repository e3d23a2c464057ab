import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Annotation } from '../../src/shared/model'
import { openCore, type Core } from '../../src/main/core/core'
import { syncLibrary } from '../../src/main/core/sync/engine'
import { mergeAnnotations } from '../../src/main/core/sync/merge'
import { startCouchServer, type CouchServer } from '../support/couch-server'
import { value } from '../support/core'

// "Two versions of this note": the reader keeps one, and the choice holds on every device.
let server: CouchServer
let dbCount = 0

beforeAll(async () => {
  server = await startCouchServer()
}, 90_000)
afterAll(async () => server?.stop())

async function device(): Promise<Core> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-choice-'))
  return openCore({ dataDir, version: 'test' })
}

const sync = async (core: Core, db: string): Promise<void> => {
  await syncLibrary(core.store, { url: server.url, database: db })
}

async function only(core: Core): Promise<Annotation> {
  const [article] = core.store.index.data.articles
  const [annotation] = await value<Annotation[]>(core, 'annotations.list', {
    articleId: article?.id
  })
  if (!annotation) throw new Error('no annotation')
  return annotation
}

/** Two devices whose copies of one highlight hold two texts of its note. */
async function conflicted(db: string): Promise<[Core, Core]> {
  const [a, b] = [await device(), await device()]
  const [outcome] = await value<Array<{ id: string }>>(a, 'articles.import', {
    items: [
      { name: 'x.txt', text: 'Pilkada serentak\n\nKomisi pemilihan umum menyiapkan logistik.' }
    ]
  })
  await value(a, 'annotations.create', {
    articleId: outcome?.id,
    kind: 'highlight',
    start: 0,
    end: 16
  })
  await sync(a, db)
  await sync(b, db)
  const mark = await only(a)
  const edit = { articleId: mark.articleId, id: mark.id }
  await value(a, 'annotations.update', { ...edit, note: 'dari laptop' })
  const onB = await only(b)
  await value(b, 'annotations.update', { ...edit, articleId: onB.articleId, note: 'dari rumah' })
  await sync(a, db)
  await sync(b, db)
  await sync(a, db)
  return [a, b]
}

const texts = (a: Annotation): string[] => [a.note, ...(a.otherNotes ?? [])].sort()

describe('choosing one of two versions of a note', () => {
  for (const keep of ['winner', 'other'] as const)
    it(`keeps the ${keep} text on both devices and the choice is not undone by the next sync`, async () => {
      const db = `choice-${keep}-${(dbCount += 1)}`
      const [a, b] = await conflicted(db)
      const before = await only(a)
      expect(texts(before)).toEqual(['dari laptop', 'dari rumah'])
      const chosen = keep === 'winner' ? before.note : (before.otherNotes?.[0] as string)
      const after = await value<Annotation>(a, 'annotations.update', {
        articleId: before.articleId,
        id: before.id,
        note: chosen,
        otherNotes: []
      })
      expect(after.note).toBe(chosen)
      expect(after.otherNotes).toBeUndefined()
      // b still holds both texts: its stale copy must not bring the other one back.
      await sync(b, db)
      await sync(a, db)
      await sync(b, db)
      for (const core of [a, b]) {
        const seen = await only(core)
        expect(seen.note).toBe(chosen)
        expect(seen.otherNotes).toBeUndefined()
      }
      await Promise.all([a.close(), b.close()])
    }, 60_000)

  it('undoing the choice (the note and its other texts put back) brings both texts back', async () => {
    const db = `choice-undo-${(dbCount += 1)}`
    const [a, b] = await conflicted(db)
    const before = await only(a)
    const ref = { articleId: before.articleId, id: before.id }
    await value(a, 'annotations.update', { ...ref, note: 'dari rumah', otherNotes: [] })
    await value(a, 'annotations.update', {
      ...ref,
      note: before.note,
      otherNotes: before.otherNotes
    })
    expect(texts(await only(a))).toEqual(['dari laptop', 'dari rumah'])
    await sync(a, db)
    await sync(b, db)
    expect(texts(await only(b))).toEqual(['dari laptop', 'dari rumah'])
    await Promise.all([a.close(), b.close()])
  }, 60_000)
})

describe('mergeAnnotations and a chosen note', () => {
  const base: Annotation = {
    id: 'n1',
    articleId: 'a1',
    kind: 'note',
    color: 'yellow',
    labels: [],
    note: 'dari laptop',
    otherNotes: ['dari rumah'],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    fieldTimes: { note: '2026-01-02T00:00:00.000Z' }
  }
  const chosen: Annotation = {
    ...base,
    otherNotes: undefined,
    updatedAt: '2026-01-03T00:00:00.000Z',
    fieldTimes: { note: '2026-01-03T00:00:00.000Z', otherNotes: '2026-01-03T00:00:00.000Z' }
  }
  delete chosen.otherNotes

  it('the copy that chose wins over a copy that has not seen the choice, either way round', () => {
    const since = '2026-01-02T12:00:00.000Z'
    for (const merged of [
      mergeAnnotations(chosen, base, since),
      mergeAnnotations(base, chosen, since)
    ]) {
      expect(merged.note).toBe('dari laptop')
      expect(merged.otherNotes).toBeUndefined()
    }
  })

  it('a third text written after the choice on another device is kept for the reader', () => {
    const since = '2026-01-02T12:00:00.000Z'
    const later: Annotation = {
      ...base,
      note: 'dari kantor',
      updatedAt: '2026-01-04T00:00:00.000Z',
      fieldTimes: { note: '2026-01-04T00:00:00.000Z' }
    }
    const merged = mergeAnnotations(chosen, later, since)
    expect(merged.note).toBe('dari kantor')
    expect(merged.otherNotes).toEqual(['dari laptop'])
  })
})
