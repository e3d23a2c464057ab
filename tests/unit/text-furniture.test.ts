import { describe, expect, it } from 'vitest'
import { extractArticle } from '../../src/main/core/import/extract'

const ARTICLE = [
  'Harga Cabai Naik di Pasar Induk',
  '',
  'Harga cabai rawit di Pasar Induk Kramat Jati naik tajam sejak awal pekan ini.',
  '',
  'Baca juga:',
  '• Harga Bawang Merah Turun Jelang Akhir Tahun',
  '• Pedagang Pasar Senen Keluhkan Sepinya Pembeli',
  '',
  '"Pasokan dari Jawa Tengah berkurang karena hujan," kata Suryani, pedagang di pasar itu.',
  '',
  '• Operasi Pasar Digelar di Lima Wilayah Jakarta',
  '',
  'Pedagang menyarankan pembeli untuk:',
  '• Membeli secukupnya saja.',
  '• Menyimpan cabai di lemari pendingin.',
  '',
  'Berita terkait banjir di sentra cabai sudah dimuat kemarin.',
  '',
  'Berita Terkait',
  '1. Petani Cabai di Magelang Gagal Panen Akibat Hujan',
  '2. Kementan Siapkan Cadangan Cabai untuk Natal',
  '',
  'Dinas perdagangan berjanji memantau harga setiap hari.'
].join('\n')

describe('plain-text furniture: other articles’ headlines', () => {
  const draft = extractArticle(ARTICLE, 'cabai.txt', 'text')
  const body = draft.blocks.map((b) => b.text)

  it('drops bulleted and numbered headlines under "Baca juga" and "Berita terkait", and lone bulleted headlines', () => {
    for (const headline of [
      'Harga Bawang Merah Turun',
      'Pedagang Pasar Senen',
      'Operasi Pasar Digelar',
      'Petani Cabai di Magelang',
      'Kementan Siapkan'
    ])
      expect(body.join('\n'), headline).not.toContain(headline)
    expect(draft.removed.map((r) => r.rule)).toEqual([
      'read-also',
      'read-also',
      'read-also',
      'related-headline',
      'related-list',
      'related-list',
      'related-list'
    ])
  })

  it('never removes a sentence of the article, bulleted or not', () => {
    expect(body).toEqual([
      'Harga cabai rawit di Pasar Induk Kramat Jati naik tajam sejak awal pekan ini.',
      '"Pasokan dari Jawa Tengah berkurang karena hujan," kata Suryani, pedagang di pasar itu.',
      'Pedagang menyarankan pembeli untuk:',
      '• Membeli secukupnya saja.',
      '• Menyimpan cabai di lemari pendingin.',
      'Berita terkait banjir di sentra cabai sudah dimuat kemarin.',
      'Dinas perdagangan berjanji memantau harga setiap hari.'
    ])
  })

  it('keeps a removed headline when the reader restores it', () => {
    const removal = draft.removed.find((r) => r.text.includes('Operasi Pasar'))!
    const again = extractArticle(ARTICLE, 'cabai.txt', 'text', {
      keep: new Set([`${removal.rule}:${removal.line}:${removal.text}`])
    })
    expect(again.blocks.map((b) => b.text)).toContain(
      '• Operasi Pasar Digelar di Lima Wilayah Jakarta'
    )
  })
})

describe('plain-text furniture: the article’s tags', () => {
  const TAGGED = [
    'Banjir Rendam Kemang',
    '',
    'Banjir setinggi 50 sentimeter merendam kawasan Kemang sejak Sabtu pagi.',
    '',
    'Topik: Banjir kiriman dari hulu sungai datang lagi, kata warga.',
    '',
    'Petugas menyiagakan perahu karet di tiga titik.',
    '',
    'TAG:',
    'Banjir Jakarta Kemang Cuaca Ekstrem',
    '',
    'Tags',
    'Banjir',
    'Jakarta Selatan'
  ].join('\n')
  const draft = extractArticle(TAGGED, 'banjir.txt', 'text')

  it('drops the tags listed under "TAG:" or "Tags", one line or one a line', () => {
    const body = draft.blocks.map((b) => b.text).join('\n')
    expect(body).not.toContain('Cuaca Ekstrem')
    expect(body).not.toContain('Jakarta Selatan')
    expect(draft.removed.filter((r) => r.rule === 'tag-list').map((r) => r.text)).toEqual([
      'TAG:',
      'Banjir Jakarta Kemang Cuaca Ekstrem',
      'Tags',
      'Banjir',
      'Jakarta Selatan'
    ])
  })

  it('never takes a sentence for a tag, even after a "Topik:" label in the text', () => {
    expect(draft.blocks.map((b) => b.text)).toEqual([
      'Banjir setinggi 50 sentimeter merendam kawasan Kemang sejak Sabtu pagi.',
      'Topik: Banjir kiriman dari hulu sungai datang lagi, kata warga.',
      'Petugas menyiagakan perahu karet di tiga titik.'
    ])
  })
})
