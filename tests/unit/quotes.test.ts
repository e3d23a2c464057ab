import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findQuotes, type Quotation } from '../../src/shared/quotes'
import { evaluate } from '../../scripts/eval-quotes'

const only = (text: string): Quotation => {
  const found = findQuotes(text)
  expect(found).toHaveLength(1)
  return found[0]
}
const brief = (text: string): Array<[string, string | null, string]> =>
  findQuotes(text).map((q) => [q.quote, q.speaker, q.kind])

describe('findQuotes: marks', () => {
  it('reads curly, straight, guillemet, „“ and single quotes, with offsets inside the marks', () => {
    for (const [open, close] of [
      ['“', '”'],
      ['"', '"'],
      ['«', '»'],
      ['„', '“'],
      ['‘', '’'],
      ["'", "'"]
    ]) {
      const text = `${open}Harga beras naik lagi minggu ini,${close} kata Budi Santoso.`
      const q = only(text)
      expect(q).toMatchObject({
        quote: 'Harga beras naik lagi minggu ini,',
        speaker: 'Budi Santoso',
        kind: 'direct'
      })
      expect(text.slice(q.start, q.end)).toBe(q.quote)
    }
  })

  it('keeps a quoted name inside a straight-quoted quotation as one quotation and a nested term', () => {
    const text =
      '"Kami menjalankan operasi "Sapu Jagat" untuk menutup jalur penyelundupan narkoba," ujar Kapolda Irjen Rudi Hartono.'
    expect(brief(text)).toEqual([
      [
        'Kami menjalankan operasi "Sapu Jagat" untuk menutup jalur penyelundupan narkoba,',
        'Rudi Hartono',
        'direct'
      ],
      ['Sapu Jagat', null, 'term']
    ])
  })

  it('is not fooled by apostrophes, minute marks or inch marks', () => {
    expect(
      findQuotes("Salat Jum'at di masjid itu diikuti pembacaan Qur'an dan amar ma'ruf.")
    ).toEqual([])
    expect(findQuotes("Gol dicetak Rahmat (64') dan Dimas (88').")).toEqual([])
    expect(findQuotes('Layar 14" dan monitor 27" dijual murah di toko itu.')).toEqual([])
  })
})

describe('findQuotes: structure', () => {
  it('splits a quotation around its attribution, both parts to the same speaker', () => {
    expect(
      brief('"Kami sudah siap," kata Andi Wijaya. "Tim berlatih keras sejak Januari."')
    ).toEqual([
      ['Kami sudah siap,', 'Andi Wijaya', 'direct'],
      ['Tim berlatih keras sejak Januari.', 'Andi Wijaya', 'direct']
    ])
  })

  it('follows a quotation over paragraphs that reopen it', () => {
    const text =
      'Menteri Keuangan Sri Wahyuni menjelaskan rencana anggaran.\n\n“Anggaran tahun depan fokus pada pendidikan.\n\n“Kami juga menambah dana kesehatan di daerah,” ujar Sri.'
    expect(brief(text)).toEqual([
      ['Anggaran tahun depan fokus pada pendidikan.', 'Sri Wahyuni', 'direct'],
      ['Kami juga menambah dana kesehatan di daerah,', 'Sri Wahyuni', 'direct']
    ])
  })

  it('marks a fragment in reported speech as partial, with the subject as speaker', () => {
    const q = only(
      'Gubernur Jawa Barat Dedi Mulyana menyatakan bahwa banjir itu "di luar perkiraan semua pihak" dan meminta warga mengungsi.'
    )
    expect(q).toMatchObject({
      quote: 'di luar perkiraan semua pihak',
      speaker: 'Dedi Mulyana',
      kind: 'partial'
    })
  })

  it('marks scare quotes, names and titles as terms without a speaker', () => {
    expect(brief('Penonton memadati bioskop untuk film "Dilan 1990" pada akhir pekan.')).toEqual([
      ['Dilan 1990', null, 'term']
    ])
    expect(brief('Aplikasi itu menambah fitur baru, yaitu "hype" bagi penggunanya.')).toEqual([
      ['hype', null, 'term']
    ])
  })
})

describe('findQuotes: speakers', () => {
  it('understands every reporting verb family after a quotation', () => {
    const verbs = [
      'kata',
      'ujar',
      'ucap',
      'tutur',
      'ungkap',
      'jelas',
      'tegas',
      'imbuh',
      'tambah',
      'sebut',
      'lanjut',
      'papar',
      'terang'
    ]
    for (const verb of verbs) {
      expect(only(`"Jalan itu rusak sejak lama," ${verb} Rina Marlina.`).speaker, verb).toBe(
        'Rina Marlina'
      )
      expect(
        only(`Rina Marlina datang ke lokasi. "Jalan itu rusak sejak lama," ${verb}nya.`).speaker,
        `${verb}nya`
      ).toBe('Rina Marlina')
    }
    for (const verb of [
      'mengatakan',
      'menyatakan',
      'menegaskan',
      'menambahkan',
      'menjelaskan',
      'mengungkapkan',
      'menuturkan'
    ]) {
      expect(only(`"Jalan itu rusak sejak lama," Rina Marlina ${verb}.`).speaker, verb).toBe(
        'Rina Marlina'
      )
      expect(only(`Rina Marlina ${verb}, "Jalan itu rusak sejak lama."`).speaker, `${verb},`).toBe(
        'Rina Marlina'
      )
    }
  })

  it('reads speakers before a quotation: menurut, a colon, menjawab', () => {
    expect(only('Menurut Agus Salim, "Harga cabai akan turun bulan depan."').speaker).toBe(
      'Agus Salim'
    )
    expect(only('Joko Susilo: "Kami menolak rencana itu."').speaker).toBe('Joko Susilo')
    expect(
      only('Ketika ditanya wartawan, Joko Susilo menjawab: "Kami menolak rencana itu."').speaker
    ).toBe('Joko Susilo')
  })

  it('strips titles and roles to the name', () => {
    const cases: Array<[string, string]> = [
      ['Presiden Prabowo Subianto', 'Prabowo Subianto'],
      ['Perdana Menteri Jepang Shigeru Ishiba', 'Shigeru Ishiba'],
      ['juru bicara Kremlin Dmitry Peskov', 'Dmitry Peskov'],
      ['Kepala BPBD Kota Padang Endrizal', 'Endrizal'],
      ['pelatih Bojan Hodak', 'Bojan Hodak'],
      ['Kapuspen TNI Mayjen Kristomei Sianturi', 'Kristomei Sianturi']
    ]
    for (const [phrase, name] of cases)
      expect(only(`"Situasi sudah terkendali sepenuhnya," kata ${phrase}.`).speaker, phrase).toBe(
        name
      )
  })

  it('resolves pronouns to the most recent named speaker', () => {
    const text =
      '"Kami akan banding," kata Hendra Gunawan.\n\nSementara itu Ketua RT setempat, Siti Aminah mengatakan warga resah.\n\n"Kami ingin kepastian," ujar dia.'
    expect(findQuotes(text).map((q) => q.speaker)).toEqual(['Hendra Gunawan', 'Siti Aminah'])
    expect(
      only('Bupati Ahmad Dahlan meninjau lokasi. "Bantuan segera datang," kata beliau.').speaker
    ).toBe('Ahmad Dahlan')
  })

  it('uses the fullest form of a name the article gives', () => {
    const text =
      'Presiden Rusia Vladimir Putin tiba di Minsk.\n\n"Kerja sama kita terus meningkat," ujar Putin.'
    expect(only(text).speaker).toBe('Vladimir Putin')
    expect(
      only('Presiden Joko Widodo (Jokowi) meresmikan bendungan. "Ini untuk petani," kata Jokowi.')
        .speaker
    ).toBe('Joko Widodo')
  })

  it('takes organisations and countries as speakers', () => {
    expect(
      only('"Kami menolak tuduhan itu sepenuhnya," kata Kementerian Luar Negeri.').speaker
    ).toBe('Kementerian Luar Negeri')
    expect(
      only('Qatar, tuan rumah pertemuan itu, menyatakan "sangat prihatin" atas serangan tersebut.')
        .speaker
    ).toBe('Qatar')
  })

  it('leaves the speaker unknown rather than guessing', () => {
    expect(
      only('Di dinding tertulis "Dilarang merokok di seluruh area gedung ini sejak hari ini."')
        .speaker
    ).toBeNull()
    expect(
      only('"Hujan turun deras sepanjang malam sampai pagi," tertulis di papan.').speaker
    ).toBeNull()
  })
})

describe('findQuotes on the labelled corpus', () => {
  it('keeps F1 ≥ 0.95 and speaker accuracy ≥ 0.90 on the real articles', () => {
    const { real } = evaluate()
    expect(real.f1).toBeGreaterThanOrEqual(0.95)
    expect(real.speakerAccuracy).toBeGreaterThanOrEqual(0.9)
    expect(path.basename(__filename)).toBe('quotes.test.ts')
  })
})
