import { describe, expect, it, vi } from 'vitest'
import { JSDOM } from 'jsdom'
import {
  extractHtml,
  MAX_DEPTH,
  parsePage,
  purifier,
  READABLE_ELEMENTS
} from '../../src/main/core/import/html'
import { readPageMetadata } from '../../src/main/core/import/html-metadata'
import { NOT_TEXT as NOT_TEXT_TAGS } from '../../src/main/core/import/html/tags'
import { DETIK, KOMPAS, read } from '../support/html-pages'

describe('sanitize-html over the article markup', () => {
  /** Non-text that neither Readability nor the junk removal take out, with a handler and style. */
  const page = `<!doctype html><html><body><article>
    <p>Paragraf pertama berisi berita yang cukup panjang untuk dibaca sebagai artikel oleh pembaca.
      <svg><text>teks svg</text></svg><math><mtext>teks math</mtext></math>
      <video>teks video</video><canvas>teks kanvas</canvas><label>teks label</label>
      <span onmouseover="alert(1)" style="color: red">tetap</span></p>
    <p>Paragraf kedua juga cukup panjang agar Readability menganggap halaman ini sebuah artikel berita.</p>
  </article></body></html>`
  const NOT_TEXT = /teks (svg|math|video|kanvas|label)/

  it('keeps block elements and text only, and hands back a clean DOM tree', () => {
    const { sanitize, clean } = purifier()
    expect(sanitize('<p onclick="x()">a<script>b</script></p>')).toBe('<p>a</p>')
    expect(sanitize('<h2 style="x">a<a href="javascript:y()">b</a><xmp><p>c</p></xmp></h2>')).toBe(
      '<h2>ab</h2>'
    )
    expect(
      sanitize('<div><form action="/x">a<input value="b"></form><iframe>c</iframe></div>')
    ).toBe('<div>a</div>')
    const root = clean('<p onclick="x()">a<iframe src="x"></iframe><img src=x onerror=y></p>')
    expect(root.nodeName).toBe('BODY')
    expect(root.innerHTML).toBe('<p>a</p>')
  })

  it('drops every element that is no text together with its content', () => {
    const { sanitize } = purifier()
    // Void elements (HTML gives them no content) only lose their tag.
    const VOID = new Set('area base embed frame img input link meta source track'.split(' '))
    for (const tag of [...NOT_TEXT_TAGS, 'xmp', 'noembed', 'mtext', 'annotation-xml']) {
      const markup = `<p>awal <${tag} src="x" onload="y()">rahasia</${tag}> akhir</p>`
      const expected = VOID.has(tag) ? '<p>awal rahasia akhir</p>' : '<p>awal  akhir</p>'
      expect(sanitize(markup), tag).toBe(expected)
    }
    expect(sanitize('<div>a <b>b</b> <form>c<label>d</label></form> <x-y>e</x-y></div>')).toBe(
      '<div>a b c e</div>'
    )
  })

  it('is what every block is read from: a tree of block elements without attributes', () => {
    const sanitize = vi.spyOn(purifier(), 'sanitize')
    try {
      const draft = extractHtml(page, 'media.html')
      expect(draft.blocks.map((b) => b.text)).toEqual([
        'Paragraf pertama berisi berita yang cukup panjang untuk dibaca sebagai artikel oleh pembaca. tetap',
        'Paragraf kedua juga cukup panjang agar Readability menganggap halaman ini sebuah artikel berita.'
      ])
      expect(sanitize).toHaveBeenCalledTimes(1)
      // Only the article's markup, never the whole page, is sanitised and read.
      const [dirty] = sanitize.mock.calls[0]
      expect(dirty).toContain('Paragraf kedua')
      expect(dirty).not.toMatch(/<(html|head|body)/i)
      const clean = sanitize.mock.results[0].value as string
      expect(clean).not.toMatch(NOT_TEXT)
      expect(clean).not.toMatch(/<(svg|math|video|canvas|label|span)|=/)
    } finally {
      sanitize.mockRestore()
    }
  })

  it('is what takes out what Readability and the junk removal leave', () => {
    // Were the sanitiser skipped, the page's non-text would be read as text.
    const sanitize = vi.spyOn(purifier(), 'sanitize').mockImplementation((dirty) => dirty)
    try {
      expect(JSON.stringify(extractHtml(page, 'media.html').blocks)).toMatch(NOT_TEXT)
    } finally {
      sanitize.mockRestore()
    }
    expect(JSON.stringify(extractHtml(page, 'media.html'))).not.toMatch(
      /teks|alert|color|onmouseover|<|>/
    )
  })
})

describe('hostile and odd pages', () => {
  const paragraphs = [
    'Paragraf pertama berisi berita yang cukup panjang untuk dibaca sebagai artikel oleh pembaca.',
    'Paragraf kedua juga cukup panjang agar Readability menganggap halaman ini sebuah artikel berita.',
    'Paragraf ketiga menutup berita ini dengan keterangan dari pejabat setempat tentang banjir.'
  ]
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('')

  it('reads a page nested 1000 deep, flattened below the depth limit', () => {
    const page = `<html><body>${'<div><span>'.repeat(500)}${body}<script>alert(1)</script>${'</span></div>'.repeat(500)}</body></html>`
    const document = parsePage(page, 'dalam.html')
    let depth = 0
    for (let el: Element | null = document.querySelector('p'); el; el = el.parentElement) depth++
    expect(depth).toBeLessThanOrEqual(MAX_DEPTH + 1)
    const draft = extractHtml(page, 'dalam.html')
    expect(draft.blocks).toEqual(paragraphs.map((text) => ({ type: 'p', text })))
    expect(JSON.stringify(draft)).not.toMatch(/alert|<|>/)
  })

  it('keeps block kinds and line breaks in the flattened part of a deep page', () => {
    const page = `<html><body>${'<div>'.repeat(1000)}<h2>Judul bagian berita</h2><p>${paragraphs[0]}<br>${paragraphs[1]}</p><ul><li>satu</li><li>dua</li></ul>${'</div>'.repeat(1000)}</body></html>`
    expect(extractHtml(page, 'dalam.html').blocks).toEqual([
      { type: 'h', text: 'Judul bagian berita' },
      { type: 'p', text: paragraphs[0] },
      { type: 'p', text: paragraphs[1] },
      { type: 'li', text: 'satu' },
      { type: 'li', text: 'dua' }
    ])
  })

  it('reads a page of 20,000 elements from its own article element', () => {
    const boxes = '<div class="box"><a href="/x"><span>Tautan lain</span></a></div>'.repeat(7000)
    const page = `<html><head><title>Banjir Kemang</title></head><body><article>${body}</article>${boxes}</body></html>`
    expect(parsePage(page, 'besar.html').querySelectorAll('*').length).toBeGreaterThan(
      Math.max(20_000, READABLE_ELEMENTS)
    )
    const draft = extractHtml(page, 'besar.html')
    expect(draft.title).toBe('Banjir Kemang')
    expect(draft.blocks).toEqual(paragraphs.map((text) => ({ type: 'p', text })))
  })

  it('refuses a page of more than 30,000 elements, by name', () => {
    const page = `<html><body>${body}${'<i></i>'.repeat(30_001)}</body></html>`
    expect(() => extractHtml(page, 'raksasa.html')).toThrow(
      expect.objectContaining({
        code: 'bad_input',
        message: 'raksasa.html is too large to read: it has more than 30,000 elements'
      })
    )
  })

  it('reads pages written without <html>, <head> or <body>', () => {
    for (const page of [
      `<title>Judul</title>${body}`,
      `<head><title>Judul</title></head><body>${body}</body>`,
      `<html><head><title>Judul</title></head>${body}</html>`,
      `<html><body>${body.slice(0, body.lastIndexOf('<p>'))}</body></html><p>${paragraphs[2]}</p>`
    ]) {
      const draft = extractHtml(page, 'potongan.html')
      expect(
        draft.blocks.map((b) => b.text),
        page
      ).toEqual(paragraphs)
    }
    expect(extractHtml('Teks tanpa tag sama sekali, cukup panjang.', 'teks.html').blocks).toEqual([
      { type: 'p', text: 'Teks tanpa tag sama sekali, cukup panjang.' }
    ])
  })

  it('reads the same metadata over linkedom as over jsdom', async () => {
    const reference = new Date(2024, 0, 1)
    for (const file of [KOMPAS, DETIK]) {
      const html = await read(file)
      const overJsdom = readPageMetadata(new JSDOM(html).window.document, reference)
      expect(readPageMetadata(parsePage(html, file), reference)).toEqual(overJsdom)
      expect(overJsdom.title).not.toBeNull()
    }
  })
})
