import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { JSDOM } from 'jsdom'
import { Lexer, type Token } from 'marked'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core/core'
import { syncLibrary } from '../../src/main/core/sync/engine'
import type { Annotation } from '../../src/shared/model'
import { runSorot as sorot } from '../support/cli'
import { value } from '../support/core'
import { startCouchServer, type CouchServer } from '../support/couch-server'

// A team library: each annotation carries who made it (a display name per device), through
// sync to the other devices, into the exports, and as a filter.
let server: CouchServer
let dir = ''
let core: Core
let articleId = ''

const TEXT =
  'Rapat anggaran daerah\n\nDewan menyetujui anggaran pendidikan. Gubernur meminta pengawasan ketat.'

type Rendered = { content: string }
const render = (input: Record<string, unknown>): Promise<Rendered> =>
  value<Rendered>(core, 'export.render', { articleIds: [articleId], language: 'id', ...input })

async function mark(on: Core, id: string, quote: string, note: string): Promise<void> {
  const start = TEXT.indexOf(quote) - 'Rapat anggaran daerah\n\n'.length
  await value(on, 'annotations.create', {
    articleId: id,
    kind: 'highlight',
    start,
    end: start + quote.length,
    note
  })
}

beforeAll(async () => {
  server = await startCouchServer()
  const remote = { url: server.url, database: 'tim' }
  dir = await mkdtemp(path.join(os.tmpdir(), 'sorot-authors-'))
  core = await openCore({ dataDir: dir, version: 'test' })
  const other = await openCore({
    dataDir: await mkdtemp(path.join(os.tmpdir(), 'sorot-authors-')),
    version: 'test'
  })
  const [outcome] = await value<Array<{ id: string }>>(core, 'articles.import', {
    items: [{ name: 'rapat.txt', text: TEXT }]
  })
  articleId = outcome?.id ?? ''
  await mark(core, articleId, 'Dewan menyetujui anggaran', 'catatan Sari')
  await syncLibrary(core.store, { ...remote, author: 'Sari' })
  await syncLibrary(other.store, { ...remote, author: 'Budi Santoso' })
  const [otherArticle] = other.store.index.data.articles
  await mark(other, otherArticle?.id ?? '', 'Gubernur meminta', 'catatan Budi')
  await syncLibrary(other.store, { ...remote, author: 'Budi Santoso' })
  await syncLibrary(core.store, { ...remote, author: 'Sari' })
  await other.close()
}, 120_000)
afterAll(async () => {
  await core?.close()
  await server?.stop()
})

describe('authors of annotations in a shared library', () => {
  it('each device records its own name, and sync carries it to the other', async () => {
    const listed = await value<Annotation[]>(core, 'annotations.list', { articleId })
    expect(listed.map((a) => [a.note, a.author])).toEqual([
      ['catatan Sari', 'Sari'],
      ['catatan Budi', 'Budi Santoso']
    ])
  })

  it('Markdown names who annotated each highlight', async () => {
    const { content } = await render({ format: 'md' })
    const paragraphs = new Lexer()
      .lex(content)
      .filter((t): t is Token & { text: string } => t.type === 'paragraph')
      .map((t) => t.text)
    expect(paragraphs).toContain('*Warna: kuning · Dianotasi oleh Sari*')
    expect(paragraphs).toContain('*Warna: kuning · Dianotasi oleh Budi Santoso*')
  })

  it('JSON-LD gives each annotation its creator, a W3C Person', async () => {
    const { content } = await render({ format: 'jsonld' })
    const items = JSON.parse(content).first.items as Array<Record<string, unknown>>
    expect(items.map((item) => item.creator)).toEqual([
      { type: 'Person', name: 'Sari' },
      { type: 'Person', name: 'Budi Santoso' }
    ])
  })

  it('Readwise CSV keeps its columns and names the annotator in the note', async () => {
    const { content } = await render({ format: 'csv', language: 'en' })
    const rows = parseCsv(content, { columns: true }) as Array<Record<string, string>>
    expect(Object.keys(rows[0] ?? {})).toEqual([
      'Highlight',
      'Title',
      'Author',
      'URL',
      'Note',
      'Location',
      'Date'
    ])
    expect(rows.map((row) => row.Note)).toEqual([
      'catatan Sari\nAnnotated by Sari',
      'catatan Budi\nAnnotated by Budi Santoso'
    ])
  })

  it('HTML footnotes name who annotated', async () => {
    const { content } = await render({ format: 'html' })
    const { document } = new JSDOM(content).window
    const details = [...document.querySelectorAll('li[data-annotation-id] .details')].map(
      (p) => p.textContent
    )
    expect(details).toEqual([
      'Warna: kuning · Dianotasi oleh Sari',
      'Warna: kuning · Dianotasi oleh Budi Santoso'
    ])
  })

  it('an export for one author holds only that author’s annotations', async () => {
    const { content } = await render({ format: 'jsonld', author: '  budi   santoso ' })
    const items = JSON.parse(content).first.items as Array<{ body: { value: string } }>
    expect(items.map((item) => item.body.value)).toEqual(['catatan Budi'])
    const none = await render({ format: 'jsonld', author: 'Ani' })
    expect(JSON.parse(none.content).total).toBe(0)
  })

  it('importing the JSON-LD export gives the annotations their authors back', async () => {
    const { content } = await render({ format: 'jsonld' })
    for (const annotation of await value<Annotation[]>(core, 'annotations.list', { articleId }))
      await value(core, 'annotations.delete', { articleId, id: annotation.id })
    await value(core, 'annotations.emptyTrash', { articleId })
    await value(core, 'annotations.importJsonLd', { content })
    const back = await value<Annotation[]>(core, 'annotations.list', { articleId })
    expect(back.map((a) => [a.note, a.author])).toEqual([
      ['catatan Sari', 'Sari'],
      ['catatan Budi', 'Budi Santoso']
    ])
  })

  it('sorot annotations --author lists one person’s annotations, with the author', async () => {
    await core.close()
    try {
      const run = await sorot([
        '--data-dir',
        dir,
        'annotations',
        articleId,
        '--author',
        'sari',
        '--json'
      ])
      expect(run.code, run.stderr).toBe(0)
      const rows = JSON.parse(run.stdout) as Array<{ note: string; author: string }>
      expect(rows.map((row) => [row.note, row.author])).toEqual([['catatan Sari', 'Sari']])
      const text = await sorot(['--data-dir', dir, 'annotations', articleId])
      expect(text.stdout).toContain('by Budi Santoso')
    } finally {
      core = await openCore({ dataDir: dir, version: 'test' })
    }
  })
})
