import path from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { Lexer, type Token } from 'marked'
import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { CORPUS, importFile } from '../support/core'
import { library, render, TRICKY_NOTE } from '../support/export-library'

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
