import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  findIndonesianDate,
  parseIndonesianDate,
  unslipOffset
} from '../../src/main/core/import/dates'
import { extractArticle } from '../../src/main/core/import/extract'
import { outletFromDateline, outletFromUrl } from '../../src/main/core/import/metadata'
import { CORPUS, SEED } from '../support/core'

const real = (file: string): Promise<string> => readFile(path.join(CORPUS, 'real', file), 'utf8')
/** 1 December 2023, local time: "now" for dates written without a year. */
const DEC_2023 = new Date(2023, 11, 1)

describe('parseIndonesianDate', () => {
  it.each([
    ['Senin, 12 Agustus 2024 14:30 WIB', '2024-08-12T14:30:00+07:00'],
    ['Senin, 12 Agustus 2024 | 14:30 WITA', '2024-08-12T14:30:00+08:00'],
    ['12 Agustus 2024, pukul 14.30 WIT', '2024-08-12T14:30:00+09:00'],
    ['Kamis, 19 Sep 2024 21:45 WIB', '2024-09-19T21:45:00+07:00'],
    ['Kompas.com - 16/04/2023, 16:47 WIB', '2023-04-16T16:47:00+07:00'],
    ['16 April 2023', '2023-04-16'],
    ['16 Apr 2023', '2023-04-16'],
    ['1 Mei 2024', '2024-05-01'],
    ['5 Agu 2024', '2024-08-05'],
    ['5 Agt 2024', '2024-08-05'],
    ['5 Ags 2024', '2024-08-05'],
    ['3 Okt 2022', '2022-10-03'],
    ['25 Des 2022', '2022-12-25'],
    ['9 Jan 2021', '2021-01-09'],
    ['14 Feb 2020', '2020-02-14'],
    ['2 Mar 2019', '2019-03-02'],
    ['30 Jun 2018', '2018-06-30'],
    ['17 Jul 2017', '2017-07-17'],
    ['1 Nov 2016', '2016-11-01'],
    ['Rabu (2/3/2016)', '2016-03-02'],
    ['Minggu (16/4/2023)', '2023-04-16'],
    ['16-04-2023', '2023-04-16'],
    ['August 12, 2024', '2024-08-12'],
    ['12 August 2024 2:30 PM GMT', '2024-08-12T14:30:00+00:00'],
    ['Monday, December 25, 2023', '2023-12-25'],
    ['2023-04-16T16:47:52+07:00', '2023-04-16T16:47:52+07:00'],
    ['2023-04-16T09:47:52.000Z', '2023-04-16T09:47:52.000Z'],
    ['2023-04-16', '2023-04-16'],
    ['2023-04-16 16:47:52', '2023-04-16T16:47:52'],
    ['2023-04-16T16:47:52+0700', '2023-04-16T16:47:52+07:00'],
    ['2018/05/01 05:27:04', '2018-05-01T05:27:04'],
    ['2018/05/01', '2018-05-01'],
    ['29 Februari 2024', '2024-02-29']
  ])('%s → %s', (text, iso) => {
    expect(parseIndonesianDate(text, DEC_2023)).toBe(iso)
  })

  it.each([
    '31/2/2023',
    '30 Februari 2024',
    '29 Feb 2023',
    '2023-02-30',
    '2023/02/30',
    '2023/04-16',
    '32 Januari 2024',
    'kemarin'
  ])('is null for %s, which is no date', (text) => {
    expect(parseIndonesianDate(text, DEC_2023)).toBeNull()
  })

  it("gives a date without a year the reference's year, or the year before when that is still to come", () => {
    expect(parseIndonesianDate('23 November', DEC_2023)).toBe('2023-11-23')
    expect(parseIndonesianDate('23 November', new Date(2024, 2, 1))).toBe('2023-11-23')
    expect(parseIndonesianDate('23 November', new Date(2023, 10, 23))).toBe('2023-11-23')
    expect(parseIndonesianDate('23 November', new Date(2023, 10, 22))).toBe('2022-11-23')
    expect(parseIndonesianDate('Minggu (16/4)', new Date(2023, 5, 1))).toBe('2023-04-16')
  })

  it('finds the first date written in a paragraph, not a number that only looks like one', () => {
    const paragraph =
      '"Kondisi lainnya masih didalami," ujar Julius di Mabes TNI, Jakarta Timur, Minggu (16/4/2023). Ia kembali pada 20 April 2023.'
    expect(findIndonesianDate(paragraph, DEC_2023)).toMatchObject({
      iso: '2023-04-16',
      text: '16/4/2023'
    })
    expect(
      parseIndonesianDate('Skor akhir 3/4 babak, 10.000 penonton, pukul 14.30', DEC_2023)
    ).toBeNull()
    expect(parseIndonesianDate('sebanyak 12 Mei 2024, 10.000 orang hadir', DEC_2023)).toBe(
      '2024-05-12'
    )
  })
})

describe('outlets', () => {
  it.each([
    ['KOMPAS.com - Kepala Pusat Penerangan TNI mengatakan', 'Kompas.com'],
    ['JAKARTA, KOMPAS.com - Banjir merendam', 'Kompas.com'],
    ['Jakarta, CNN Indonesia -- Presiden meminta', 'CNN Indonesia'],
    ['Pariaman (ANTARA) - Badan Pengawas Pemilu', 'ANTARA'],
    ['Liputan6.com, Jakarta- Presiden Joko Widodo', 'Liputan6.com'],
    ['TEMPO.CO, Jakarta - Badan Pengkajian', 'Tempo.co'],
    ['REPUBLIKA.CO.ID, JAKARTA -- Manajer Roma', 'Republika'],
    ['detikSport', 'detikSport'],
    ['Suara.com - Pemerintah menetapkan', 'Suara.com'],
    ['JAKARTA - Amerika Serikat resmi menyerang', null],
    ['Jakarta - Negara-negara Arab mengecam', null],
    ['Presiden Joko Widodo - yang hadir di sana - mengatakan', null]
  ])('%s → %s', (text, outlet) => {
    expect(outletFromDateline(text)).toBe(outlet)
  })

  it('names an outlet from its host, subdomains included, and any other host by itself', () => {
    expect(outletFromUrl('https://nasional.kompas.com/read/2023/04/16/x')).toBe('Kompas.com')
    expect(outletFromUrl('https://www.kompas.com/tren/read/x')).toBe('Kompas.com')
    expect(outletFromUrl('https://sport.detik.com/sepakbola/d-1/x')).toBe('detikSport')
    expect(outletFromUrl('https://www.antaranews.com/berita/1')).toBe('ANTARA')
    expect(outletFromUrl('https://www.example.org/a')).toBe('Example.org')
    expect(outletFromUrl('bukan url')).toBeNull()
    expect(outletFromUrl(null)).toBeNull()
  })
})

describe('metadata of text articles', () => {
  it('reads Kompas.com and 16 April 2023 from the Kompas article', async () => {
    const draft = extractArticle(
      await real('01-kompas-pilot-susi-air.txt'),
      '01-kompas-pilot-susi-air.txt',
      'text'
    )
    expect(draft).toMatchObject({
      title:
        'Puspen TNI Sebut Area Pilot Susi Air Sudah Diketahui, Operasi Penyelamatan Terkendala Cuaca',
      outlet: 'Kompas.com',
      author: null,
      publishedAt: '2023-04-16'
    })
  })

  it.each([
    ['09-antara-bawaslu-pariaman-pemuda.txt', 'ANTARA', null],
    ['10-liputan6-jokowi-koperasi.txt', 'Liputan6.com', '2018-07-13'],
    ['11-tempo-bppt-tmc-malam-hari.txt', 'Tempo.co', '2020-02-25'],
    ['12-republika-mourinho-derbi.txt', 'Republika', null],
    ['14-detik-negara-arab-kecam-as.txt', null, '2025-06-22']
  ])('reads the dateline and first date of %s', async (file, outlet, publishedAt) => {
    const draft = extractArticle(await real(file), file, 'text', { reference: DEC_2023 })
    expect({ outlet: draft.outlet, publishedAt: draft.publishedAt }).toEqual({
      outlet,
      publishedAt
    })
  })

  it('gives the seed the year-less date it mentions and no outlet or author', async () => {
    const text = await readFile(SEED, 'utf8')
    const draft = extractArticle(text, 'seed.txt', 'text', { reference: DEC_2023 })
    expect(draft).toMatchObject({ outlet: null, author: null, publishedAt: '2023-11-23' })
    expect(draft.removed.map((r) => r.rule)).toEqual([
      'ad-placeholder',
      'source-link',
      'comment-count'
    ])
  })

  it('takes byline lines out of the text and keeps their writer as the author', () => {
    const text = [
      'Harga Cabai Naik Jelang Lebaran',
      '',
      'Penulis: Ardito Ramadhan | Editor: Dani Prabowo',
      '',
      'Jakarta, CNN Indonesia -- Harga cabai rawit di Pasar Induk Kramat Jati naik menjadi Rp 80.000 per kilogram.',
      '',
      'Reporter: Bagaimana tanggapan pedagang soal kenaikan ini',
      '',
      'Pedagang mengaku pasokan dari Jawa Tengah berkurang sejak pekan lalu.'
    ].join('\n')
    const draft = extractArticle(text, 'cabai.txt', 'text')
    expect(draft).toMatchObject({
      title: 'Harga Cabai Naik Jelang Lebaran',
      author: 'Ardito Ramadhan',
      outlet: 'CNN Indonesia'
    })
    expect(draft.removed).toEqual([
      { rule: 'byline', text: 'Penulis: Ardito Ramadhan | Editor: Dani Prabowo', line: 2 }
    ])
    // An interview line is not a byline: it stays in the article.
    expect(draft.blocks.map((b) => b.text)).toContain(
      'Reporter: Bagaimana tanggapan pedagang soal kenaikan ini'
    )
  })

  it('names the editor when no writer is named, and reads Markdown bylines', () => {
    const editorOnly = extractArticle(
      'Judul Berita Hari Ini\n\nEditor: Rifqi Ardita\n\nIsi berita yang cukup panjang untuk dibaca.',
      'a.txt',
      'text'
    )
    expect(editorOnly.author).toBe('Rifqi Ardita')
    const markdown = extractArticle(
      '# Judul Berita\n\n**Penulis:** Lely Maulida\n\nIsi berita yang cukup panjang untuk dibaca.',
      'a.md',
      'markdown'
    )
    expect(markdown.author).toBe('Lely Maulida')
    expect(markdown.blocks).toEqual([
      { type: 'p', text: 'Isi berita yang cukup panjang untuk dibaca.' }
    ])
  })

  it('takes a date line near the top out of the text and uses it as the date', () => {
    const text = [
      'Harga Cabai Naik Jelang Lebaran',
      'Senin, 12 Agustus 2024 14:30 WIB',
      '',
      'Harga cabai rawit naik menjadi Rp 80.000 per kilogram, Minggu (11/8/2024).'
    ].join('\n')
    const draft = extractArticle(text, 'cabai.txt', 'text')
    expect(draft.title).toBe('Harga Cabai Naik Jelang Lebaran')
    expect(draft.publishedAt).toBe('2024-08-12T14:30:00+07:00')
    expect(draft.removed).toEqual([
      { rule: 'date-line', text: 'Senin, 12 Agustus 2024 14:30 WIB', line: 1 }
    ])
    expect(draft.blocks).toHaveLength(1)
  })

  it('keeps a removal the reader restored when the text is extracted again', () => {
    const text = 'Judul Berita Hari Ini\n\nPenulis: Lely Maulida\n\nIsi berita yang cukup panjang.'
    const draft = extractArticle(text, 'a.txt', 'text', {
      keep: new Set(['byline:2:Penulis: Lely Maulida'])
    })
    expect(draft.removed).toEqual([])
    expect(draft.blocks.map((b) => b.text)).toEqual([
      'Penulis: Lely Maulida',
      'Isi berita yang cukup panjang.'
    ])
  })
})

describe('timestamps whose offset sign slipped', () => {
  const shown = ['JATIM | 16 Juni 2021 10:49']
  it('reads 10:49-07:00 as 10:49 WIB when the page shows that time in Indonesian', () => {
    expect(unslipOffset('2021-06-16T10:49:00-07:00', shown, DEC_2023)).toBe(
      '2021-06-16T10:49:00+07:00'
    )
    expect(unslipOffset('2021-06-16T10:49-08:00', ['16 Juni 2021 10:49 WITA'], DEC_2023)).toBe(
      '2021-06-16T10:49+08:00'
    )
  })

  it('keeps the offset when the page shows another time, an English date or nothing', () => {
    const iso = '2021-06-16T10:49:00-07:00'
    expect(unslipOffset(iso, ['16 Juni 2021 17:49'], DEC_2023)).toBe(iso)
    expect(unslipOffset(iso, ['June 16, 2021 10:49'], DEC_2023)).toBe(iso)
    expect(unslipOffset(iso, [], DEC_2023)).toBe(iso)
    expect(unslipOffset('2021-06-16T10:49:00-05:00', shown, DEC_2023)).toBe(
      '2021-06-16T10:49:00-05:00'
    )
  })

  it('reads a WIB time written as UTC as WIB when the page shows it in WIB', () => {
    const wib = ['Selasa, 1 Mei 2018 — 19:38 WIB']
    expect(unslipOffset('2018-05-01T19:38:19+00:00', wib, DEC_2023)).toBe(
      '2018-05-01T19:38:19+07:00'
    )
    expect(unslipOffset('2018-05-01T19:38:19Z', wib, DEC_2023)).toBe('2018-05-01T19:38:19+07:00')
    expect(unslipOffset('2018-05-01T19:38+00:00', ['1 Mei 2018 19:38 WITA'], DEC_2023)).toBe(
      '2018-05-01T19:38+08:00'
    )
  })

  it('gives a time written without an offset the zone the page shows it in', () => {
    const shown = ['Natalia Santi, CNN Indonesia | Selasa, 01/05/2018 19:03 WIB']
    expect(unslipOffset('2018-05-01T19:03:45', shown, DEC_2023)).toBe('2018-05-01T19:03:45+07:00')
    expect(unslipOffset('2018-05-01T19:03:45', ['01/05/2018 19:03'], DEC_2023)).toBe(
      '2018-05-01T19:03:45'
    )
  })

  it('keeps a UTC time when the page shows another time or names no zone', () => {
    const utc = '2018-05-01T12:38:19+00:00'
    expect(unslipOffset(utc, ['Selasa, 1 Mei 2018 — 19:38 WIB'], DEC_2023)).toBe(utc)
    expect(unslipOffset('2018-05-01T19:38:19+00:00', ['1 Mei 2018 19:38'], DEC_2023)).toBe(
      '2018-05-01T19:38:19+00:00'
    )
  })
})
