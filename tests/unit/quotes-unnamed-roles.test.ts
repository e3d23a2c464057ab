import { describe, expect, it } from 'vitest'
import { findQuotes } from '../../src/shared/quotes'
import { attributionAfter } from '../../src/shared/quotes/attribution'

/** Speakers of the spoken quotations of `text`, in order (terms left out). */
const speakers = (text: string): Array<string | null> =>
  findQuotes(text)
    .filter((q) => q.kind !== 'term')
    .map((q) => q.speaker)

describe('say null rather than guess (issue 15, class 6)', () => {
  it('gives a quotation by someone’s lawyer to nobody, not to the client named after the role', () => {
    const text =
      'Terdakwa Wiryawan Pradipta Sukma hadir di sidang.\n\n' +
      '"Klien kami tidak punya kewenangan apa pun," ujar kuasa hukum Wiryawan.'
    expect(speakers(text)).toEqual([null])
  })

  it('gives "kata Ketua DKPP" to nobody when no one held the role, and the pronoun after it too', () => {
    const text =
      'Sebelumnya, anggota KPU Harsono Pamungkas membantah tuduhan itu.\n\n' +
      'DKPP menjatuhkan sanksi peringatan keras.\n\n' +
      '"Menjatuhkan sanksi peringatan keras kepada Teradu I," kata Ketua DKPP dalam sidang.\n\n' +
      '"Menjatuhkan sanksi kepada Teradu II," sambungnya.'
    expect(speakers(text)).toEqual([null, null])
  })

  it('still gives a role of a body to the person who held it earlier', () => {
    const text =
      'Ketua DKPP Wardana Lugito membuka sidang.\n\n' +
      '"Sidang dibuka untuk umum," kata Ketua DKPP.'
    expect(speakers(text)).toEqual(['Wardana Lugito'])
  })
})

describe('reporting clauses read right (issue 15, class 2)', () => {
  it('reads "tanya X" as X asking, not as "-nya" pointing back', () => {
    const text =
      'Kapolsek Seruni Dasa Wibawa menggali keterangan dari pelaku berinisial MN.\n\n' +
      '"Iya, Bu. Saya yang bikin," jawab MN.\n\n' +
      '"Kenapa bikin akun itu?" tanya Dasa.'
    expect(speakers(text)).toEqual(['MN', 'Dasa Wibawa'])
    expect(attributionAfter(' tanya Dasa.')).toEqual({
      type: 'name',
      speaker: { name: 'Dasa', person: true, common: false }
    })
  })

  it('cuts a second clause joined by "dan" off the speaker', () => {
    const text = '"Emang harus dibayar?" tanya sus Indah dan dijawab Rayyan singkat.'
    expect(speakers(text)).toEqual(['Indah'])
  })

  it('ends the speaker’s name at the verb that follows it', () => {
    const text =
      '"Dalih itu tidak dapat diterima," kata anggota DKPP Marlina Tawaru membacakan pertimbangan.'
    expect(speakers(text)).toEqual(['Marlina Tawaru'])
  })
})

describe('dialogue and initials (issue 15, class 4: pronouns)', () => {
  it('gives "jawabnya" to the one the question was put to, and initials to that person', () => {
    const text =
      'Kapolsek Seruni Dasa Wibawa memeriksa pelaku berinisial MNA.\n\n' +
      '"Kenapa bikin akun itu?" tanya Dasa.\n\n' +
      '"Karena dari kecil, Bu," jawab MNA.\n\n' +
      '"Dari kamu kecil gitu?" tanya Dasa lagi.\n\n' +
      '"Enggak, Bu. Dari teman tongkrongan," jawabnya.\n\n' +
      'Meski demikian, MNA membantah akun itu dibuat untuk tawuran.\n\n' +
      '"Itu berawal dari dia yang menantang duluan," ucapnya.'
    expect(speakers(text)).toEqual(['Dasa Wibawa', 'MNA', 'Dasa Wibawa', 'MNA', 'MNA'])
  })
})
