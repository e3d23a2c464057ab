import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import type { ArticleDetail } from '../../src/shared/model'
import { importFile, SEED, tempCore, value } from '../support/core'
import { article, importBytes } from '../support/import'

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
