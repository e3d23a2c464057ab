import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { importItems } from '../../src/main/core/library/import'
import type { ImportOutcome } from '../../src/shared/model'
import { runSorot } from '../support/cli'
import { importFile, SEED, tempCore, value } from '../support/core'
import { article, ARTICLE, b64, importBytes, snapshot } from '../support/import'

describe('decoding', () => {
  it('reads UTF-8 with and without BOM, UTF-16 LE/BE with BOM and Windows-1252 alike', async () => {
    const text = 'Berita Kafé Bandung\n\nPemilik kafé itu berkata, “Kami buka lagi.”'
    const latin = 'Berita Kafe Lama\n\nPemilik café itu senang.' // é as 0xE9: not UTF-8
    const encodings: Array<[string, Uint8Array, string]> = [
      ['utf8.txt', Buffer.from(text, 'utf8'), text],
      ['utf8-bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), text],
      [
        'utf16le.txt',
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
        text
      ],
      [
        'utf16be.txt',
        Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
        text
      ],
      ['cp1252.txt', Buffer.from(latin, 'latin1'), latin]
    ]
    for (const [name, bytes, expected] of encodings) {
      // A library of its own for each: the same text twice would be a duplicate.
      const core = await tempCore()
      const outcome = await importBytes(core, name, bytes)
      expect(outcome.status, name).toBe('imported')
      const { title, text: body } = await article(core, outcome.id!)
      expect(`${title}\n\n${body}`, name).toBe(expected)
    }
  })

  it('unifies CRLF and CR line ends and composes characters (NFC)', async () => {
    const core = await tempCore()
    const decomposed =
      'Kafe\u0301 Baru Dibuka\r\n\r\nPengunjung kafe\u0301 itu ramai.\rMereka antre.'
    const outcome = await importBytes(core, 'crlf.txt', decomposed)
    const shown = await article(core, outcome.id!)
    expect(shown.title).toBe('Kafé Baru Dibuka')
    expect(shown.blocks.map((b) => b.text)).toEqual(['Pengunjung kafé itu ramai.', 'Mereka antre.'])
    expect(shown.text).not.toMatch(/\r|\u0301/)
  })
})

describe('bad input', () => {
  it('refuses binary, empty, whitespace-only and oversized files by name, storing nothing', async () => {
    const core = await tempCore()
    const before = await snapshot(core.store.dataDir)
    const cases: Array<[string, Uint8Array | string, RegExp]> = [
      [
        'foto.png',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        /foto\.png is a PNG image/
      ],
      ['laporan.pdf.txt', '%PDF-1.7\n%âãÏÓ', /laporan\.pdf\.txt is a PDF document/],
      ['arsip.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]), /arsip\.txt is a ZIP archive/],
      [
        'program.txt',
        Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]),
        /program\.txt is a Linux program/
      ],
      ['nul.txt', 'Judul\u0000isi', /nul\.txt is a binary file/],
      ['kosong.txt', '', /kosong\.txt holds no article text/],
      ['spasi.txt', ' \n\t\n   \r\n', /spasi\.txt holds no article text/]
    ]
    for (const [name, bytes, message] of cases) {
      const outcome = await importBytes(core, name, bytes)
      expect(outcome.status, name).toBe('failed')
      expect(outcome.error, name).toMatch(message)
    }
    expect(await snapshot(core.store.dataDir)).toEqual(before)
  })

  it('refuses a file over 20 MB by name, from the CLI as from the core', async () => {
    const core = await tempCore()
    const big = Buffer.alloc(21 * 1024 * 1024, 'a')
    const [outcome] = await importItems(core.store, [{ name: 'besar.txt', bytes: big }], () => {})
    expect(outcome).toMatchObject({
      status: 'failed',
      error: 'besar.txt is 21.0 MB; the limit is 20 MB'
    })
    const file = path.join(core.store.dataDir, '..', `besar-${Date.now()}.txt`)
    await writeFile(file, big)
    const run = await runSorot(['--data-dir', core.store.dataDir, 'import', file, SEED, '--json'])
    expect(run.code).toBe(1)
    const outcomes = JSON.parse(run.stdout) as ImportOutcome[]
    expect(outcomes.map((o) => o.status)).toEqual(['failed', 'imported'])
    expect(outcomes[0].error).toBe(`${file} is 21.0 MB; the limit is 20 MB`)
  })

  it('goes on past bad items in a batch and reports each one', async () => {
    const core = await tempCore()
    const outcomes = await value<ImportOutcome[]>(core, 'articles.import', {
      items: [
        { name: 'a.txt', base64: b64(ARTICLE) },
        { name: 'b.exe', base64: b64('MZ\u0090\u0000') },
        { name: 'c.md', base64: b64('# Judul Catatan\n\nIsi catatan yang cukup panjang.') }
      ]
    })
    expect(outcomes.map((o) => o.status)).toEqual(['imported', 'failed', 'imported'])
    expect(outcomes[1].error).toMatch(/^b\.exe/)
  })

  it('keeps the library as it was when the index cannot be saved (full disk)', async () => {
    const core = await tempCore()
    await importFile(core, SEED)
    await core.close()
    const before = await snapshot(core.store.dataDir)
    // Fault injection: the disk fills up when the index is written.
    const adapter = core.store.index.adapter
    const write = adapter.write.bind(adapter)
    adapter.write = () =>
      Promise.reject(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }))
    const [outcome] = await value<ImportOutcome[]>(core, 'articles.import', {
      items: [{ name: 'baru.txt', base64: b64(ARTICLE) }]
    })
    adapter.write = write
    expect(outcome.status).toBe('failed')
    expect(outcome.error).toMatch(/index\.json.*the disk is full/)
    expect(await snapshot(core.store.dataDir)).toEqual(before)
    expect(await value<unknown[]>(core, 'articles.list', {})).toHaveLength(1)
  })
})
