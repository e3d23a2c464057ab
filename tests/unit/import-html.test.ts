import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { ArticleDetail } from '../../src/shared/model'
import { extractArticle, formatOf, sniffFormat } from '../../src/main/core/import/extract'
import { extractHtml, pageDom } from '../../src/main/core/import/html'
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

  it('runs over the jsdom window the pages are parsed in', () => {
    const { purify, parse } = pageDom()
    expect(purify.isSupported).toBe(true)
    expect(purify.sanitize('<p onclick="x()">a<script>b</script></p>')).toBe('<p>a</p>')
    // A node of a parsed page is sanitised as a DOM tree, and handed back as one.
    const node = parse('<p onclick="x()">a<iframe src="x"></iframe></p>').body
    expect(purify.sanitize(node, { RETURN_DOM: true }).innerHTML).toBe('<p>a</p>')
  })

  it('is what every block is read from: a tree of block elements without attributes', () => {
    const sanitize = vi.spyOn(pageDom().purify, 'sanitize')
    try {
      const draft = extractHtml(page, 'media.html')
      expect(draft.blocks.map((b) => b.text)).toEqual([
        'Paragraf pertama berisi berita yang cukup panjang untuk dibaca sebagai artikel oleh pembaca. tetap',
        'Paragraf kedua juga cukup panjang agar Readability menganggap halaman ini sebuah artikel berita.'
      ])
      expect(sanitize).toHaveBeenCalledTimes(1)
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
    const sanitize = vi
      .spyOn(pageDom().purify, 'sanitize')
      .mockImplementation(((node: Node) => node) as never)
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
