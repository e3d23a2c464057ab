import { describe, expect, it } from 'vitest'
import { findQuotes } from '../../src/shared/quotes'

/** Speakers of the spoken quotations of `text`, in order (terms left out). */
const speakers = (text: string): Array<string | null> =>
  findQuotes(text)
    .filter((q) => q.kind !== 'term')
    .map((q) => q.speaker)

describe('pronouns resolved to whoever the text makes the speaker (issue 15, class 4)', () => {
  it('gives "ujarnya" to X after "Bagi X, <body> …", not to the body', () => {
    const text =
      'Direktur Utama Nusatama Reinhard Siregar hadir dalam rapat itu.\n\n' +
      'Bagi Reinhard, Nusatama berkomitmen memperbaiki diri.\n\n' +
      '"Ini menjadi momentum bagi kami untuk introspeksi," ujarnya.'
    expect(speakers(text)).toEqual(['Reinhard Siregar'])
  })

  it('gives a quotation after "…, kata sosiolog X." to X, not to the sentence’s subject', () => {
    const text =
      'Pengamat Hendrik Wagener menilai pasar kerja masih tertutup.\n\n' +
      '"Pelamar asing jarang dipanggil," ujarnya.\n\n' +
      'Diskursus publik juga memperburuk keadaan, kata sosiolog Marten Reichold dari lembaga riset itu. "Kategori ras menjadi lebih menonjol," ujarnya.'
    expect(speakers(text)).toEqual(['Hendrik Wagener', 'Marten Reichold'])
  })

  it('gives "ujarnya" to the person who just put a hope in words, not to an earlier speaker', () => {
    const text =
      '"Datanya belum lengkap," kata peneliti Frederik Dorsten.\n\n' +
      'Sementara itu, Tahira Dellan berharap pemerintah meneliti lebih jauh.\n\n' +
      '"Kita perlu tahu rasanya tumbuh di sini," ujarnya.'
    expect(speakers(text)).toEqual(['Frederik Dorsten', 'Tahira Dellan'])
  })
})

describe('Balinese names (issue 15, class 3)', () => {
  it('keeps I before a birth-order name as part of the name', () => {
    const text =
      'Gubernur Bali I Wayan Kosasih menyatakan dukungannya.\n\n' +
      '"Sudah ada kesepakatan bersama," kata Kosasih.'
    expect(speakers(text)).toEqual(['I Wayan Kosasih'])
  })
})
