import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../src/main/core/import/html'
import { dropAfterCredit } from '../../src/main/core/import/html/body-edges'

// Article paragraphs long enough for Readability to take the article for one.
const BODY = [
  'Banjir kembali merendam kawasan Kemang, Jakarta Selatan, setelah hujan deras mengguyur ibu kota sejak Minggu malam hingga Senin pagi, menurut petugas setempat.',
  'Ketinggian air di beberapa ruas jalan mencapai 60 sentimeter, sehingga kendaraan roda dua tidak dapat melintas dan warga memilih berjalan kaki menuju tempat kerja.',
  'Petugas pemadam kebakaran menyiagakan pompa air di sejumlah titik, sementara warga diimbau menjauhi aliran listrik dan segera melapor bila air terus naik.'
]

const page = (body: string): string =>
  `<!doctype html><html lang="id"><head><title>Banjir Rendam Kemang</title></head>` +
  `<body><article>${body}</article></body></html>`

const paragraphs = (texts: string[]): string => texts.map((text) => `<p>${text}</p>`).join('')

const texts = (html: string): string[] => extractHtml(html, 'page.html').blocks.map((b) => b.text)

const removals = (html: string, rule: string): string[] =>
  extractHtml(html, 'page.html')
    .removed.filter((removal) => removal.rule === rule)
    .map((removal) => removal.text)

describe('a caption before the dateline', () => {
  const caption = 'Warga melintasi genangan air di Jalan Kemang Raya, Senin (4/1/2021).'
  const dateline = `JAKARTA, KOMPAS.com - ${BODY[0]}`

  it('is dropped, and kept as a removal, when the article opens with an outlet dateline', () => {
    const html = page(paragraphs([caption, dateline, BODY[1], BODY[2]]))
    expect(texts(html)).toEqual([dateline, BODY[1], BODY[2]])
    expect(removals(html, 'before-dateline')).toEqual([caption])
  })

  it('is dropped before a dateline that stands alone in its paragraph', () => {
    const html = page(paragraphs([caption, 'Mangupura, (Metrobali.com)-', ...BODY]))
    expect(texts(html)).toEqual(['Mangupura, (Metrobali.com)-', ...BODY])
    expect(removals(html, 'before-dateline')).toEqual([caption])
  })

  it('stays when what comes before the dateline is a long paragraph', () => {
    const long = `${BODY[2]} ${BODY[1]}`
    expect(long.length).toBeGreaterThanOrEqual(250)
    expect(texts(page(paragraphs([long, dateline, BODY[1]])))).toEqual([long, dateline, BODY[1]])
  })

  it('stays when the dateline is not among the first three paragraphs', () => {
    const short = ['Foto: dokumentasi warga.', 'Hujan sejak malam.', 'Air naik pagi ini.']
    const html = page(paragraphs([...short, dateline, BODY[1]]))
    expect(texts(html)).toEqual([...short, dateline, BODY[1]])
  })

  it('stays when the dateline names only a place', () => {
    const placeOnly = `Jakarta - ${BODY[0]}`
    expect(texts(page(paragraphs([caption, placeOnly, BODY[1]])))).toEqual([
      caption,
      placeOnly,
      BODY[1]
    ])
  })
})

describe('what follows the desk credit code', () => {
  const last = `${BODY[2]} (boy/jpnn)`
  const related =
    '<h3>Kabar Terkini Jakarta</h3><p>Gubernur Tinjau Pintu Air Manggarai</p>' +
    '<p>Ratusan Warga Mengungsi ke Masjid</p><p>Banjir Jakarta</p>'

  it('is dropped when it is only headings, list items and lines that are no sentence', () => {
    const html = page(paragraphs([BODY[0], BODY[1], last]) + related)
    expect(texts(html)).toEqual([BODY[0], BODY[1], last])
    expect(removals(html, 'after-credit')).toEqual([
      'Kabar Terkini Jakarta',
      'Gubernur Tinjau Pintu Air Manggarai',
      'Ratusan Warga Mengungsi ke Masjid',
      'Banjir Jakarta'
    ])
  })

  it('drops list items after the credit, even ones that end as a sentence', () => {
    const lined = [
      { block: { type: 'p' as const, text: `${BODY[0]} (ant)` }, line: 0 },
      { block: { type: 'li' as const, text: 'Warga diminta waspada.' }, line: 2 },
      { block: { type: 'li' as const, text: 'Pompa air disiagakan' }, line: 4 }
    ]
    const removed: Array<{ rule: string; text: string; line: number }> = []
    expect(dropAfterCredit(lined, removed)).toEqual(lined.slice(0, 1))
    expect(removed).toEqual([
      { rule: 'after-credit', text: 'Warga diminta waspada.', line: 2 },
      { rule: 'after-credit', text: 'Pompa air disiagakan', line: 4 }
    ])
    // A reader's restored removal stays in the body.
    const kept = dropAfterCredit(lined, [], new Set(['after-credit:4:Pompa air disiagakan']))
    expect(kept.map(({ block }) => block.text)).toEqual([
      `${BODY[0]} (ant)`,
      'Pompa air disiagakan'
    ])
  })

  it('reads codes with stars and names as credits too', () => {
    const starred = `${BODY[2]} (***/Jenly Wenur)`
    expect(texts(page(paragraphs([BODY[0], BODY[1], starred]) + related))).toEqual([
      BODY[0],
      BODY[1],
      starred
    ])
  })

  it('stays when a sentence of the article follows', () => {
    const html = page(paragraphs([BODY[0], `${BODY[1]} (fbn)`]) + related + paragraphs([BODY[2]]))
    expect(texts(html)).toEqual([
      BODY[0],
      `${BODY[1]} (fbn)`,
      'Kabar Terkini Jakarta',
      'Gubernur Tinjau Pintu Air Manggarai',
      'Ratusan Warga Mengungsi ke Masjid',
      'Banjir Jakarta',
      BODY[2]
    ])
  })

  it('stays after a bracketed name, which is no credit code', () => {
    const roads = '<ul><li>Jalan Ottista</li><li>Jalan Kopo</li></ul>'
    const place = 'Penyekatan dilakukan di 12 titik ring dua (Kota Bandung)'
    expect(texts(page(paragraphs([...BODY, place]) + roads))).toEqual([
      ...BODY,
      place,
      'Jalan Ottista',
      'Jalan Kopo'
    ])
  })
})

describe('ad widgets inside the page', () => {
  it('are removed by their class or id: popIn, mgid, taboola and outbrain', () => {
    const widgets = [
      '<div class="_popIn_recommend">Promo Spesial Hari Ini, Klik di Sini Sekarang Juga, Gratis</div>',
      '<div id="ScriptRootC123456">Dokter Terkejut, Cara Ini Bikin Perut Rata dalam Seminggu</div>',
      '<div class="mgid_widget">Rahasia Kaya Mendadak yang Disembunyikan Bank, Baca Sekarang</div>',
      '<div id="taboola-below-article">Rekomendasi Untuk Anda, Konten Bersponsor Dari Mitra</div>',
      '<div class="OUTBRAIN">Anda Mungkin Suka, Artikel Pilihan Dari Seluruh Internet</div>'
    ].join('')
    const html = page(paragraphs(BODY) + widgets)
    expect(texts(html)).toEqual(BODY)
  })
})

describe('an editor is not an author', () => {
  const credited = (meta: string, credit: string): ReturnType<typeof extractHtml> =>
    extractHtml(
      `<!doctype html><html lang="id"><head><title>Banjir Rendam Kemang</title>` +
        `<meta name="author" content="${meta}"></head><body><article>${paragraphs(BODY)}` +
        `<div class="credit">${credit}</div></article></body></html>`,
      'page.html'
    )

  it('is not taken from the metadata when the page credits that name only as editor', () => {
    expect(credited('Sri Juliati', 'Editor: Sri Juliati').authors).toEqual([])
    expect(credited('Sri Juliati', 'Penyunting: Sri Juliati').author).toBeNull()
  })

  it('gives way to the writer the page credits', () => {
    expect(credited('Sri Juliati', 'Penulis: Adi Nugroho | Editor: Sri Juliati').authors).toEqual([
      'Adi Nugroho'
    ])
  })

  it('stays the author when the page credits the same name as writer too', () => {
    const page = credited('Sri Juliati', 'Reporter: Sri Juliati | Editor: Sri Juliati')
    expect(page.authors).toEqual(['Sri Juliati'])
    expect(credited('Sri Juliati', 'Editor: Sri Juliatinah').authors).toEqual(['Sri Juliati'])
  })
})

describe("the outlet's name printed twice before its dateline", () => {
  const dateline = `Otosia.com - ${BODY[0]}`

  it('is printed once, and the repeat kept as a removal', () => {
    const html = page(
      `<p><b>Otosia.com</b> <b>Otosia.com - </b>${BODY[0]}</p>${paragraphs(BODY.slice(1))}`
    )
    expect(texts(html)).toEqual([dateline, BODY[1], BODY[2]])
    expect(removals(html, 'repeated-outlet')).toEqual(['Otosia.com'])
  })

  it('stays when the words before the dateline are not the outlet again', () => {
    const html = page(paragraphs([`Foto: Otosia.com ${dateline}`, BODY[1], BODY[2]]))
    expect(texts(html)[0]).toBe(`Foto: Otosia.com ${dateline}`)
    const place = `Jakarta Jakarta - ${BODY[0]}`
    expect(texts(page(paragraphs([place, BODY[1]])))).toEqual([place, BODY[1]])
  })
})

describe('a "Baca juga" list of other headlines inside the article', () => {
  const headlines = [
    'Klasemen sementara Moto3 2018 usai Seri Spanyol',
    'Ducati mulai siapkan pengganti Lorenzo di MotoGP 2019'
  ]
  const list = `<ul>${headlines.map((h) => `<li><a href="/x">${h}</a></li>`).join('')}</ul>`

  it('is dropped with its heading, by the class that names it', () => {
    const html = page(
      `${paragraphs(BODY.slice(0, 2))}<div class="baca-juga"><p class="baca-juga__header">Baca Juga</p>${list}</div>${paragraphs(BODY.slice(2))}`
    )
    expect(texts(html)).toEqual(BODY)
  })

  it('is dropped with its heading when no class names it, and kept as removals', () => {
    const html = page(
      `${paragraphs(BODY.slice(0, 2))}<p>Baca Juga</p>${list}${paragraphs(BODY.slice(2))}`
    )
    expect(texts(html)).toEqual(BODY)
    expect(removals(html, 'related-list')).toEqual(['Baca Juga', ...headlines])
  })

  it('is dropped under a "Pilihan Redaksi" heading too', () => {
    const picks = `<div class="title">Pilihan Redaksi</div><ul>${headlines.map((h) => `<li><h5><a href="/x">${h}</a></h5></li>`).join('')}</ul>`
    const html = page(`${paragraphs(BODY.slice(0, 2))}${picks}${paragraphs(BODY.slice(2))}`)
    expect(texts(html)).toEqual(BODY)
  })

  it('keeps a list that no "Baca juga" line introduces', () => {
    const steps = ['Cuci tangan dengan sabun.', 'Pakai masker di keramaian.']
    const html = page(
      `${paragraphs(BODY.slice(0, 2))}<ul>${steps.map((s) => `<li>${s}</li>`).join('')}</ul>${paragraphs(BODY.slice(2))}`
    )
    expect(texts(html)).toEqual([...BODY.slice(0, 2), ...steps, BODY[2]])
  })
})

describe('the headline among several og:title tags', () => {
  it('is the one the page title and heading show, not the site slogan before it', () => {
    const html =
      `<!doctype html><html lang="id"><head><title>Kemenag Gelar Sidang Isbat - Tirto.ID</title>` +
      `<meta property="og:title" content="Tirto.ID - Jernih Mengalir Mencerahkan">` +
      `<meta property="og:title" content="Kemenag Gelar Sidang Isbat"></head>` +
      `<body><article><h1>Kemenag Gelar Sidang Isbat</h1>${paragraphs(BODY)}</article></body></html>`
    expect(extractHtml(html, 'page.html').title).toBe('Kemenag Gelar Sidang Isbat')
  })

  it('is the first og:title when the page shows none of them', () => {
    const html =
      `<!doctype html><html lang="id"><head><title>Beranda</title>` +
      `<meta property="og:title" content="Banjir Rendam Kemang">` +
      `<meta property="og:title" content="Banjir Rendam Kemang Lagi"></head>` +
      `<body><article>${paragraphs(BODY)}</article></body></html>`
    expect(extractHtml(html, 'page.html').title).toBe('Banjir Rendam Kemang')
  })
})

describe('lines around the article that are no part of it', () => {
  it('drops a loader placeholder and a bracketed outlet-and-section credit', () => {
    const html = page(
      paragraphs([
        'loading...',
        ...BODY,
        '(tirto.id - Sosial Budaya)',
        '(kompas.com - Megapolitan)'
      ])
    )
    expect(texts(html)).toEqual(BODY)
  })

  it('keeps a bracketed aside that names no site', () => {
    const aside = '(Baca selengkapnya di halaman berikut - Redaksi)'
    expect(texts(page(paragraphs([...BODY, aside])))).toEqual([...BODY, aside])
  })
})

describe('a caption before a dateline that names only a place', () => {
  it('is dropped when it is labelled as a photo, the dateline standing alone', () => {
    const caption = 'Foto: Tas yang disebut Nurleli berisi bom (Bakrie-detikcom)'
    const html = page(paragraphs([caption, 'Jakarta -', BODY[0], BODY[1]]))
    expect(texts(html)).toEqual(['Jakarta -', BODY[0], BODY[1]])
    expect(removals(html, 'before-dateline')).toEqual([caption])
  })

  it("is dropped when it ends in the photographer's code", () => {
    const caption = 'Tiang papan reklame yang dikeluhkan warga. (wandi)'
    const dateline = `JAKARTA – ${BODY[0]}`
    const html = page(paragraphs([caption, dateline, BODY[1]]))
    expect(texts(html)).toEqual([dateline, BODY[1]])
    expect(removals(html, 'before-dateline')).toEqual([caption])
  })
})

describe('a WIB time labelled as UTC in the metadata', () => {
  const withDate = (shown: string): string =>
    `<!doctype html><html lang="id"><head><title>Banjir Rendam Kemang</title>` +
    `<meta property="article:published_time" content="2018-05-01T19:38:19+00:00"></head>` +
    `<body><div class="single-title"><h2>Banjir Rendam Kemang</h2><h5>${shown}</h5></div>` +
    `<article>${paragraphs(BODY)}</article></body></html>`

  it('is read in WIB when the page shows that time in WIB', () => {
    expect(extractHtml(withDate('Selasa, 1 Mei 2018 — 19:38 WIB'), 'p.html').publishedAt).toBe(
      '2018-05-01T19:38:19+07:00'
    )
  })

  it('is read in the zone a byline box shows, for a time written without an offset', () => {
    const html =
      `<!doctype html><html lang="id"><head><title>Banjir Rendam Kemang</title>` +
      `<meta name="publishdate" content="2018/05/01 19:03:45"></head><body><h1>Banjir</h1>` +
      `<div class="date">\n${' '.repeat(20)}<strong>Natalia Santi</strong>, CNN Indonesia | Selasa, 01/05/2018 19:03 WIB\n${' '.repeat(16)}</div>` +
      `<article>${paragraphs(BODY)}</article></body></html>`
    expect(extractHtml(html, 'p.html').publishedAt).toBe('2018-05-01T19:03:45+07:00')
  })

  it('stays UTC when the page shows another time', () => {
    expect(extractHtml(withDate('Rabu, 2 Mei 2018 — 02:38 WIB'), 'p.html').publishedAt).toBe(
      '2018-05-01T19:38:19+00:00'
    )
  })
})

describe("the desk's closing source line in capitals", () => {
  it('is dropped after the last sentence, and kept as a removal', () => {
    const html = page(
      `${paragraphs(BODY)}<p><strong>DAILY STAR | EXPRESS | FIKRI ARIGI</strong></p>`
    )
    expect(texts(html)).toEqual(BODY)
    expect(removals(html, 'closing-credit')).toEqual(['DAILY STAR | EXPRESS | FIKRI ARIGI'])
    expect(texts(page(`${paragraphs(BODY)}<p><strong>UEFA</strong></p>`))).toEqual(BODY)
  })

  it('stays when it is a sentence or sits before the end', () => {
    const shout = 'PEMERINTAH MENOLAK USULAN ITU.'
    expect(texts(page(paragraphs([...BODY, shout])))).toEqual([...BODY, shout])
    expect(texts(page(paragraphs([BODY[0], 'UEFA', BODY[1]])))).toEqual([BODY[0], 'UEFA', BODY[1]])
  })
})
