import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core'
import { openCore } from '../../src/main/core/core'
import { reanchorAnnotations } from '../../src/main/core/library/versions'
import type { Annotation, SorotEvent } from '../../src/shared/model'
import { canonicalText } from '../../src/shared/text'
import { CORPUS, importFile, SEED, tempCore, value } from '../support/core'

const SENTENCE = 'Saat ini belum ada informasi mengenai reaksi Armenia.'
const PHRASE = 'operasi "Tentara Bayaran" CSTO terus mengendalikan perekrutan'
const LUKASHENKO = 'Presiden Belarus Alexander Lukashenko'

interface Seeded {
  core: Core
  id: string
  text: string
}

async function seeded(): Promise<Seeded> {
  const core = await tempCore()
  const { id } = await importFile(core, SEED)
  const { text } = await value<{ text: string }>(core, 'articles.get', { id })
  return { core, id, text }
}

/** Creates a highlight (or another kind) over the first occurrence of `phrase`. */
function highlight(
  { core, id, text }: Seeded,
  phrase: string,
  extra: Record<string, unknown> = {}
): Promise<Annotation> {
  const start = text.indexOf(phrase)
  if (start === -1) throw new Error(`not in the article: ${phrase}`)
  return value<Annotation>(core, 'annotations.create', {
    articleId: id,
    kind: 'highlight',
    start,
    end: start + phrase.length,
    ...extra
  })
}

const list = (s: Seeded, trash?: boolean): Promise<Annotation[]> =>
  value<Annotation[]>(s.core, 'annotations.list', { articleId: s.id, ...(trash && { trash }) })

const annotationsFile = (s: Seeded): string =>
  path.join(s.core.store.dataDir, 'annotations', `${s.id}.json`)

/** Every file under the data dir with its modification time. */
async function mtimes(dir: string): Promise<Map<string, number>> {
  const times = new Map<string, number>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const file = path.join(entry.parentPath, entry.name)
    times.set(path.relative(dir, file), (await stat(file)).mtimeMs)
  }
  return times
}

const exactOf = (a: Annotation): string | undefined => a.target?.selectors[1].exact

describe('annotations', () => {
  it('creates highlights, quotes and an article note and lists them in text order', async () => {
    const s = await seeded()
    const later = await highlight(s, SENTENCE, { labels: ['fact', ' fact ', 'important'] })
    const earlier = await highlight(s, PHRASE, {
      kind: 'quote',
      color: 'blue',
      speaker: 'Vladimir Putin'
    })
    const note = await value<Annotation>(s.core, 'annotations.create', {
      articleId: s.id,
      kind: 'note',
      note: '**Ringkasan**: KTT CSTO di Minsk.'
    })

    expect(later).toMatchObject({
      articleId: s.id,
      kind: 'highlight',
      color: 'yellow',
      labels: ['fact', 'important'],
      note: '',
      target: { version: 1 }
    })
    expect(later.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(later.createdAt).toBe(later.updatedAt)
    expect(exactOf(later)).toBe(SENTENCE)
    expect(later.target?.selectors[1].prefix).toHaveLength(32)
    expect(earlier).toMatchObject({ kind: 'quote', color: 'blue', speaker: 'Vladimir Putin' })
    expect(note.target).toBeUndefined()

    const listed = await list(s)
    expect(listed.map((a) => a.id)).toEqual([note.id, earlier.id, later.id])
    expect(listed[2]).toEqual(later)

    // The annotations survive a restart, read back through the file's schema.
    await s.core.close()
    const reopened = await openCore({ dataDir: s.core.store.dataDir, version: 'test' })
    expect(await list({ ...s, core: reopened })).toEqual(listed)
  })

  it('keeps at most one article note per article', async () => {
    const s = await seeded()
    const first = await value<Annotation>(s.core, 'annotations.create', {
      articleId: s.id,
      kind: 'note',
      note: 'satu'
    })
    const second = await s.core.dispatch('annotations.create', {
      articleId: s.id,
      kind: 'note',
      note: 'dua'
    })
    expect(second).toEqual({
      ok: false,
      error: { code: 'bad_input', message: expect.stringContaining(first.id) }
    })
    // A note on a passage is not the article note.
    await highlight(s, SENTENCE, { kind: 'note', note: 'Perlu dicek.' })
    expect((await list(s)).map((a) => a.note)).toEqual(['satu', 'Perlu dicek.'])
  })

  it('updates colour, labels, note and speaker, and re-targets to a new range', async () => {
    const s = await seeded()
    const made = await highlight(s, SENTENCE)
    await new Promise((resolve) => setTimeout(resolve, 5))
    const updated = await value<Annotation>(s.core, 'annotations.update', {
      articleId: s.id,
      id: made.id,
      color: 'green',
      labels: ['question'],
      note: 'Kenapa?',
      speaker: null
    })
    expect(updated).toMatchObject({
      id: made.id,
      color: 'green',
      labels: ['question'],
      note: 'Kenapa?',
      speaker: null,
      createdAt: made.createdAt,
      target: made.target
    })
    expect(updated.updatedAt > made.updatedAt).toBe(true)

    const start = s.text.indexOf(LUKASHENKO)
    const moved = await value<Annotation>(s.core, 'annotations.update', {
      articleId: s.id,
      id: made.id,
      start,
      end: start + LUKASHENKO.length
    })
    expect(exactOf(moved)).toBe(LUKASHENKO)
    expect(moved.target?.selectors[0]).toEqual({
      type: 'TextPositionSelector',
      start,
      end: start + LUKASHENKO.length
    })
    expect(moved.color).toBe('green')
    expect(await list(s)).toEqual([moved])
  })

  it('moves annotations to the trash, restores them and empties the trash for good', async () => {
    const s = await seeded()
    const kept = await highlight(s, PHRASE)
    const gone = await highlight(s, SENTENCE)

    const deleted = await value<Annotation>(s.core, 'annotations.delete', {
      articleId: s.id,
      id: gone.id
    })
    expect(deleted.deletedAt).toEqual(expect.any(String))
    expect((await list(s)).map((a) => a.id)).toEqual([kept.id])
    expect((await list(s, true)).map((a) => a.id)).toEqual([gone.id])
    const refused = await s.core.dispatch('annotations.update', {
      articleId: s.id,
      id: gone.id,
      color: 'pink'
    })
    expect(refused.ok).toBe(false)

    const restored = await value<Annotation>(s.core, 'annotations.restore', {
      articleId: s.id,
      id: gone.id
    })
    expect(restored.deletedAt).toBeUndefined()
    expect((await list(s)).map((a) => a.id)).toEqual([kept.id, gone.id])
    expect(await list(s, true)).toEqual([])

    await value(s.core, 'annotations.delete', { articleId: s.id, id: gone.id })
    const emptied = await value<Annotation[]>(s.core, 'annotations.emptyTrash', {
      articleId: s.id
    })
    expect(emptied.map((a) => a.id)).toEqual([gone.id])
    expect(await list(s, true)).toEqual([])
    expect((await list(s)).map((a) => a.id)).toEqual([kept.id])
    const onDisk = JSON.parse(await readFile(annotationsFile(s), 'utf8'))
    expect(onDisk.schemaVersion).toBe(1)
    expect(onDisk.annotations.map((a: Annotation) => a.id)).toEqual([kept.id])
    const missing = await s.core.dispatch('annotations.restore', { articleId: s.id, id: gone.id })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('refuses bad offsets, colours and kinds by field name and writes nothing', async () => {
    const s = await seeded()
    const length = s.text.length
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ kind: 'highlight' }, /^start: a highlight needs start and end/],
      [{ kind: 'quote', start: 5 }, /^end: is required/],
      [{ kind: 'highlight', end: 5 }, /^start: is required/],
      [{ kind: 'highlight', start: 10, end: length + 1 }, new RegExp(`^end: .*at most ${length}`)],
      [{ kind: 'highlight', start: length, end: length }, /^start: must be a whole number/],
      [{ kind: 'highlight', start: 20, end: 20 }, /^end: must be greater than start/],
      [{ kind: 'highlight', start: 20, end: 10 }, /^end: must be greater than start/],
      [{ kind: 'highlight', start: -1, end: 10 }, /^annotations\.create: start:/],
      [{ kind: 'highlight', start: 1.5, end: 10 }, /^annotations\.create: start:/],
      [{ kind: 'highlight', start: 0, end: 10, color: 'red' }, /^annotations\.create: color:/],
      [{ kind: 'comment', start: 0, end: 10 }, /^annotations\.create: kind:/]
    ]
    for (const [input, message] of cases) {
      const result = await s.core.dispatch('annotations.create', { articleId: s.id, ...input })
      expect(result.ok, JSON.stringify(input)).toBe(false)
      if (!result.ok) {
        expect(result.error.code, JSON.stringify(input)).toBe('bad_input')
        expect(result.error.message, JSON.stringify(input)).toMatch(message)
      }
    }
    const unknown = await s.core.dispatch('annotations.create', {
      articleId: 'no-such-article',
      kind: 'note'
    })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await readdir(path.join(s.core.store.dataDir, 'annotations'))).toEqual([])

    const made = await highlight(s, SENTENCE)
    const before = await readFile(annotationsFile(s), 'utf8')
    const retarget = await s.core.dispatch('annotations.update', {
      articleId: s.id,
      id: made.id,
      start: 0,
      end: length + 10
    })
    expect(retarget).toMatchObject({ ok: false, error: { code: 'bad_input' } })
    expect(await readFile(annotationsFile(s), 'utf8')).toBe(before)
  })

  it("writes only the article's own annotations file", async () => {
    const s = await seeded()
    const other = await importFile(s.core, path.join(CORPUS, 'real', (await firstReal())[0]))
    expect(other.status).toBe('imported')
    await highlight(s, PHRASE)
    const before = await mtimes(s.core.store.dataDir)
    await new Promise((resolve) => setTimeout(resolve, 20))

    const made = await highlight(s, SENTENCE)
    await value(s.core, 'annotations.update', { articleId: s.id, id: made.id, color: 'pink' })
    await value(s.core, 'annotations.delete', { articleId: s.id, id: made.id })
    await s.core.close()

    const after = await mtimes(s.core.store.dataDir)
    const own = path.join('annotations', `${s.id}.json`)
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort())
    for (const [file, mtime] of after) {
      if (file === own) expect(mtime, file).toBeGreaterThan(before.get(file) ?? 0)
      else expect(mtime, file).toBe(before.get(file))
    }
  })

  it('tells the UI after every change', async () => {
    const s = await seeded()
    const events: SorotEvent[] = []
    s.core.events.subscribe((event) => events.push(event))
    const made = await highlight(s, SENTENCE)
    await value(s.core, 'annotations.update', { articleId: s.id, id: made.id, note: 'x' })
    await value(s.core, 'annotations.delete', { articleId: s.id, id: made.id })
    await value(s.core, 'annotations.restore', { articleId: s.id, id: made.id })
    await value(s.core, 'annotations.emptyTrash', { articleId: s.id })
    await list(s)
    expect(events).toEqual(
      Array.from({ length: 5 }, () => ({ type: 'annotations.changed', articleId: s.id }))
    )
  })

  it('re-anchors onto a new version and keeps the unplaceable ones as orphans', async () => {
    const s = await seeded()
    const moved = await highlight(s, SENTENCE, { color: 'purple' })
    const lost = await highlight(s, PHRASE, { kind: 'quote', speaker: 'Putin' })
    const trashed = await highlight(s, LUKASHENKO)
    await value(s.core, 'annotations.delete', { articleId: s.id, id: trashed.id })

    // Version 2: a new first paragraph, and the paragraph with PHRASE is gone.
    const articleFile = await s.core.store.articleFile(s.id)
    const v1 = articleFile.data.versions[0]
    const blocks = [
      { type: 'p' as const, text: 'Pembaruan: artikel ini telah diperbarui oleh redaksi.' },
      ...v1.blocks.filter((block) => !block.text.includes(PHRASE))
    ]
    await articleFile.update((file) => {
      file.versions.push({ ...v1, version: 2, blocks, importedAt: new Date().toISOString() })
    })
    const v2Text = canonicalText(blocks)

    expect(await reanchorAnnotations(s.core.store, s.id)).toEqual({ anchored: 2, orphaned: 1 })
    const [placed, orphan] = await list(s)
    expect(placed).toMatchObject({ id: moved.id, color: 'purple', target: { version: 2 } })
    expect(placed.orphan).toBeUndefined()
    const position = placed.target!.selectors[0]
    expect(v2Text.slice(position.start, position.end)).toBe(SENTENCE)
    expect(position.start).toBe(v2Text.indexOf(SENTENCE))
    expect(placed.target!.selectors[1].prefix).toBe(
      v2Text.slice(position.start - 32, position.start)
    )

    expect(orphan).toMatchObject({ id: lost.id, orphan: true, speaker: 'Putin' })
    expect(orphan.target).toEqual(lost.target)
    const [inTrash] = await list(s, true)
    expect(inTrash).toMatchObject({ id: trashed.id, target: { version: 2 } })

    // Nothing left to move: a second pass writes nothing.
    const before = await readFile(annotationsFile(s), 'utf8')
    expect(await reanchorAnnotations(s.core.store, s.id)).toEqual({ anchored: 0, orphaned: 0 })
    expect(await readFile(annotationsFile(s), 'utf8')).toBe(before)

    // The reader re-attaches the orphan to a passage of the new version.
    const start = v2Text.indexOf('Presiden Putin juga mencatat')
    const reattached = await value<Annotation>(s.core, 'annotations.update', {
      articleId: s.id,
      id: lost.id,
      start,
      end: start + 'Presiden Putin juga mencatat'.length
    })
    expect(reattached.orphan).toBeUndefined()
    expect(reattached.target?.version).toBe(2)
    expect((await list(s)).map((a) => a.id)).toEqual([lost.id, moved.id])
  })

  it('does not create an annotations file when re-anchoring an article without any', async () => {
    const s = await seeded()
    expect(await reanchorAnnotations(s.core.store, s.id)).toEqual({ anchored: 0, orphaned: 0 })
    expect(await readdir(path.join(s.core.store.dataDir, 'annotations'))).toEqual([])
  })
})

/** The real corpus articles, sorted. */
async function firstReal(): Promise<string[]> {
  return (await readdir(path.join(CORPUS, 'real'))).filter((f) => f.endsWith('.txt')).sort()
}
