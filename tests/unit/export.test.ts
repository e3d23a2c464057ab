import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { parse as parseCsv } from 'csv-parse/sync'
import { JSDOM } from 'jsdom'
import { Lexer, type Token } from 'marked'
import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import type { Core } from '../../src/main/core/core'
import {
  plainFileName,
  writeFilesIntoFolder,
  writeSavedFile
} from '../../src/main/core/export/save-files'
import { saveFileRequestSchema } from '../../src/shared/save-requests'
import type { Annotation, ArticleDetail } from '../../src/shared/model'
import { CORPUS, importFile, SEED, tempCore, value } from '../support/core'
import { ROOT } from '../support/paths'

const run = promisify(execFile)
const VALIDATOR = path.join(ROOT, 'tests/fixtures/w3c/tools/validate-annotations.mjs')

/** A note with everything a CSV, YAML or HTML writer can get wrong, in Indonesian. */
const TRICKY_NOTE =
  'Bandingkan: "kata Putin", lalu <b>tebal</b> & \'kutip\', koma, titik;\nbaris kedua — ééé ñ, Rp1.500,00 & “kutipan”\n\n# bukan judul'

interface Library {
  core: Core
  article: ArticleDetail
  annotations: Annotation[]
}

const rangeOf = (text: string, quote: string): { start: number; end: number } => {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`not in text: ${quote}`)
  return { start, end: start + quote.length }
}

/** The seed article with a highlight, a quote with its speaker, a note and an article note. */
async function library(): Promise<Library> {
  const core = await tempCore()
  const { id } = await importFile(core, SEED)
  await value(core, 'articles.update', {
    id,
    title: 'Putin: "CSTO" & <Minsk>, kerja sama',
    outlet: 'Kompas',
    author: 'Tim Redaksi',
    url: 'https://example.com/putin-csto',
    publishedAt: '2024-11-23'
  })
  const article = await value<ArticleDetail>(core, 'articles.get', { id })
  const made: Annotation[] = []
  const create = async (input: Record<string, unknown>): Promise<void> => {
    made.push(await value<Annotation>(core, 'annotations.create', { articleId: id, ...input }))
  }
  await create({
    kind: 'highlight',
    ...rangeOf(article.text, 'CSTO menyatukan enam negara bekas Soviet'),
    color: 'green',
    labels: ['fact', 'important'],
    note: TRICKY_NOTE
  })
  await create({
    kind: 'quote',
    ...rangeOf(article.text, 'Organisasi kami tetap menjadi faktor penting'),
    color: 'pink',
    labels: ['quote', 'wawancara lanjutan'],
    speaker: 'Alexander Lukashenko'
  })
  await create({
    kind: 'note',
    ...rangeOf(article.text, 'Dmitry Peskov'),
    color: 'blue',
    note: 'Juru bicara, bukan menteri.'
  })
  await create({ kind: 'note', note: 'Catatan artikel: *penting* untuk liputan, "CSTO".' })
  return { core, article, annotations: made }
}

async function render(
  core: Core,
  input: Record<string, unknown>
): Promise<{
  content: string
  fileName: string
  mimeType: string
  files?: Array<{ fileName: string; content: string }>
}> {
  return value(core, 'export.render', input)
}

/** The child tokens of a Markdown token, if it has any. */
const childrenOf = (token: Token): Token[] | undefined =>
  'tokens' in token ? (token.tokens as Token[] | undefined) : undefined

/** The text a reader sees in Markdown inline tokens, escapes resolved. */
function plainText(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      if ('tokens' in token && token.tokens) return plainText(token.tokens)
      if (token.type === 'br') return '\n'
      return 'text' in token ? String(token.text) : ''
    })
    .join('')
}

/** Splits `---\nYAML\n---\nbody` and parses the front matter with a real YAML parser. */
function frontMatter(markdown: string): { fields: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown)
  if (!match) throw new Error('no front matter')
  return { fields: YAML.parse(match[1]), body: match[2] }
}

async function validate(content: string): Promise<{ code: number; stdout: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sorot-jsonld-'))
  const file = path.join(dir, 'export.jsonld')
  await writeFile(file, content)
  try {
    const { stdout } = await run(process.execPath, [VALIDATOR, file], { cwd: ROOT })
    return { code: 0, stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: `${failed.stdout}${failed.stderr}` }
  }
}

describe('Markdown export for Obsidian', () => {
  it('writes front matter and block-quoted highlights that parse back as written', async () => {
    const { core, article } = await library()
    const { content, fileName, mimeType } = await render(core, {
      format: 'md',
      articleIds: [article.id],
      language: 'id'
    })
    expect(mimeType).toMatch(/^text\/markdown/)
    expect(fileName).toMatch(/\.md$/)
    const { fields, body } = frontMatter(content)
    expect(fields).toEqual({
      title: 'Putin: "CSTO" & <Minsk>, kerja sama',
      outlet: 'Kompas',
      author: 'Tim Redaksi',
      url: 'https://example.com/putin-csto',
      published: '2024-11-23',
      tags: ['quote', 'wawancara lanjutan', 'fact', 'important']
    })
    const tokens = new Lexer().lex(body)
    const headings = tokens.filter((t) => t.type === 'heading').map((t) => plainText(childrenOf(t)))
    expect(headings).toEqual([
      'Putin: "CSTO" & <Minsk>, kerja sama',
      'Catatan artikel',
      'Sorotan',
      'bukan judul'
    ])
    const quotes = tokens.filter((t) => t.type === 'blockquote')
    const quoteTexts = quotes.map((q) =>
      (childrenOf(q) ?? [])
        .filter((p) => p.type === 'paragraph')
        .map((p) => plainText(childrenOf(p)))
        .join('\n\n')
    )
    expect(quoteTexts).toEqual([
      'Organisasi kami tetap menjadi faktor penting\n\n— Alexander Lukashenko',
      'CSTO menyatukan enam negara bekas Soviet',
      'Dmitry Peskov'
    ])
    const paragraphs = tokens
      .filter((t) => t.type === 'paragraph')
      .map((t) => plainText(childrenOf(t)))
    expect(paragraphs).toContain('Warna: hijau · Label: Fakta, Penting')
    expect(paragraphs).toContain('Warna: merah muda · Label: Kutipan, wawancara lanjutan')
    expect(body).toContain(TRICKY_NOTE.split('\n\n')[0])
  })

  it('follows the chosen language for headings, labels and colours', async () => {
    const { core, article } = await library()
    const { content } = await render(core, {
      format: 'md',
      articleIds: [article.id],
      language: 'en'
    })
    const tokens = new Lexer().lex(frontMatter(content).body)
    const headings = tokens.filter((t) => t.type === 'heading').map((t) => plainText(childrenOf(t)))
    expect(headings.slice(1, 3)).toEqual(['Article note', 'Highlights'])
    const paragraphs = tokens
      .filter((t) => t.type === 'paragraph')
      .map((t) => plainText(childrenOf(t)))
    expect(paragraphs).toContain('Colour: green · Labels: Fact, Important')
  })

  it('splits into one note per article, or combines several into one file', async () => {
    const { core, article } = await library()
    const other = await importFile(core, path.join(CORPUS, 'real/01-kompas-pilot-susi-air.txt'))
    const split = await render(core, { format: 'md', split: true, language: 'en' })
    expect(split.files?.map((f) => f.fileName)).toContain('Putin CSTO & Minsk , kerja sama.md')
    expect(split.files).toHaveLength(2)
    for (const file of split.files ?? [])
      expect(frontMatter(file.content).fields.title).toBeTruthy()
    const combined = await render(core, { format: 'md', language: 'en' })
    const { fields, body } = frontMatter(combined.content)
    expect(fields.title).toBe('Sorot notes')
    const h2 = new Lexer()
      .lex(body)
      .filter((t) => t.type === 'heading' && t.depth === 2)
      .map((t) => plainText(childrenOf(t)))
    expect(h2).toContain(article.id && 'Putin: "CSTO" & <Minsk>, kerja sama')
    expect(h2).toHaveLength(2)
    expect(other.status).toBe('imported')
  })
})

describe('Readwise CSV export', () => {
  it('has exactly the Readwise columns and quotes notes with commas, quotes and newlines', async () => {
    const { core } = await library()
    const { content, mimeType } = await render(core, { format: 'csv', language: 'id' })
    expect(mimeType).toMatch(/^text\/csv/)
    const header = parseCsv(content, { to_line: 1 })[0]
    expect(header).toEqual(['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'])
    const rows = parseCsv(content, { columns: true }) as Array<Record<string, string>>
    expect(rows).toHaveLength(3)
    expect(rows[1]).toMatchObject({
      Highlight: 'CSTO menyatukan enam negara bekas Soviet',
      Title: 'Putin: "CSTO" & <Minsk>, kerja sama',
      Author: 'Tim Redaksi',
      URL: 'https://example.com/putin-csto',
      Note: `${TRICKY_NOTE}\n.fact .important`
    })
    expect(rows[1].Date).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    expect(Number(rows[1].Location)).toBeGreaterThan(Number(rows[0].Location))
    expect(rows[0].Note).toBe('Narasumber: Alexander Lukashenko\n.quote .wawancara_lanjutan')
  })
})

describe('W3C Web Annotation JSON-LD export', () => {
  it('passes every MUST assertion of the W3C suite', async () => {
    expect(existsSync(VALIDATOR), VALIDATOR).toBe(true)
    const { core } = await library()
    const { content, mimeType } = await render(core, { format: 'jsonld' })
    expect(mimeType).toMatch(/^application\/ld\+json/)
    const result = await validate(content)
    expect(result.stdout).toMatch(/^4 passed, 0 failed$/m)
    expect(result.code).toBe(0)
  })

  it('describes each annotation with selectors, bodies and motivations', async () => {
    const { core, article, annotations } = await library()
    const doc = JSON.parse((await render(core, { format: 'jsonld' })).content)
    expect(doc.type).toBe('AnnotationCollection')
    expect(doc.total).toBe(4)
    const [highlight, quote, note, articleNote] = annotations
    const byId = new Map(
      doc.first.items.map((item: { id: string }) => [item.id.split(':').at(-1), item])
    )
    expect(byId.get(highlight.id)).toMatchObject({
      type: 'Annotation',
      motivation: 'highlighting',
      created: highlight.createdAt,
      modified: highlight.updatedAt,
      body: [
        { type: 'TextualBody', value: TRICKY_NOTE, purpose: 'commenting' },
        { type: 'TextualBody', value: 'fact', purpose: 'tagging' },
        { type: 'TextualBody', value: 'important', purpose: 'tagging' }
      ],
      target: {
        type: 'SpecificResource',
        source: 'https://example.com/putin-csto',
        selector: [
          { type: 'TextQuoteSelector', exact: 'CSTO menyatukan enam negara bekas Soviet' },
          {
            type: 'TextPositionSelector',
            ...rangeOf(article.text, 'CSTO menyatukan enam negara bekas Soviet')
          }
        ]
      }
    })
    expect(byId.get(quote.id)).toMatchObject({
      body: expect.arrayContaining([
        { type: 'TextualBody', value: 'Alexander Lukashenko', purpose: 'describing' }
      ])
    })
    expect(byId.get(note.id)).toMatchObject({ motivation: 'commenting' })
    expect(byId.get(articleNote.id)).toMatchObject({
      motivation: 'commenting',
      target: { type: 'SpecificResource', source: 'https://example.com/putin-csto' }
    })
  })

  it('uses a urn:sorot:article source for an article without a web address', async () => {
    const core = await tempCore()
    const { id } = await importFile(core, path.join(CORPUS, 'real/02-kompas-orangtua-bima.txt'))
    const article = await value<ArticleDetail>(core, 'articles.get', { id })
    if (article.url) await value(core, 'articles.update', { id, url: null })
    await value(core, 'annotations.create', {
      articleId: id,
      kind: 'highlight',
      start: 0,
      end: 10
    })
    const { content } = await render(core, { format: 'jsonld', articleIds: [id] })
    expect(JSON.parse(content).first.items[0].target.source).toBe(`urn:sorot:article:${id}`)
    const result = await validate(content)
    expect(result.stdout).toMatch(/^1 passed, 0 failed$/m)
  })
})

/** Every element of a parsed page that could run code: scripts, and on* handler attributes. */
function activeContent(document: Document): string[] {
  const found: string[] = []
  for (const element of document.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase()
    if (['script', 'iframe', 'object', 'embed'].includes(tag)) found.push(tag)
    for (const attribute of element.attributes)
      if (/^on/i.test(attribute.name) || /^\s*javascript:/i.test(attribute.value))
        found.push(`${tag}[${attribute.name}]`)
  }
  return found
}

describe('printable HTML export', () => {
  it('prints the article text with the highlights in place, in their colours, escaped', async () => {
    const { core, article } = await library()
    const { content, mimeType } = await render(core, { format: 'html', language: 'id' })
    expect(mimeType).toMatch(/^text\/html/)
    const { document } = new JSDOM(content).window
    expect(document.documentElement.lang).toBe('id')
    expect(activeContent(document)).toEqual([])
    expect(document.querySelector('b')).toBeNull()
    expect(document.querySelector('h1')?.textContent).toBe('Putin: "CSTO" & <Minsk>, kerja sama')
    const marks = [...document.querySelectorAll('mark')].map((m) => [
      m.textContent,
      (m as HTMLElement).style.backgroundColor
    ])
    expect(marks).toEqual([
      ['Organisasi kami tetap menjadi faktor penting', 'rgb(248, 187, 208)'],
      ['CSTO menyatukan enam negara bekas Soviet', 'rgb(185, 246, 202)'],
      ['Dmitry Peskov', 'rgb(179, 229, 252)']
    ])
    // The whole text is there, block by block in reading order, footnote numbers aside.
    const copy = document.querySelector('.article-text')!.cloneNode(true) as HTMLElement
    for (const ref of copy.querySelectorAll('sup.footnote-ref')) ref.remove()
    const blocks = [...copy.querySelectorAll(':scope > :not(ul), li')].map((b) => b.textContent)
    expect(blocks.join('\n\n')).toBe(article.text)
    const notes = [...document.querySelectorAll('ol.footnotes li')]
    expect(notes.map((n) => n.querySelector('.note')?.textContent ?? null)).toEqual([
      null,
      TRICKY_NOTE,
      'Juru bicara, bukan menteri.'
    ])
    expect(notes[0].textContent).toContain('Narasumber: Alexander Lukashenko')
    expect(notes[1].textContent).toContain('Label: Fakta, Penting')
    // Each footnote number follows its highlight and links to its note.
    const refs = [...document.querySelectorAll('sup.footnote-ref a')]
    expect(refs.map((a) => a.textContent)).toEqual(['1', '2', '3'])
    for (const ref of refs) {
      const note = document.getElementById(ref.getAttribute('href')!.slice(1))
      expect(note?.closest('ol.footnotes')).not.toBeNull()
      expect(note?.querySelector('a.back')?.getAttribute('href')).toBe(`#${ref.id}`)
    }
    expect(refs[1].parentElement?.previousElementSibling?.textContent).toBe(
      'CSTO menyatukan enam negara bekas Soviet'
    )
    expect(document.querySelector('.article-note')?.textContent).toBe(
      'Catatan artikel: *penting* untuk liputan, "CSTO".'
    )
    expect(document.querySelector('a[href^="http"]')?.getAttribute('href')).toBe(
      'https://example.com/putin-csto'
    )
  })

  it('cuts overlapping highlights into runs that keep every highlight and its colour', async () => {
    const { core, article } = await library()
    const outer = rangeOf(article.text, 'CSTO menyatukan enam negara bekas Soviet')
    await value(core, 'annotations.create', {
      articleId: article.id,
      kind: 'highlight',
      start: outer.start + 5,
      end: outer.end + 10,
      color: 'orange'
    })
    const { content } = await render(core, { format: 'html', articleIds: [article.id] })
    const { document } = new JSDOM(content).window
    const runs = [...document.querySelectorAll('mark')]
      .filter((m) => article.text.slice(outer.start, outer.end + 10).includes(m.textContent ?? ''))
      .map((m) => [
        m.textContent,
        (m as HTMLElement).style.backgroundColor,
        m.getAttribute('data-annotation-ids')?.split(' ').length
      ])
    expect(runs.map((r) => r[0]).join('')).toBe(article.text.slice(outer.start, outer.end + 10))
    expect(runs[0]).toEqual(['CSTO ', 'rgb(185, 246, 202)', 1])
    expect(runs[1]).toEqual([
      article.text.slice(outer.start + 5, outer.end),
      'rgb(255, 204, 128)',
      2
    ])
    expect(runs[2][1]).toBe('rgb(255, 204, 128)')
    expect(activeContent(document)).toEqual([])
  })
})

describe('printable HTML export of several articles', () => {
  it('gives every article its own text and footnotes, with ids unique in the page', async () => {
    const { core } = await library()
    const { id } = await importFile(core, path.join(CORPUS, 'real/03-kompas-baliho-rusia-bali.txt'))
    await value(core, 'annotations.create', {
      articleId: id,
      kind: 'highlight',
      start: 0,
      end: 12,
      color: 'purple',
      note: 'Catatan kedua.'
    })
    const { content } = await render(core, { format: 'html', language: 'en' })
    const { document } = new JSDOM(content).window
    expect(document.querySelectorAll('article .article-text')).toHaveLength(2)
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    const purple = [...document.querySelectorAll('mark')].filter((m) =>
      m.getAttribute('style')?.includes('#e1bee7')
    )
    expect(purple).toHaveLength(1)
    expect(document.querySelector(`[data-article-id="${id}"] ol.footnotes`)?.textContent).toContain(
      'Catatan kedua.'
    )
    expect(activeContent(document)).toEqual([])
  })
})

describe('plain-text export and scopes', () => {
  it('lists highlights with notes and speakers, in English when asked', async () => {
    const { core } = await library()
    const { content } = await render(core, { format: 'txt', language: 'en' })
    expect(content).toContain('“Organisasi kami tetap menjadi faktor penting”')
    expect(content).toContain('— Alexander Lukashenko')
    expect(content).toContain('[Colour: pink · Labels: Quote, wawancara lanjutan]')
    expect(content).toContain('Published: November 23, 2024')
    expect(content).toContain('Article note')
  })

  it('filters by label and by speaker', async () => {
    const { core } = await library()
    const byLabel = parseCsv((await render(core, { format: 'csv', label: 'fact' })).content, {
      columns: true
    }) as Array<Record<string, string>>
    expect(byLabel.map((r) => r.Highlight)).toEqual(['CSTO menyatukan enam negara bekas Soviet'])
    const bySpeaker = JSON.parse(
      (await render(core, { format: 'jsonld', speaker: 'alexander  LUKASHENKO' })).content
    )
    expect(bySpeaker.total).toBe(1)
    const none = await render(core, { format: 'txt', label: 'no-such-label' })
    expect(none.content.trim()).toBe('')
  })

  it('refuses an unknown article id and a split of anything but Markdown', async () => {
    const { core } = await library()
    const missing = await core.dispatch('export.render', { format: 'md', articleIds: ['nope'] })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
    const split = await core.dispatch('export.render', { format: 'csv', split: true })
    expect(split).toMatchObject({ ok: false, error: { code: 'bad_input' } })
  })
})

describe('JSON-LD import', () => {
  it('round-trips: export, delete every annotation, import, and nothing is lost', async () => {
    const { core, article } = await library()
    const before = await value<Annotation[]>(core, 'annotations.list', { articleId: article.id })
    const { content } = await render(core, { format: 'jsonld' })
    for (const a of before)
      await value(core, 'annotations.delete', { articleId: article.id, id: a.id })
    await value(core, 'annotations.emptyTrash', { articleId: article.id })
    const report = await value<{ imported: unknown[]; skipped: unknown[]; unmatched: unknown[] }>(
      core,
      'annotations.importJsonLd',
      { content }
    )
    expect(report.imported).toHaveLength(4)
    expect(report.skipped).toEqual([])
    expect(report.unmatched).toEqual([])
    const after = await value<Annotation[]>(core, 'annotations.list', { articleId: article.id })
    expect(after).toEqual(before)
  })

  it('skips what is already there and keeps out what has no place, saying why', async () => {
    const { core, article } = await library()
    const doc = JSON.parse((await render(core, { format: 'jsonld' })).content)
    const again = await value<{
      imported: unknown[]
      skipped: Array<{ reason: string }>
    }>(core, 'annotations.importJsonLd', { content: JSON.stringify(doc) })
    expect(again.imported).toEqual([])
    expect(again.skipped).toHaveLength(4)
    expect(again.skipped[0].reason).toMatch(/same id|this id/)

    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://hypothes.is/a/abc123',
          type: 'Annotation',
          motivation: 'commenting',
          body: { type: 'TextualBody', value: 'Menarik, "cek" lagi', purpose: 'commenting' },
          target: {
            source: 'https://example.com/putin-csto/',
            selector: [
              {
                type: 'TextQuoteSelector',
                exact: 'Operasi Mercenary tahun ini',
                prefix: 'Aliansi ini meluncurkan ',
                suffix: ', yang diketuai'
              }
            ]
          }
        },
        {
          id: 'https://hypothes.is/a/def456',
          type: 'Annotation',
          target: {
            source: 'https://example.com/putin-csto',
            selector: { type: 'TextQuoteSelector', exact: 'kalimat yang tidak ada di artikel ini' }
          }
        },
        {
          id: 'https://hypothes.is/a/ghi789',
          type: 'Annotation',
          target: {
            source: 'https://example.com/elsewhere',
            selector: { type: 'TextQuoteSelector', exact: 'CSTO' }
          }
        }
      ]
    }
    const report = await value<{
      imported: Array<{ id: string }>
      unmatched: Array<{ id: string; reason: string }>
    }>(core, 'annotations.importJsonLd', { content: JSON.stringify(foreign) })
    expect(report.imported).toHaveLength(1)
    expect(report.unmatched.map((u) => u.id)).toEqual([
      'https://hypothes.is/a/def456',
      'https://hypothes.is/a/ghi789'
    ])
    expect(report.unmatched[0].reason).toMatch(/is not in article/)
    expect(report.unmatched[1].reason).toMatch(/no article/)
    const listed = await value<Annotation[]>(core, 'annotations.list', { articleId: article.id })
    const imported = listed.find((a) => a.id === report.imported[0].id)
    expect(imported).toMatchObject({ kind: 'note', note: 'Menarik, "cek" lagi' })
    const quoteRange = rangeOf(article.text, 'Operasi Mercenary tahun ini')
    expect(imported?.target?.selectors[0]).toMatchObject({
      type: 'TextPositionSelector',
      ...quoteRange
    })
    const twice = await value<{ skipped: unknown[] }>(core, 'annotations.importJsonLd', {
      content: JSON.stringify(foreign)
    })
    expect(twice.skipped).toHaveLength(1)
  })

  it('refuses a document that is not JSON, naming the field', async () => {
    const { core } = await library()
    const result = await core.dispatch('annotations.importJsonLd', { content: '{nope' })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_input' } })
    if (!result.ok) expect(result.error.message).toMatch(/^content: not valid JSON/)
  })
})

describe('saving exports in the app (the pieces behind the OS dialogs)', () => {
  it('asks before replacing a file in the chosen folder, and writes nothing when declined', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sorot-save-'))
    await writeFile(path.join(dir, 'Berita.md'), 'milik pembaca')
    const files = [
      { fileName: 'Berita.md', content: 'baru' },
      { fileName: 'Lain.md', content: 'lain' }
    ]
    const asked: string[][] = []
    const declined = await writeFilesIntoFolder(dir, files, async (existing) => {
      asked.push(existing)
      return false
    })
    expect(declined).toEqual({ status: 'cancelled' })
    expect(asked).toEqual([['Berita.md']])
    expect(await readFile(path.join(dir, 'Berita.md'), 'utf8')).toBe('milik pembaca')
    expect(existsSync(path.join(dir, 'Lain.md'))).toBe(false)

    const accepted = await writeFilesIntoFolder(dir, files, async () => true)
    expect(accepted).toEqual({ status: 'saved', location: dir, count: 2 })
    expect(await readFile(path.join(dir, 'Berita.md'), 'utf8')).toBe('baru')
    expect((await readdir(dir)).sort()).toEqual(['Berita.md', 'Lain.md'])
  })

  it('treats a suggested name as a name only, never as a path', async () => {
    expect(plainFileName('../../etc/passwd')).toBe('passwd')
    expect(plainFileName('C:\\Users\\x\\notes.md')).toBe('notes.md')
    expect(plainFileName('a:b?.md')).toBe('a b .md')
    expect(() => plainFileName('..')).toThrow(/not a file name/)
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sorot-save-'))
    await writeFilesIntoFolder(dir, [{ fileName: '../escape.md', content: 'x' }], async () => true)
    expect(await readdir(dir)).toEqual(['escape.md'])
    const saved = await writeSavedFile(path.join(dir, 'one.html'), '<p>satu</p>')
    expect(saved).toMatchObject({ status: 'saved', count: 1 })
    expect(await readFile(path.join(dir, 'one.html'), 'utf8')).toBe('<p>satu</p>')
  })

  it('refuses a save request that is not one before any dialog opens', () => {
    expect(
      saveFileRequestSchema.safeParse({
        suggestedName: 'a.md',
        content: 'x',
        mimeType: 'text/markdown'
      }).success
    ).toBe(true)
    expect(
      saveFileRequestSchema.safeParse({ suggestedName: '', content: 'x', mimeType: '' }).success
    ).toBe(false)
    expect(saveFileRequestSchema.safeParse({ path: '/etc/passwd', content: 'x' }).success).toBe(
      false
    )
  })
})
