import { describe, expect, it } from 'vitest'
import { extractHtml, parsePage } from '../../src/main/core/import/html'
import { guardMarkup, MAX_DEPTH, MAX_ELEMENTS } from '../../src/main/core/import/html/guard'
import { nestedDivs, nestedLists, unclosedLists } from '../support/hostile-pages'

/** The deepest element of a parsed page, counted from <html>. */
function depthOf(document: Document): number {
  let deepest = 0
  const stack: Array<[Element, number]> = [[document.documentElement, 1]]
  while (stack.length > 0) {
    const [el, depth] = stack.pop() as [Element, number]
    deepest = Math.max(deepest, depth)
    for (let child = el.firstElementChild; child; child = child.nextElementSibling)
      stack.push([child, depth + 1])
  }
  return deepest
}

const refusal = (name: string): unknown =>
  expect.objectContaining({
    code: 'bad_input',
    message: `${name} is too large to read: it has more than ${MAX_ELEMENTS.toLocaleString('en')} elements`
  })

describe('the markup pre-count before any parse', () => {
  it('refuses 1.1 MB of nested <ul><li> by name, from the markup alone', () => {
    const page = nestedLists(58_000)
    expect(page.length).toBeGreaterThan(1_100_000)
    expect(() => guardMarkup(page, 'daftar.html')).toThrow(refusal('daftar.html'))
    expect(() => extractHtml(page, 'daftar.html')).toThrow(refusal('daftar.html'))
  })

  it('refuses 840 KB of unclosed <li><ul> by name', () => {
    const page = unclosedLists(105_000)
    expect(page.length).toBeGreaterThan(840_000)
    expect(() => extractHtml(page, 'terbuka.html')).toThrow(refusal('terbuka.html'))
  })

  it('flattens nesting under the element limit before the parse, keeping the article', () => {
    for (const page of [nestedLists(10_000), unclosedLists(10_000)]) {
      const guarded = guardMarkup(page, 'dalam.html')
      expect(guarded.flattened).toBe(true)
      expect(guarded.elements).toBeLessThanOrEqual(MAX_ELEMENTS)
      expect(depthOf(parsePage(page, 'dalam.html'))).toBeLessThanOrEqual(MAX_DEPTH + 1)
      expect(extractHtml(page, 'dalam.html').blocks[0].text).toMatch(/^Paragraf pertama berisi/)
    }
    // (Time is measured in `npm run bench -- import`; this limit only spares a loaded machine.)
  }, 120_000)

  it('leaves an ordinary page as it is', () => {
    const page = nestedDivs(12, '<h1>Judul</h1><p>Isi berita yang cukup panjang.</p>')
    expect(guardMarkup(page, 'biasa.html')).toEqual({ html: page, elements: 16, flattened: false })
  })

  it('does not count markup inside scripts, styles and comments', () => {
    const noise = `<script>${'<div>'.repeat(60_000)}</script><!-- ${'<p>'.repeat(60_000)} -->`
    const page = `<html><body>${noise}<p>Isi.</p></body></html>`
    expect(guardMarkup(page, 'skrip.html').elements).toBe(4)
  })

  it('reads attribute values holding ">" as part of their tag', () => {
    const page = nestedDivs(MAX_DEPTH + 40, '<p title="a > b">Isi berita di kedalaman.</p>')
    const guarded = guardMarkup(page, 'atribut.html')
    expect(guarded.flattened).toBe(true)
    expect(guarded.html).not.toContain('b">')
    expect(extractHtml(page, 'atribut.html').blocks).toEqual([
      { type: 'p', text: 'Isi berita di kedalaman.' }
    ])
  })

  it('writes a flattened boundary as a line break only where no block follows', () => {
    const article =
      'Kalimat satu.<div><p>Kalimat dua.</p></div>Kalimat tiga.<div>Kalimat empat.</div>'
    const page = nestedDivs(MAX_DEPTH + 10, article)
    const guarded = guardMarkup(page, 'batas.html')
    expect(guarded.html).toContain('Kalimat satu.<p>Kalimat dua.</p><br>Kalimat tiga.<br>Kalimat')
    expect(extractHtml(page, 'batas.html').blocks.map((block) => block.text)).toEqual([
      'Kalimat satu.',
      'Kalimat dua.',
      'Kalimat tiga.',
      'Kalimat empat.'
    ])
  })
})
