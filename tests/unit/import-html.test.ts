import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../src/main/core/import/html'
import { DETIK, FORBIDDEN, JUNK, KOMPAS, NO_ARTICLE, read } from '../support/html-pages'

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
