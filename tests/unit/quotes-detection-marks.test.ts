import { describe, expect, it } from 'vitest'
import { findQuotes } from '../../src/shared/quotes'

/** The spoken quotations of `text` (terms left out) as [quote, speaker]. */
const spoken = (text: string): Array<[string, string | null]> =>
  findQuotes(text)
    .filter((q) => q.kind !== 'term')
    .map((q) => [q.quote, q.speaker])

describe('quotations that did not pair or were taken for terms (issue 15, missed quotations)', () => {
  it('opens a quotation glued to the full stop before it', () => {
    const text =
      'Hal itu disampaikan Dosen Lingkungan Hartono Wiyoga kepada wartawan.' +
      '"Kami sedih dan prihatin atas keputusan itu," kata Hartono.'
    expect(spoken(text)).toEqual([
      ['Kami sedih dan prihatin atas keputusan itu,', 'Hartono Wiyoga']
    ])
  })

  it('still closes a quotation whose space after the mark was forgotten', () => {
    const text = '"Kami siap bertanding,"ujar Budi Santoso.'
    expect(spoken(text)).toEqual([['Kami siap bertanding,', 'Budi Santoso']])
  })

  it('keeps a sentence quoted inside a quotation as speech with no named speaker', () => {
    const text =
      '"Saya pakai mobil biasa, lalu saya ingat \'Hartono, kamu pejabat negara, harus beri contoh\' ya sudah," ujar Hartono Wiyoga.'
    expect(spoken(text)).toEqual([
      [
        "Saya pakai mobil biasa, lalu saya ingat 'Hartono, kamu pejabat negara, harus beri contoh' ya sudah,",
        'Hartono Wiyoga'
      ],
      ['Hartono, kamu pejabat negara, harus beri contoh', null]
    ])
  })

  it('leaves a short phrase or a slogan inside a quotation a term', () => {
    const text =
      "\"Mereka bilang kami 'tidak bisa mendidik anak' dan itu 'Perdamaian Melalui Kekuatan',\" kata Budi Santoso."
    expect(spoken(text)).toHaveLength(1)
  })
})
