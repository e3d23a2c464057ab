import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { ArticleDetail } from '../../src/shared/model'
import { extractArticle, formatOf, sniffFormat } from '../../src/main/core/import/extract'
import { JSDOM } from 'jsdom'
import {
  extractHtml,
  MAX_DEPTH,
  parsePage,
  purifier,
  READABLE_ELEMENTS
} from '../../src/main/core/import/html'
import { readPageMetadata } from '../../src/main/core/import/html-metadata'
import { importFile, tempCore, value } from '../support/core'

const HTML = path.resolve(__dirname, '../fixtures/html')
const KOMPAS = path.join(HTML, 'kompas-banjir-kemang.html')
const DETIK = path.join(HTML, 'detik-persib-port.html')
const NO_ARTICLE = path.join(HTML, 'no-article.html')

const read = (file: string): Promise<string> => readFile(file, 'utf8')

/** The page's markup, code, embeds and furniture: never anywhere in a draft. */
const FORBIDDEN = [
  '<',
  '>',
  'javascript:',
  'onerror',
  'onclick',
  'onload',
  'style',
  'color: red',
  'iframe',
  'youtube',
  'evil.example',
  'tracker',
  'dataLayer',
  'stealCookies',
  'document.cookie',
  'document.write',
  'Iklan tersisip',
  'Video tidak dapat diputar',
  'Alamat email',
  'Dapatkan berita pilihan',
  'Tulis komentar',
  'Kirim',
  'Cari berita',
  'Masuk',
  'Megapolitan',
  'Facebook',
  'WhatsApp',
  'Terpopuler',
  'Harga Emas',
  'Budi',
  'Drainase',
  'Copyright',
  'Kebijakan Data Pribadi',
  'Warga melintasi banjir',
  'ADVERTISEMENT'
]
/** News junk: taken out of the text, kept only in the list of removals. */
const JUNK = ['[iklan_1]', 'Baca juga']

describe('extractHtml', () => {
  it('reduces a saved news page to its article blocks, paragraphs kept whole', async () => {
    const draft = extractHtml(await read(KOMPAS), 'kompas-banjir-kemang.html')
    expect(draft.blocks).toEqual([
      {
        type: 'p',
        text: 'JAKARTA, KOMPAS.com - Banjir setinggi 80 sentimeter merendam permukiman warga di kawasan Kemang, Jakarta Selatan, Senin (12/8/2024) pagi. Air mulai masuk ke rumah warga sejak pukul 04.00 WIB setelah hujan deras mengguyur Jakarta semalaman.'
      },
      {
        type: 'p',
        text: 'Ketua RT 05 Kemang, Suparman, mengatakan sebagian besar warga memilih mengungsi ke masjid terdekat karena air terus naik. Menurut dia, banjir kali ini lebih tinggi dibandingkan tahun lalu.'
      },
      {
        type: 'p',
        text: '"Kami sudah siapkan tikar dan makanan untuk pengungsi. Yang penting anak-anak dan orangtua aman dulu," ujar Suparman saat ditemui di lokasi.'
      },
      {
        type: 'p',
        text: 'Badan Penanggulangan Bencana Daerah (BPBD) DKI Jakarta mencatat ada 12 RT yang terendam di wilayah Jakarta Selatan. Petugas telah menyiagakan perahu karet dan pompa air di sejumlah titik.'
      },
      { type: 'h', text: 'Pompa air dikerahkan' },
      {
        type: 'p',
        text: 'Kepala Pelaksana BPBD DKI Jakarta, Isnawa Adji, menyampaikan bahwa pihaknya mengerahkan 20 pompa air bergerak untuk mempercepat surutnya genangan.'
      },
      {
        type: 'quote',
        text: 'Kami targetkan genangan surut sebelum malam, selama tidak ada hujan susulan.'
      },
      { type: 'p', text: 'Warga diminta mewaspadai beberapa hal selama musim hujan:' },
      { type: 'li', text: 'Simpan dokumen penting di tempat yang tinggi.' },
      { type: 'li', text: 'Matikan aliran listrik saat air mulai masuk rumah.' },
      { type: 'li', text: 'Hubungi nomor darurat 112 bila membutuhkan evakuasi.' },
      {
        type: 'p',
        text: 'Hingga Senin siang, genangan di Kemang Raya berangsur surut menjadi 30 sentimeter.'
      },
      { type: 'p', text: 'Lalu lintas di kawasan itu masih dialihkan ke Jalan Bangka.' }
    ])
  })

  it('keeps no markup, script, handler, embed, form, style or page furniture anywhere in the draft', async () => {
    const draft = extractHtml(await read(KOMPAS), 'kompas-banjir-kemang.html')
    const json = JSON.stringify(draft)
    for (const word of FORBIDDEN) expect(json, word).not.toContain(word)
    const text = JSON.stringify([draft.title, draft.blocks])
    for (const word of JUNK) expect(text, word).not.toContain(word)
  })

  it('drops every dangerous construct even when it sits inside a paragraph', () => {
    const page = `<!doctype html><html><body><article>
      <p>Paragraf pertama berisi berita yang cukup panjang untuk dibaca sebagai artikel oleh pembaca.
        <script>alert('dalam paragraf')</script><img src=x onerror="alert('img')">
        <svg onload="alert('svg')"><script>alert('svg script')</script><text>teks svg</text></svg>
        <math><mtext>teks math</mtext></math><object data="x.swf">teks object</object>
        <embed src="x.swf"><template><p>teks template</p></template><noscript>teks noscript</noscript>
        <style>p { color: red }</style><!-- komentar rahasia --><a href="javascript:alert(1)" style="color:red">tautan</a>
        <iframe srcdoc="<p>teks iframe</p>">teks iframe</iframe><form><input value="teks input"><button>teks tombol</button></form>
      </p>
      <p>Paragraf kedua juga cukup panjang agar Readability menganggap halaman ini sebuah artikel berita.</p>
    </article></body></html>`
    const draft = extractHtml(page, 'bahaya.html')
    expect(draft.blocks.map((b) => b.text)).toEqual([
      'Paragraf pertama berisi berita yang cukup panjang untuk dibaca sebagai artikel oleh pembaca. tautan',
      'Paragraf kedua juga cukup panjang agar Readability menganggap halaman ini sebuah artikel berita.'
    ])
    expect(JSON.stringify(draft)).not.toMatch(
      /alert|teks (svg|math|object|template|noscript|iframe|input|tombol)|rahasia|color|javascript|onerror|onload|<|>/
    )
  })

  it('keeps markup written as text in the article as text', () => {
    const draft = extractHtml(
      '<html><body><p>Tag &lt;b&gt; membuat huruf tebal, kata pengajar itu dalam kelas pemrograman web.</p></body></html>',
      'kelas.html'
    )
    expect(draft.blocks).toEqual([
      {
        type: 'p',
        text: 'Tag <b> membuat huruf tebal, kata pengajar itu dalam kelas pemrograman web.'
      }
    ])
  })

  it('reads title, outlet, author, date, url and language from the page metadata', async () => {
    const draft = extractHtml(await read(KOMPAS), 'kompas-banjir-kemang.html')
    expect(draft).toMatchObject({
      title: 'Banjir Rendam Kemang, Warga Mengungsi ke Masjid',
      outlet: 'Kompas.com',
      author: 'Ardito Ramadhan',
      publishedAt: '2024-08-12T14:30:00+07:00',
      url: 'https://megapolitan.kompas.com/read/2024/08/12/14300011/banjir-rendam-kemang-warga-mengungsi-ke-masjid',
      language: 'id'
    })
  })

  it('removes news junk from HTML as from text and keeps each removal', async () => {
    const kompas = extractHtml(await read(KOMPAS), 'kompas-banjir-kemang.html')
    expect(kompas.removed.map(({ rule, text }) => ({ rule, text }))).toEqual([
      { rule: 'ad-placeholder', text: '[iklan_1]' },
      { rule: 'read-also', text: 'Baca juga: Hujan Deras, 30 RT di Jakarta Terendam Banjir' }
    ])
    const detik = extractHtml(await read(DETIK), 'detik-persib-port.html')
    expect(detik.removed.map(({ rule, text }) => ({ rule, text }))).toEqual([
      { rule: 'advertisement', text: 'ADVERTISEMENT' },
      { rule: 'advertisement', text: 'SCROLL TO CONTINUE WITH CONTENT' },
      { rule: 'read-also', text: 'Baca juga: Jadwal Lengkap Persib di Fase Grup' },
      { rule: 'byline', text: 'Reporter: Adhi Prasetya | Editor: Rifqi Ardita' }
    ])
    expect(detik.blocks.map((b) => b.text.slice(0, 30))).toEqual([
      'Bandung - Persib Bandung kalah',
      'Maung Bandung sebenarnya tampi',
      'Pelatih Persib mengakui timnya',
      '"Kami harus belajar dari kekal',
      'Hasil ini membuat Persib berad'
    ])
  })

  it('finds outlet, author and date on a page without metadata tags', async () => {
    const draft = extractHtml(await read(DETIK), 'detik-persib-port.html')
    expect(draft).toMatchObject({
      title: 'Persib Tumbang dari Port FC di Kandang Sendiri',
      outlet: 'detikSport',
      author: 'Adhi Prasetya',
      publishedAt: '2024-09-19T21:45:00+07:00',
      url: 'https://sport.detik.com/sepakbola/liga-indonesia/d-7000001/persib-tumbang-dari-port-fc-di-kandang-sendiri'
    })
  })

  it('reads text written straight into the body when there are no paragraphs', () => {
    const draft = extractHtml(
      '<html><body><div>Teks lepas tanpa paragraf, ditulis langsung di dalam halaman ini.</div><ul><li>satu</li><li>dua</li></ul></body></html>',
      'lepas.html'
    )
    expect(draft.blocks).toEqual([
      { type: 'p', text: 'Teks lepas tanpa paragraf, ditulis langsung di dalam halaman ini.' },
      { type: 'li', text: 'satu' },
      { type: 'li', text: 'dua' }
    ])
  })

  it('reads an article container the page marks up as the whole page would be read', async () => {
    const page = await read(KOMPAS)
    const container = '<div class="read__content">'
    expect(page).toContain(container)
    const drafts = [
      page,
      page.replace(container, '<div class="isi" itemprop="articleBody">'),
      // No container left: Readability reads the whole page.
      page.replace(container, '<div class="isi">')
    ].map((html) => extractHtml(html, 'kompas-banjir-kemang.html'))
    for (const draft of drafts.slice(1)) {
      expect(draft.blocks).toEqual(drafts[0].blocks)
      expect(draft.removed).toEqual(drafts[0].removed)
      expect(draft).toMatchObject({ title: drafts[0].title, author: drafts[0].author })
    }
    expect(drafts[0].blocks).toHaveLength(13)
  })

  it('reads the article from the whole page when its marked container holds none of it', () => {
    const story = [
      'Banjir setinggi 80 sentimeter merendam permukiman warga di kawasan Kemang, Jakarta Selatan, pagi ini.',
      'Petugas BPBD menyiagakan perahu karet dan pompa air di sejumlah titik yang masih tergenang air.'
    ]
    const others = Array.from(
      { length: 6 },
      (_, i) =>
        `<p>Baca juga: Cerita warga nomor ${i + 1} yang bertahan di rumah saat banjir besar melanda kawasan Kemang dan sekitarnya, sementara petugas gabungan terus berjaga sepanjang malam di posko pengungsian</p>`
    ).join('')
    const body = `<div class="isi">${story.map((p) => `<p>${p}</p>`).join('')}</div>`
    for (const container of [
      '<div itemprop="articleBody"></div>',
      // Readability finds text in it, but all of it is news junk.
      `<div itemprop="articleBody">${others}</div>`,
      '<div class="read__content"></div>',
      // A teaser is no article.
      `<article><p>${story[0].slice(0, 60)}</p></article>`
    ]) {
      const draft = extractHtml(`<html><body>${container}${body}</body></html>`, 'kemang.html')
      expect(draft.blocks, container).toEqual(story.map((text) => ({ type: 'p', text })))
    }
  })

  it('refuses a page that holds no article text', async () => {
    const page = await read(NO_ARTICLE)
    expect(() => extractHtml(page, 'no-article.html')).toThrow(
      expect.objectContaining({
        code: 'bad_input',
        message: 'no-article.html holds no article text'
      })
    )
    expect(() => extractHtml('', 'kosong.html')).toThrow('kosong.html holds no article text')
  })
})

describe('DOMPurify over jsdom', () => {
  /** Non-text that neither Readability nor the junk removal take out, with a handler and style. */
  const page = `<!doctype html><html><body><article>
    <p>Paragraf pertama berisi berita yang cukup panjang untuk dibaca sebagai artikel oleh pembaca.
      <svg><text>teks svg</text></svg><math><mtext>teks math</mtext></math>
      <video>teks video</video><canvas>teks kanvas</canvas><label>teks label</label>
      <span onmouseover="alert(1)" style="color: red">tetap</span></p>
    <p>Paragraf kedua juga cukup panjang agar Readability menganggap halaman ini sebuah artikel berita.</p>
  </article></body></html>`
  const NOT_TEXT = /teks (svg|math|video|kanvas|label)/

  it('runs over a jsdom window and hands back a clean DOM tree', () => {
    const { purify, clean } = purifier()
    expect(purify.isSupported).toBe(true)
    expect(purify.sanitize('<p onclick="x()">a<script>b</script></p>')).toBe('<p>a</p>')
    const root = clean('<p onclick="x()">a<iframe src="x"></iframe><img src=x onerror=y></p>')
    expect(root.nodeName).toBe('BODY')
    expect(root.innerHTML).toBe('<p>a</p>')
  })

  it('is what every block is read from: a tree of block elements without attributes', () => {
    const sanitize = vi.spyOn(purifier().purify, 'sanitize')
    try {
      const draft = extractHtml(page, 'media.html')
      expect(draft.blocks.map((b) => b.text)).toEqual([
        'Paragraf pertama berisi berita yang cukup panjang untuk dibaca sebagai artikel oleh pembaca. tetap',
        'Paragraf kedua juga cukup panjang agar Readability menganggap halaman ini sebuah artikel berita.'
      ])
      expect(sanitize).toHaveBeenCalledTimes(1)
      // Only the article's markup, never the whole page, crosses into jsdom.
      const [dirty] = sanitize.mock.calls[0]
      expect(typeof dirty).toBe('string')
      expect(dirty).toContain('Paragraf kedua')
      expect(dirty).not.toMatch(/<(html|head|body)/i)
      const root = sanitize.mock.results[0].value as Element
      expect(root.nodeName).toBe('BODY')
      expect(root.innerHTML).not.toMatch(NOT_TEXT)
      expect(root.innerHTML).not.toMatch(/<(svg|math|video|canvas|label|span)|=/)
    } finally {
      sanitize.mockRestore()
    }
  })

  it('is what takes out what Readability and the junk removal leave', () => {
    // Were DOMPurify skipped, the page's non-text would be read as text.
    // (The stand-in parses the markup as it is, in a window of its own.)
    const sanitize = vi
      .spyOn(purifier().purify, 'sanitize')
      .mockImplementation(((dirty: string) => new JSDOM(dirty).window.document.body) as never)
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

describe('formats', () => {
  it('reads .html and .htm files as HTML and keeps the other extensions as they were', () => {
    expect(formatOf('a.html')).toBe('html')
    expect(formatOf('A.HTM')).toBe('html')
    expect(formatOf('a.md')).toBe('markdown')
    expect(formatOf('a.txt')).toBe('text')
    expect(formatOf(undefined)).toBe('text')
    expect(() => formatOf('a.pdf')).toThrow(/cannot import \.pdf/)
  })

  it('sniffs pasted web pages as HTML, by their start only', () => {
    expect(sniffFormat(undefined, '<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html')
    expect(sniffFormat('text', '\n  <html lang="id"><body>x</body></html>')).toBe('html')
    expect(sniffFormat(undefined, 'Berita biasa yang menyebut <html> di tengah.')).toBe('text')
    expect(sniffFormat('catatan.txt', '<!doctype html><p>x</p>')).toBe('text')
    expect(sniffFormat('halaman.htm', 'tanpa tag')).toBe('html')
  })

  it('imports pasted HTML as a page, not as text full of tags', async () => {
    const draft = extractArticle(await read(KOMPAS), 'text', 'text')
    expect(draft.title).toBe('Banjir Rendam Kemang, Warga Mengungsi ke Masjid')
    expect(draft.blocks).toHaveLength(13)
  })
})

describe('importing HTML through the core', () => {
  it('stores a saved page as clean text with its metadata', async () => {
    const core = await tempCore()
    const outcome = await importFile(core, KOMPAS)
    expect(outcome.status).toBe('imported')
    const article = await value<ArticleDetail>(core, 'articles.get', { id: outcome.id })
    expect(article).toMatchObject({
      title: 'Banjir Rendam Kemang, Warga Mengungsi ke Masjid',
      outlet: 'Kompas.com',
      author: 'Ardito Ramadhan',
      publishedAt: '2024-08-12T14:30:00+07:00',
      language: 'id',
      sourceName: 'kompas-banjir-kemang.html'
    })
    expect(article.blocks).toHaveLength(13)
    expect(article.text).toBe(article.blocks.map((b) => b.text).join('\n\n'))
    expect(article.text).toContain('ujar Suparman saat ditemui di lokasi.')
    for (const word of [...FORBIDDEN, ...JUNK]) expect(article.text, word).not.toContain(word)
    expect(article.removed.map((r) => r.rule)).toEqual(['ad-placeholder', 'read-also'])
  })

  it('reports a page with no article as failed and stores nothing', async () => {
    const core = await tempCore()
    const outcome = (await importFile(core, NO_ARTICLE)) as { status: string; error?: string }
    expect(outcome).toMatchObject({
      status: 'failed',
      error: 'no-article.html holds no article text'
    })
    expect(await value(core, 'articles.list', {})).toEqual([])
  })
})
