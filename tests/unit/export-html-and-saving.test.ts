import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import {
  plainFileName,
  writeFilesIntoFolder,
  writeSavedFile
} from '../../src/main/core/export/save-files'
import { saveFileRequestSchema } from '../../src/shared/save-requests'
import { CORPUS, importFile, value } from '../support/core'
import { library, rangeOf, render, TRICKY_NOTE } from '../support/export-library'

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
