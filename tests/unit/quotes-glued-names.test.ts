import { describe, expect, it } from 'vitest'
import { findQuotes } from '../../src/shared/quotes'

/** Speakers of the spoken quotations of `text`, in order (terms left out). */
const speakers = (text: string): Array<string | null> =>
  findQuotes(text)
    .filter((q) => q.kind !== 'term')
    .map((q) => q.speaker)

describe('words glued before a name (issue 15, class 1: glued phrases)', () => {
  it('cuts a body and an ordinary word off a name the article later uses by a later word', () => {
    const text =
      'Anggota Komisi IV DPR RI Fraksi Hanura Darmadi Kusno menyoroti anggaran itu.\n\n' +
      '"Anggaran ini terlalu besar untuk rapat," kata Darmadi.'
    expect(speakers(text)).toEqual(['Darmadi Kusno'])
  })

  it('cuts a company name that the article also uses on its own', () => {
    const text =
      'Hal itu disampaikan Direktur Utama Nusatama Reinhard Paulus Siregar usai rapat.\n\n' +
      'Menurut Reinhard, Nusatama siap membantu.\n\n' +
      '"Nusatama akan memperbaiki layanan," kata Reinhard. Nusatama juga membuka posko.'
    expect(speakers(text)).toEqual(['Reinhard Paulus Siregar'])
  })

  it('keeps every word of a long name when the dropped words stand nowhere else', () => {
    const text =
      'Guru besar Tri Edhi Budhi Soesilo ikut hadir.\n\n' + '"Saya sedih mendengarnya," kata Budhi.'
    expect(speakers(text)).toEqual(['Tri Edhi Budhi Soesilo'])
  })

  it('keeps a long name whose later word is also another person’s name', () => {
    const text =
      'Terdakwa adalah Then Sugianto Eka Pramana dan Eka Sudarta.\n\n' +
      '"Saya tidak bersalah," ujar Then.\n\n' +
      '"Saya juga tidak," kata Eka Sudarta.'
    expect(speakers(text)).toEqual(['Then Sugianto Eka Pramana', 'Eka Sudarta'])
  })

  it('strips a two-word title (`Jaksa Agung`, `Direktur Utama`) and a ministerial abbreviation', () => {
    const text =
      'Ia bertemu Jaksa Agung Rusdianto Hamid. Jaksa Agung pun meminta warga tenang.\n\n' +
      '"Kami akan mengusut," tutup Hamid.\n\n' +
      '"Saya kecewa," kata mantan Mendag Baskara Adiwangsa Lubis.'
    expect(speakers(text)).toEqual(['Rusdianto Hamid', 'Baskara Adiwangsa Lubis'])
  })

  it('strips a profession (`Epidemiolog`) and a nanny’s title (`sus`)', () => {
    const text =
      'Epidemiolog Randi Kusumo Atmaja menyatakan gelombang kedua belum datang.\n\n' +
      '"Masih jauh," ujar Randi.\n\n' +
      '"Seneng banget dong," kata sus Warni.'
    expect(speakers(text)).toEqual(['Randi Kusumo Atmaja', 'Warni'])
  })

  it('gives a short form the name it opens rather than one it sits inside', () => {
    const text =
      'Terdakwa: Then Surianto Eka Prasetyo dan Eka Sapardi.\n\n' +
      'Eka mengaku sedih.\n\n' +
      '"Tak pernah terlintas dalam pikiran saya," kata Eka.'
    expect(speakers(text)).toEqual(['Eka Sapardi'])
  })
})
