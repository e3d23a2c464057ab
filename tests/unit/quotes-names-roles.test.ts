import { describe, expect, it } from 'vitest'
import { findQuotes } from '../../src/shared/quotes'

/** Speakers of the spoken quotations of `text`, in order (terms left out). */
const speakers = (text: string): Array<string | null> =>
  findQuotes(text)
    .filter((q) => q.kind !== 'term')
    .map((q) => q.speaker)

describe('names as the article writes them most fully (issue 15, class 1 and 3)', () => {
  it('leaves a degree after a name out of it and gives later short mentions the full name', () => {
    const text =
      'Senada, Prof Sutan Wiradarma Kusuma PhD, dosen hukum lingkungan, turut bersuara.\n\n' +
      '"Warisan ini tidak boleh hilang," kata Sutan.'
    expect(speakers(text)).toEqual(['Sutan Wiradarma Kusuma'])
  })

  it('reads a nickname that starts the first name as that person', () => {
    const text =
      'Alat itu dibuat tim yang diketuai Dr. Eng. Kurniastuti Ayu Lestari.\n\n' +
      '"Harganya jauh lebih murah dari alat milik pemerintah," kata Kurnia saat dihubungi.'
    expect(speakers(text)).toEqual(['Kurniastuti Ayu Lestari'])
  })

  it('gives "wanita yang akrab disapa X" the person named before, not a name inside a quotation', () => {
    const text =
      'Hal ini diungkapkan Kepala Eksekutif Pengawas Larasati Widya Pramesti.\n\n' +
      '"Laporan masuk lewat Pusat Aduan Nasional Terpadu dan aplikasi portal," kata wanita yang akrab disapa Laras itu.'
    expect(speakers(text)).toEqual(['Larasati Widya Pramesti'])
  })

  it('keeps a mis-decoded letter (UTF-8 read as Latin-1) inside the name', () => {
    const text =
      '"Selamat atas penghargaan ini," tulis Sekjen PBB AntÃ³nio Guterres di akunnya.\n\n' +
      '"Kerja kerasnya patut dicontoh," kata Guterres.'
    expect(speakers(text)).toEqual(['AntÃ³nio Guterres', 'AntÃ³nio Guterres'])
  })

  it('leaves the name of a body out of the name after it', () => {
    const text =
      '"Koalisi ini rapuh," kata pengamat politik Universitas Airlangga Ucu Martanto.\n\n' +
      '"Stok beras aman," ujar Kepala Badan Pangan Nasional Arief Prasetyo Adi.'
    expect(speakers(text)).toEqual(['Ucu Martanto', 'Arief Prasetyo Adi'])
  })

  it('quotes an account under its handle', () => {
    expect(speakers('"Timnya jago sekali musim ini," kata @penggemar_bola.')).toEqual([
      '@penggemar_bola'
    ])
  })
})

describe('reporting clauses with roles and bodies (issue 15, classes 1 and 3)', () => {
  it('gives the name after a role led by a title, even when the role holds a number', () => {
    const text =
      '"Kami tidak tahu data itu tidak valid," kata Kepala SMAN 3 Sukamaju, Wiryono saat ditemui, Kamis (26/6).'
    expect(speakers(text)).toEqual(['Wiryono'])
  })

  it('reads on past a preposition inside a role to the name that closes it', () => {
    const text =
      '"Upayanya memberi kontribusi besar," ungkap Wakil Sekretaris Jenderal untuk Operasi Perdamaian Hendrik Vanderberg dalam keterangan tertulis.'
    expect(speakers(text)).toEqual(['Hendrik Vanderberg'])
  })

  it('ends the speaker at "didampingi": the companion is not the speaker', () => {
    const text =
      'Menteri Pendidikan Abdul Rahmat Wijaya berkunjung ke Mataram.\n\n' +
      '"Rancangan perubahan sedang digodok," jelas Wijaya didampingi Gubernur NTB Muhamad Iskandar di Mataram.'
    expect(speakers(text)).toEqual(['Abdul Rahmat Wijaya'])
  })

  it('names a body written after a generic word: "pihak Gedung Putih", "lembaga X"', () => {
    expect(
      speakers('"Kesepakatan ini membuka akses pasar," ungkap pihak Gedung Putih di situsnya.')
    ).toEqual(['Gedung Putih'])
  })

  it('does not take an agency abbreviation (Dinkes) for the person a pronoun stands for', () => {
    const text =
      '"Air harus bebas bakteri," kata Kepala Dinas Kesehatan Ratna Suhaeni.\n\n' +
      'Dinkes menegaskan percepatan sertifikasi dilakukan untuk melindungi anak-anak.\n\n' +
      '"Sertifikasi ini bukan formalitas," pungkasnya.'
    expect(speakers(text)).toEqual(['Ratna Suhaeni', 'Ratna Suhaeni'])
  })
})

describe('attribution across paragraphs and by reference (issue 15, classes 2, 4 and 6)', () => {
  it('gives a quote paragraph to the subject of the reporting verb in the paragraph before', () => {
    const text =
      'Dalam keterangan tertulis yang diterima wartawan, Senin (20/10/2025) Menteri Haji Arab Saudi, Tawfiq F. Al-Rabiah, menyampaikan apresiasi kepada pemerintah.\n\n' +
      '"Kami menyambut dengan gembira kunjungan ini dan berterima kasih atas inisiatif tersebut."'
    expect(speakers(text)).toEqual(['Tawfiq F. Al-Rabiah'])
  })

  it('keeps a "menurut dia" sentence from making its own subject the speaker', () => {
    const text =
      '"Semua sudah melalui proses," kata Presiden Joko Widodo.\n\n' +
      'Seluruh produk Pertamina yang menurut dia, semua telah diverifikasi. "Jadi semua ada proses," katanya.'
    expect(speakers(text)).toEqual(['Joko Widodo', 'Joko Widodo'])
  })

  it('says null for a bare role nobody named ("tutur hakim"), and for pronouns after it', () => {
    const text =
      '"Tidak terbukti ada kegagalan penyidikan," kata Bambang Sutrisno.\n\n' +
      'Hakim mengatakan, pernyataan terdakwa tidak dapat diterima.\n\n' +
      '"Menimbang bahwa pernyataan terdakwa tidak dapat diterima," ujarnya.\n\n' +
      '"Perbuatan terdakwa merusak citra lembaga," tutur hakim.'
    expect(speakers(text)).toEqual(['Bambang Sutrisno', null, null])
  })

  it('gives a bare role to the one person who held it, and null when several did', () => {
    const one = 'Sidang dipimpin hakim Sigit Wardana.\n\n"Terdakwa bersikap sopan," tutur hakim.'
    expect(speakers(one)).toEqual(['Sigit Wardana'])
    const several =
      'Sidang dipimpin hakim Sigit Wardana dan hakim Rahmat Sunoto.\n\n' +
      '"Terdakwa bersikap sopan," tutur hakim.'
    expect(speakers(several)).toEqual([null])
  })

  it('skips an ordinary-word subject ("Pihak sekolah") and keeps one capitalised mid-sentence', () => {
    const school =
      '"Kami tidak tahu data itu tidak valid," kata Kepala SMAN 3 Sukamaju, Wiryono.\n\n' +
      'Pihak sekolah menyatakan telah melakukan verifikasi.\n\n' +
      '"Kami sudah melakukan proses sesuai prosedur," jelasnya.'
    expect(speakers(school)).toEqual(['Wiryono', 'Wiryono'])
    const parent =
      '"Menunya sudah diganti," kata Kepala Sekolah Iis Irawati.\n\n' +
      'Sementara itu, salah satu orang tua siswa, Dian (37) berharap dapur lebih bersih. ' +
      '"Tolong lebih hati-hati," katanya.'
    expect(speakers(parent)).toEqual(['Iis Irawati', 'Dian'])
  })
})
