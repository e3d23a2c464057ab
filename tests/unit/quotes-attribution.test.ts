import { describe, expect, it } from 'vitest'
import { findQuotes, LOW_CONFIDENCE } from '../../src/shared/quotes'
import { commonWordKind } from '../../src/shared/quotes/common-words'

/** Speakers of the quotations of `text`, in order. */
const speakers = (text: string): Array<string | null> => findQuotes(text).map((q) => q.speaker)

describe('name recogniser: capitalised words that are not names (issue 15, class 1)', () => {
  it('knows ordinary Indonesian words, affixed or not, from the hunspell-id lexicon', () => {
    for (const word of ['Menurutnya', 'Siapapun', 'Pertanyaan', 'Pemerintah', 'Bersama'])
      expect(commonWordKind(word)).toBe('derived')
    for (const word of ['Orang', 'Badan', 'Puasa']) expect(commonWordKind(word)).toBe('root')
    for (const name of ['Jokowi', 'Prabowo', 'Santoso', 'Nabilah', 'Teresa', 'Dimas'])
      expect(commonWordKind(name)).toBeNull()
  })

  it('never gives a quotation to a sentence-initial common word: says null instead', () => {
    expect(
      speakers('Pertanyaan itu dijawab singkat oleh panitia. "Kami belum tahu soal itu," katanya.')
    ).toEqual([null])
  })

  it('never gives a quotation to a generic institution word', () => {
    expect(
      speakers('Badan itu kemudian menyatakan, "Kami akan menyelidiki kasus ini sampai tuntas."')
    ).toEqual([null])
  })

  it('keeps a headline word out of a name the article writes without it', () => {
    const text =
      'Kinerja Renita Rismayanti\n\nPolwan Renita Rismayanti menerima penghargaan di New York.\n\n"Saya bangga mewakili Indonesia," kata Renita.'
    expect(speakers(text)).toEqual(['Renita Rismayanti'])
  })

  it('strips a region the article names from the front of a name', () => {
    expect(
      speakers('Bupati Sukabumi Asep Japar mengatakan, "Kami akan mengevaluasi dapur itu."')
    ).toEqual(['Asep Japar'])
  })

  it('says null rather than guess when only a place or a description is named', () => {
    expect(
      speakers('"Harga cabai naik lagi minggu ini," kata seorang pedagang di Pasar Minggu.')
    ).toEqual([null])
    expect(speakers('"Semua sudah sesuai aturan," kata pejabat itu.')).toEqual([null])
  })

  it('never passes a quote credited to someone unnamed on to the speaker before it', () => {
    const text = [
      '"Tanggul akan kami perkuat," kata Joko Widodo di Istana.',
      '"Air mulai surut sejak pagi tadi," ujar seorang warga.',
      '"Kami belum dapat bantuan," kata salah satu pedagang.',
      '"Kami sudah menunggu sejak pagi," ujar para petani.'
    ].join('\n\n')
    expect(speakers(text)).toEqual(['Joko Widodo', null, null, null])
  })

  it('does not take an outlet dateline for a speaker', () => {
    const text =
      'KOMPAS.com - Dua remaja ditangkap polisi di Jakarta Selatan.\n\n"Ikut aja, Bu. Ngerasa keajak aja."'
    expect(speakers(text)).toEqual([null])
  })
})

describe('titles and roles (class 3)', () => {
  it('strips ranks, offices and roles from the name', () => {
    expect(
      speakers('"Kami akan menindak tegas pelakunya," kata Kapolres Bogor AKBP Rio Wahyu Anggoro.')
    ).toEqual(['Rio Wahyu Anggoro'])
    expect(speakers('"Videonya sudah ditonton jutaan kali," ujar YouTuber Ria Ricis.')).toEqual([
      'Ria Ricis'
    ])
  })

  it('reads the speaker of a headline written "X: \'…\'"', () => {
    const text =
      'Prabowo: "Kami Siap Bekerja Keras untuk Rakyat"\n\nPresiden terpilih itu berbicara di Jakarta.'
    expect(speakers(text)).toEqual(['Prabowo'])
  })

  it('gives the fullest name, through an alias written with "atau"', () => {
    const text =
      'Presiden ke-7 RI Joko Widodo atau Jokowi mendorong kasus itu diproses.\n\n"Diproses saja sesuai hukum," tegas Jokowi.'
    expect(speakers(text)).toEqual(['Joko Widodo'])
  })
})

describe('attribution across paragraphs (class 2)', () => {
  it('gives a quote paragraph to the "X mengatakan:" before it, and the run of quote paragraphs after', () => {
    const text =
      'Menteri Keuangan Sri Wahyuni mengatakan:\n\n"Anggaran tahun depan naik sepuluh persen."\n\n"Pendidikan tetap menjadi prioritas utama kami."'
    expect(speakers(text)).toEqual(['Sri Wahyuni', 'Sri Wahyuni'])
  })

  it('gives a quote paragraph without a clause to the person the paragraph before names', () => {
    const text =
      'Ketua SPPG Hana Nabilah Azmi menyampaikan permintaan maaf kepada orang tua siswa.\n\n"Saya mohon maaf sebesar-besarnya atas kejadian ini."'
    expect(speakers(text)).toEqual(['Hana Nabilah Azmi'])
  })

  it('attributes a quote over two paragraphs by the "ujarnya" that closes the second', () => {
    const text =
      'Gubernur Dedi Mulyana meninjau lokasi banjir.\n\n"Kami sudah menyiapkan tenda pengungsian.\n\n"Bantuan logistik tiba besok pagi," ujarnya.'
    expect(speakers(text)).toEqual(['Dedi Mulyana', 'Dedi Mulyana'])
  })
})

describe('pronouns and role references (class 4)', () => {
  it('resolves a pronoun to the last speaker, not the last person mentioned', () => {
    const text =
      '"Pemilu berjalan lancar dan aman," kata Ketua KPU Hasyim Asyari.\n\nPresiden Joko Widodo hadir dalam acara tersebut bersama para menteri.\n\n"Kami berterima kasih atas dukungan semua pihak," ujarnya.'
    expect(speakers(text)).toEqual(['Hasyim Asyari', 'Hasyim Asyari'])
  })

  it('resolves "sang pelatih" and "politikus itu" to the person that role named earlier', () => {
    expect(
      speakers(
        'Pelatih Bojan Hodak memuji para pemainnya usai laga.\n\nRekan setimnya, Marc Klok, juga senang.\n\n"Mereka bermain luar biasa malam ini," kata sang pelatih.'
      )
    ).toEqual(['Bojan Hodak'])
    expect(
      speakers(
        'Politikus PDIP Budi Gunawan menolak usulan itu.\n\n"Usulan itu tidak masuk akal," ujar politikus itu.'
      )
    ).toEqual(['Budi Gunawan'])
  })

  it('gives "pria yang akrab disapa …" the full name of the person it describes', () => {
    const text =
      'Bimastyaji Surya Ramadan membuat alat pantau udara.\n\n"Saya hanya ingin membantu warga," kata pria yang akrab disapa Bima itu.'
    expect(speakers(text)).toEqual(['Bimastyaji Surya Ramadan'])
  })
})

describe('sloppy marks (class 5)', () => {
  it('pairs mismatched opening and closing marks as one quotation', () => {
    for (const [open, close] of [
      ['”', '"'],
      ['"', '”'],
      ['“', '"']
    ]) {
      const found = findQuotes(`${open}Kami siap bertanding besok,${close} kata Budi Santoso.`)
      expect(found).toHaveLength(1)
      expect(found[0]).toMatchObject({
        quote: 'Kami siap bertanding besok,',
        speaker: 'Budi Santoso'
      })
    }
  })
})

describe('confidence', () => {
  it("is high for a name in the quote's own clause and low for a role word nobody held", () => {
    const [named] = findQuotes('"Kami siap bertanding besok," kata Budi Santoso.')
    expect(named.confidence).toBeGreaterThanOrEqual(LOW_CONFIDENCE)
    const [, vague] = findQuotes(
      '"Kami siap," kata Budi Santoso.\n\n"Semua sudah sesuai aturan," kata pejabat tersebut.'
    )
    expect(vague.speaker).toBe('Budi Santoso')
    expect(vague.confidence).toBeLessThan(LOW_CONFIDENCE)
    for (const q of findQuotes('"A b c d," kata Budi Santoso. "E f g h," ujarnya.'))
      expect(q.confidence).toBeGreaterThanOrEqual(0)
  })
})
