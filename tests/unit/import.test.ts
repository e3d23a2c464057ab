import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Core } from '../../src/main/core/core'
import { importItems } from '../../src/main/core/library/import'
import type { ArticleDetail, ImportOutcome, SorotEvent } from '../../src/shared/model'
import { runSorot } from '../support/cli'
import { importFile, SEED, tempCore, value } from '../support/core'

const b64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64')

/** Imports raw bytes under a file name through the contract, as the UI does. */
async function importBytes(
  core: Core,
  name: string,
  bytes: Uint8Array | string
): Promise<ImportOutcome> {
  const [outcome] = await value<ImportOutcome[]>(core, 'articles.import', {
    items: [{ name, base64: b64(bytes) }]
  })
  return outcome
}

const article = (core: Core, id: string): Promise<ArticleDetail> =>
  value<ArticleDetail>(core, 'articles.get', { id })

/** Every file under the data dir with its size and mtime: "nothing changed" means equal. */
async function snapshot(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
  return Promise.all(
    files.sort().map(async (f) => {
      const s = await stat(f)
      return `${path.relative(dir, f)} ${s.size} ${s.mtimeMs}`
    })
  )
}

const ARTICLE = [
  'Harga Cabai Naik di Pasar Induk',
  '',
  'Harga cabai rawit di Pasar Induk Kramat Jati naik tajam sejak awal pekan ini.',
  '',
  '"Pasokan dari Jawa Tengah berkurang karena hujan," kata Suryani, pedagang di pasar itu.'
].join('\n')

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

describe('cleaning', () => {
  it('removes every kind of news junk, keeps each removal, and never a sentence', async () => {
    const core = await tempCore()
    const junk = [
      'Gempa Guncang Cianjur Pagi Ini',
      '',
      'Gempa bermagnitudo 5,6 mengguncang Cianjur, Jawa Barat, pada Senin pagi. [iklan_1]',
      '[ads_3] [quangcao_2]',
      'ADVERTISEMENT',
      'Baca juga: Daftar Gempa Terbesar di Jawa Barat',
      'Warga berhamburan keluar rumah saat guncangan terasa.',
      'SCROLL TO CONTINUE WITH CONTENT',
      'Simak video "Detik-detik Gempa Cianjur" di bawah ini',
      'Bagikan: Facebook Twitter WhatsApp',
      'Dapatkan update berita pilihan setiap hari dari kami di WhatsApp Channel',
      'Sumber: BMKG',
      'Komentar (12)',
      'Tautan sumber',
      'https://example.id/gempa-cianjur'
    ].join('\n')
    const outcome = await importBytes(core, 'gempa.txt', junk)
    const shown = await article(core, outcome.id!)
    expect(shown.blocks.map((b) => b.text)).toEqual([
      'Gempa bermagnitudo 5,6 mengguncang Cianjur, Jawa Barat, pada Senin pagi.',
      'Warga berhamburan keluar rumah saat guncangan terasa.'
    ])
    expect(shown.removed.map((r) => r.rule)).toEqual([
      'ad-placeholder',
      'ad-placeholder',
      'advertisement',
      'read-also',
      'advertisement',
      'video-prompt',
      'share-line',
      'subscribe-line',
      'source-line',
      'comment-count',
      'source-link',
      'source-link'
    ])
    expect(shown.removed[0]).toEqual({ rule: 'ad-placeholder', text: '[iklan_1]', line: 2 })
    expect(shown.url).toBe('https://example.id/gempa-cianjur')
  })

  it('does not take sentences that merely start like junk', async () => {
    const core = await tempCore()
    const text = [
      'Warga Kampung Sumber Makmur Menolak Relokasi',
      '',
      'Sumber air di desa itu mengering sejak Juli, dan warga harus membeli air bersih dari truk tangki setiap pekan.',
      'Komentar warga di media sosial pun ramai.',
      'Iklan rokok dilarang di sekitar sekolah, kata kepala desa.'
    ].join('\n')
    const outcome = await importBytes(core, 'sumber.txt', text)
    const shown = await article(core, outcome.id!)
    expect(shown.blocks).toHaveLength(3)
    expect(shown.removed).toEqual([])
  })

  it('cleans the seed article: no junk left, every paragraph kept', async () => {
    const core = await tempCore()
    const { id } = await importFile(core, SEED)
    const shown = await article(core, id)
    const source = (await readFile(SEED, 'utf8')).split('\n').filter((l) => l.length > 40)
    expect(shown.blocks.map((b) => b.text)).toEqual(source)
    expect(shown.text).not.toMatch(/\[iklan_2\]|Tautan sumber|Komentar \(0\)/)
  })

  it('restores a removal on request, as a new version with annotations re-anchored', async () => {
    const core = await tempCore()
    const { id } = await importFile(core, SEED)
    const before = await article(core, id)
    const index = before.removed.findIndex((r) => r.text === 'Komentar (0)')
    const restored = await value<ArticleDetail>(core, 'articles.restoreRemoval', {
      id,
      removal: index
    })
    expect(restored.version).toBe(2)
    expect(restored.blocks.at(-1)?.text).toBe('Komentar (0)')
    expect(restored.removed.map((r) => r.text)).not.toContain('Komentar (0)')
    expect(restored.text.startsWith(before.text)).toBe(true)
    const missing = await core.dispatch('articles.restoreRemoval', { id, removal: 99 })
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})

describe('Markdown', () => {
  it('turns headings, paragraphs, quotes and lists into blocks without markup, front matter into metadata', async () => {
    const core = await tempCore()
    const note = [
      '---',
      'title: "Catatan: Inflasi Oktober"',
      'outlet: Tempo.co',
      'author: [Rina Wulandari]',
      'url: https://www.tempo.co/ekonomi/inflasi-oktober',
      'published: 2024-11-01',
      'tags: [ekonomi, inflasi]',
      '---',
      '',
      '## Angka **inflasi** turun',
      '',
      'Badan Pusat Statistik mencatat inflasi *tahunan* sebesar [1,71 persen](https://bps.go.id).',
      '',
      '> "Harga pangan mulai stabil," kata Kepala BPS.',
      '',
      '- beras turun',
      '- cabai naik',
      '',
      '<script>alert(1)</script>'
    ].join('\n')
    const outcome = await importBytes(core, 'catatan.md', note)
    const shown = await article(core, outcome.id!)
    expect(shown).toMatchObject({
      title: 'Catatan: Inflasi Oktober',
      outlet: 'Tempo.co',
      author: 'Rina Wulandari',
      url: 'https://www.tempo.co/ekonomi/inflasi-oktober'
    })
    expect(shown.publishedAt?.slice(0, 10)).toBe('2024-11-01')
    expect(shown.blocks).toEqual([
      { type: 'h', text: 'Angka inflasi turun' },
      { type: 'p', text: 'Badan Pusat Statistik mencatat inflasi tahunan sebesar 1,71 persen.' },
      { type: 'quote', text: '"Harga pangan mulai stabil," kata Kepala BPS.' },
      { type: 'li', text: 'beras turun' },
      { type: 'li', text: 'cabai naik' }
    ])
  })

  it('refuses front matter that is not YAML, naming the file', async () => {
    const core = await tempCore()
    const outcome = await importBytes(
      core,
      'rusak.md',
      '---\ntitle: [tidak ditutup\n---\n\nIsi catatan.'
    )
    expect(outcome.status).toBe('failed')
    expect(outcome.error).toMatch(/^rusak\.md: the front matter is not valid YAML/)
  })
})

describe('duplicates and versions', () => {
  it('reports the same content as a duplicate and writes nothing', async () => {
    const core = await tempCore()
    const first = await importBytes(core, 'a.txt', ARTICLE)
    const before = await snapshot(core.store.dataDir)
    const again = await importBytes(core, 'a-copy.txt', `${ARTICLE.replace(/\n/g, '\r\n')}\r\n`)
    expect(again).toMatchObject({ status: 'duplicate', id: first.id })
    expect(await snapshot(core.store.dataDir)).toEqual(before)
  })

  it('adds a changed text of the same article (same title) as a new version', async () => {
    const core = await tempCore()
    const first = await importBytes(core, 'a.txt', ARTICLE)
    const changed = `${ARTICLE}\n\nPemerintah daerah berjanji menambah pasokan pekan depan.`
    const second = await importBytes(core, 'a-update.txt', changed)
    expect(second).toMatchObject({ status: 'new-version', id: first.id })
    const shown = await article(core, first.id!)
    expect(shown).toMatchObject({ version: 2, versionCount: 2 })
    expect(shown.text).toContain('menambah pasokan')
    expect(await value<unknown[]>(core, 'articles.list', {})).toHaveLength(1)
  })

  it('matches a new version by its source URL even when the title changed', async () => {
    const core = await tempCore()
    const withUrl = (title: string, extra = ''): string =>
      `${title}\n\nIsi berita pertama yang cukup panjang untuk dibaca.${extra}\n\nTautan sumber\nhttps://example.id/berita/1`
    const first = await importBytes(core, 'a.txt', withUrl('Judul Awal Berita Ini'))
    const second = await importBytes(
      core,
      'b.txt',
      withUrl('Judul Berita Ini Diperbarui', ' Ditambah kalimat baru.')
    )
    expect(second).toMatchObject({ status: 'new-version', id: first.id })
  })
})

describe('folders and cancel', () => {
  it('imports 200 files in one batch with a progress event per file and failures reported', async () => {
    const core = await tempCore()
    const events: SorotEvent[] = []
    core.events.subscribe((event) => events.push(event))
    const items = Array.from({ length: 200 }, (_, i) => ({
      name: `berita-${String(i).padStart(3, '0')}.txt`,
      base64: b64(
        i % 50 === 49
          ? '\u0000binary'
          : `Berita Nomor ${i} dari Daerah\n\nIsi berita nomor ${i} yang ditulis wartawan kami.`
      )
    }))
    const outcomes = await value<ImportOutcome[]>(core, 'articles.import', {
      items,
      jobId: 'folder-1'
    })
    expect(outcomes.filter((o) => o.status === 'imported')).toHaveLength(196)
    expect(outcomes.filter((o) => o.status === 'failed').map((o) => o.input)).toEqual([
      'berita-049.txt',
      'berita-099.txt',
      'berita-149.txt',
      'berita-199.txt'
    ])
    const progress = events.filter((e) => e.type === 'import.progress')
    expect(progress).toHaveLength(201)
    expect(progress.at(-1)).toMatchObject({ jobId: 'folder-1', done: 200, total: 200 })
    expect(await value<unknown[]>(core, 'articles.list', {})).toHaveLength(196)
  })

  it('stops a running import when it is cancelled, keeping what was imported', async () => {
    const core = await tempCore()
    core.events.subscribe((event) => {
      if (event.type === 'import.progress' && event.done === 3)
        void core.dispatch('articles.cancelImport', { jobId: 'job-c' })
    })
    const items = Array.from({ length: 20 }, (_, i) => ({
      name: `b${i}.txt`,
      text: `Berita Ke ${i} Hari Ini\n\nIsi berita ke ${i} yang cukup panjang.`
    }))
    const outcomes = await value<ImportOutcome[]>(core, 'articles.import', {
      items,
      jobId: 'job-c'
    })
    const statuses = outcomes.map((o) => o.status)
    expect(statuses.slice(0, 4)).toEqual(['imported', 'imported', 'imported', 'imported'])
    expect(statuses.slice(4).every((s) => s === 'cancelled')).toBe(true)
    expect(await value<unknown[]>(core, 'articles.list', {})).toHaveLength(4)
  })
})

describe('import from a URL', () => {
  let server: http.Server
  let base = ''
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/berita.txt') {
        res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
        res.end(ARTICLE)
      } else if (req.url === '/laporan.pdf') {
        res.writeHead(200, { 'Content-Type': 'application/pdf' })
        res.end('%PDF-1.7')
      } else if (req.url === '/pindah') {
        res.writeHead(301, { Location: '/berita.txt' })
        res.end()
      } else {
        res.writeHead(404)
        res.end()
      }
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('fetches the page once, stores it for offline reading, with its URL', async () => {
    const core = await tempCore()
    const [outcome] = await value<ImportOutcome[]>(core, 'articles.importUrl', {
      url: `${base}/pindah`
    })
    expect(outcome.status).toBe('imported')
    const shown = await article(core, outcome.id!)
    expect(shown.url).toBe(`${base}/berita.txt`)
    expect(shown.title).toBe('Harga Cabai Naik di Pasar Induk')
  })

  it('says why a URL could not be imported, naming it', async () => {
    const core = await tempCore()
    const missing = await core.dispatch('articles.importUrl', { url: `${base}/hilang` })
    expect(missing).toMatchObject({ ok: false, error: { code: 'unreadable' } })
    expect(!missing.ok && missing.error.message).toBe(
      `Could not fetch ${base}/hilang: the server answered 404`
    )
    const pdf = await core.dispatch('articles.importUrl', { url: `${base}/laporan.pdf` })
    expect(!pdf.ok && pdf.error.message).toMatch(/laporan\.pdf is application\/pdf, not an article/)
    const script = await core.dispatch('articles.importUrl', { url: 'javascript:alert(1)' })
    expect(!script.ok && script.error.message).toMatch(/url: must be an http/)
    expect(await value<unknown[]>(core, 'articles.list', {})).toHaveLength(0)
  })
})

describe('editing metadata', () => {
  it('saves an edited title and refuses a bad field by name', async () => {
    const core = await tempCore()
    const { id } = await importFile(core, SEED)
    await value(core, 'articles.update', { id, title: 'KTT CSTO di Minsk', outlet: 'RT' })
    expect(await article(core, id)).toMatchObject({ title: 'KTT CSTO di Minsk', outlet: 'RT' })
    const bad = await core.dispatch('articles.update', { id, url: 'file:///etc/passwd' })
    expect(!bad.ok && bad.error.message).toMatch(/^articles\.update: url: must be an http/)
    const date = await core.dispatch('articles.update', { id, publishedAt: '23 November' })
    expect(!date.ok && date.error.message).toMatch(/publishedAt/)
  })
})
