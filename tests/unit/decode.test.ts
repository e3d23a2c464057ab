import { describe, expect, it } from 'vitest'
import { declaredEncoding, decodeBytes } from '../../src/main/core/import/decode'
import { extractArticle } from '../../src/main/core/import/extract'

// The WHATWG index for windows-1252 (encoding.spec.whatwg.org/index-windows-1252.txt), bytes
// 0x80–0x9F. The five bytes the code page leaves undefined are null here.
const WINDOWS_1252: Array<string | null> = [
  '€',
  null,
  '‚',
  'ƒ',
  '„',
  '…',
  '†',
  '‡',
  'ˆ',
  '‰',
  'Š',
  '‹',
  'Œ',
  null,
  'Ž',
  null,
  null,
  '‘',
  '’',
  '“',
  '”',
  '•',
  '–',
  '—',
  '˜',
  '™',
  'š',
  '›',
  'œ',
  null,
  'ž',
  'Ÿ'
]

describe('Windows-1252 text', () => {
  it('gives every byte 0x80–0x9F its character (never a C1 control)', () => {
    WINDOWS_1252.forEach((expected, i) => {
      const byte = 0x80 + i
      // 0xE9 (é) before the byte makes the whole input invalid UTF-8, as a real file would be.
      const text = decodeBytes(Uint8Array.from([0x61, 0xe9, byte, 0x62]), 'cp1252.txt')
      const hex = `0x${byte.toString(16)}`
      expect(text.startsWith('aé'), hex).toBe(true)
      expect(text.endsWith('b'), hex).toBe(true)
      const middle = text.slice(2, -1)
      if (expected) expect(middle, hex).toBe(expected)
      // An undefined byte is shown as a replacement mark, never as an invisible control.
      else expect(middle, hex).toBe('\uFFFD')
      expect(/[\u0080-\u009f]/.test(text), hex).toBe(false)
    })
  })

  it('keeps the curly quotation marks of a Windows-1252 article', () => {
    const bytes = Buffer.from(
      'Harga Cabai Naik\n\n\x93Pasokan berkurang,\x94 kata Suryani \x96 pedagang di pasar itu.',
      'latin1'
    )
    const text = decodeBytes(bytes, 'cabai.txt')
    const draft = extractArticle(text, 'cabai.txt', 'text')
    expect(draft.blocks[0].text).toBe('“Pasokan berkurang,” kata Suryani – pedagang di pasar itu.')
  })
})

describe('encodings declared in HTML', () => {
  const page = (charset: string, body: string): Buffer =>
    Buffer.concat([
      Buffer.from(`<!doctype html><html><head>${charset}<title>Uji</title></head><body><p>`),
      Buffer.from(body, 'latin1'),
      Buffer.from('</p></body></html>')
    ])

  it('reads a page in the legacy encoding its <meta charset> names', () => {
    // 0xB9 is "š" in ISO-8859-2 and "¹" in Windows-1252.
    const bytes = page('<meta charset="iso-8859-2">', 'Ko\xb9ice')
    expect(declaredEncoding(bytes)).toBe('iso-8859-2')
    expect(decodeBytes(bytes, 'kosice.html')).toContain('Košice')
  })

  it('reads the http-equiv form of the declaration', () => {
    const bytes = page(
      '<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">',
      'Ko\x9aice'
    )
    expect(decodeBytes(bytes, 'kosice.html')).toContain('Košice')
  })

  it('reads a declared ISO-8859-1 page as Windows-1252, as browsers do', () => {
    const bytes = page('<meta charset="ISO-8859-1">', '\x93Kami buka lagi,\x94 katanya.')
    expect(decodeBytes(bytes, 'latin.html')).toContain('“Kami buka lagi,” katanya.')
  })

  it('trusts valid UTF-8 bytes over a stale legacy declaration', () => {
    const bytes = Buffer.from(
      '<html><head><meta charset="windows-1252"></head><body><p>“Kafé”</p></body></html>'
    )
    expect(decodeBytes(bytes, 'resaved.html')).toContain('“Kafé”')
  })

  it('ignores a label no decoder knows and falls back to Windows-1252', () => {
    const bytes = page('<meta charset="x-no-such-thing">', '\x93ok\x94')
    expect(declaredEncoding(bytes)).toBeNull()
    expect(decodeBytes(bytes, 'odd.html')).toContain('“ok”')
  })
})
