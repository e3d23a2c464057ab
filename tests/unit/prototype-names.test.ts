import fc from 'fast-check'
import { readdir } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core/core'
import { idSchema } from '../../src/shared/contract'
import type { ArticleMeta, SpeakersResponse, TagInfo } from '../../src/shared/model'
import { tempCore, value } from '../support/core'

/** Every name an object inherits, and Windows device names, in several spellings. */
const INHERITED = Object.getOwnPropertyNames(Object.prototype)
const DEVICES = ['CON', 'prn', 'Aux', 'nul', 'COM1', 'com9', 'LPT1', 'lpt9', 'con.txt', 'NUL.json']
const hostileName = fc.oneof(
  fc.constantFrom(...INHERITED, 'prototype', ...DEVICES),
  fc.constantFrom(...INHERITED, 'prototype').map((name) => name.toUpperCase())
)

const RUNS = { numRuns: 25, seed: 19 }

/** Closes and reopens the core: what a restart of the app sees. */
async function restart(core: Core): Promise<Core> {
  await core.close()
  return openCore({ dataDir: core.store.dataDir, version: 'test' })
}

/** No file was moved aside as damaged, so nothing was rolled back to a snapshot. */
async function nothingDamaged(core: Core): Promise<void> {
  const files = await readdir(core.store.dataDir, { recursive: true })
  expect(files.filter((f) => String(f).includes('.damaged-'))).toEqual([])
}

const html = (name: string): string =>
  `<!doctype html><html><head><title>Berita ${name}</title>
<meta property="og:site_name" content="${name}">
<script type="application/ld+json">${JSON.stringify({
    '@type': 'NewsArticle',
    headline: `Berita ${name}`,
    publisher: { '@type': 'Organization', name },
    author: { '@type': 'Person', name }
  })}</script></head>
<body><article><h1>Berita ${name}</h1><p>${name}</p><p>constructor</p>
<p>Menteri itu mengatakan kebijakan baru akan berlaku bulan depan di seluruh provinsi.</p>
<p>"Kami siap," kata ${name} kepada wartawan di Jakarta pada Senin pagi.</p></article></body></html>`

describe('names an object inherits, as keys', () => {
  it('are never valid ids, nor are Windows device names or upper-case letters', () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        expect(idSchema.safeParse(name).success).toBe(false)
      }),
      { numRuns: 200 }
    )
    expect(idSchema.safeParse('3f2b-article_1').success).toBe(true)
    expect(idSchema.safeParse('Abc').success).toBe(false)
    expect(idSchema.safeParse('console').success).toBe(true)
  })

  it('come through an HTML import (site name, publisher, paragraphs) as plain text, and the library loads after a restart', async () => {
    let core = await tempCore()
    try {
      const imported: string[] = []
      await fc.assert(
        fc.asyncProperty(hostileName, async (name) => {
          const [outcome] = await value<Array<{ id: string; status: string }>>(
            core,
            'articles.import',
            { items: [{ name: 'page.html', base64: Buffer.from(html(name)).toString('base64') }] }
          )
          // The same page twice is a duplicate of the first, never a failure.
          expect(['imported', 'duplicate']).toContain(outcome.status)
          if (outcome.status === 'imported') imported.push(outcome.id)
          const list = await value<ArticleMeta[]>(core, 'articles.list', {})
          const meta = list.find((m) => m.id === outcome.id)
          expect(meta).toBeDefined()
          for (const field of [meta?.outlet, meta?.author, meta?.title])
            expect(field === null || typeof field === 'string').toBe(true)
          // The result crosses a bridge: it must survive structured cloning.
          expect(() => structuredClone(list)).not.toThrow()
        }),
        RUNS
      )
      core = await restart(core)
      const after = await value<ArticleMeta[]>(core, 'articles.list', {})
      expect(after.map((m) => m.id).sort()).toEqual([...imported].sort())
      await nothingDamaged(core)
    } finally {
      await core.close()
    }
  })

  it('are kept as plain data in tags, labels and speakers, and survive a restart', async () => {
    let core = await tempCore()
    try {
      const [{ id }] = await value<Array<{ id: string }>>(core, 'articles.import', {
        items: [{ name: 'a.txt', text: 'Judul\n\nSatu dua tiga empat lima enam tujuh delapan.' }]
      })
      const names: string[] = []
      await fc.assert(
        fc.asyncProperty(hostileName, async (name) => {
          names.push(name)
          await value(core, 'articles.tag', { ids: [id], add: [name] })
          await value(core, 'tags.rename', { name, color: 'blue' })
          const tags = await value<TagInfo[]>(core, 'tags.list', {})
          const tag = tags.find((t) => t.name.toLowerCase() === name.toLowerCase())
          expect(tag?.color).toBe('blue')
          await value(core, 'annotations.create', {
            articleId: id,
            kind: 'quote',
            start: 0,
            end: 5,
            labels: [name],
            speaker: name
          })
          const speakers = await value<SpeakersResponse>(core, 'quotes.speakers', {})
          // Speakers differing only by case are one person.
          const folded = name.toLowerCase()
          expect(speakers.speakers.some((s) => s.name.toLowerCase() === folded)).toBe(true)
        }),
        RUNS
      )
      core = await restart(core)
      const tags = await value<TagInfo[]>(core, 'tags.list', {})
      for (const name of names)
        expect(tags.some((t) => t.name.toLowerCase() === name.toLowerCase())).toBe(true)
      const labels = (
        await value<Array<{ labels: string[] }>>(core, 'annotations.list', { articleId: id })
      ).flatMap((a) => a.labels)
      expect(new Set(labels)).toEqual(new Set(names))
      await nothingDamaged(core)
    } finally {
      await core.close()
    }
  })

  it('are refused by name as article ids in a backup, with nothing restored', async () => {
    const source = await tempCore()
    const target = await tempCore()
    try {
      await value(source, 'articles.import', {
        items: [{ name: 'a.txt', text: 'Judul\n\nIsi berita yang cukup panjang untuk diuji.' }]
      })
      const backup = await value<{ content: string } | string>(source, 'backup.create', {})
      const content = typeof backup === 'string' ? backup : backup.content
      const realId = JSON.parse(content).index.articles[0].id as string
      await fc.assert(
        fc.asyncProperty(hostileName, async (name) => {
          const forged = content.split(realId).join(name)
          const result = await target.dispatch('backup.restore', { content: forged })
          expect(result.ok).toBe(false)
          if (!result.ok) {
            expect(result.error.code).toBe('bad_input')
            expect(result.error.message).toContain(JSON.stringify(name))
          }
          expect(await value<ArticleMeta[]>(target, 'articles.list', {})).toEqual([])
        }),
        RUNS
      )
    } finally {
      await source.close()
      await target.close()
    }
  })

  it('in a JSON-LD import: kept as labels and speakers, never an id; a forged colour is refused by name', async () => {
    let core = await tempCore()
    try {
      const [{ id }] = await value<Array<{ id: string }>>(core, 'articles.import', {
        items: [{ name: 'a.txt', text: 'Judul\n\nSatu dua tiga empat lima enam tujuh delapan.' }]
      })
      const item = (name: string, extra: Record<string, unknown> = {}): unknown => ({
        type: 'Annotation',
        id: `urn:sorot:annotation:${name}`,
        'sorot:article': name,
        'sorot:kind': 'quote',
        'sorot:speaker': name,
        body: [{ type: 'TextualBody', purpose: 'tagging', value: name }],
        target: {
          source: `urn:sorot:article:${id}`,
          selector: { type: 'TextPositionSelector', start: 7, end: 11 }
        },
        ...extra
      })
      await fc.assert(
        fc.asyncProperty(hostileName, async (name) => {
          const forged = await core.dispatch('annotations.importJsonLd', {
            content: JSON.stringify(item(name, { 'sorot:color': name }))
          })
          expect(forged.ok).toBe(false)
          if (!forged.ok) expect(forged.error.message).toContain(`sorot:color`)
          const report = await value<{ imported: Array<{ id: string }> }>(
            core,
            'annotations.importJsonLd',
            { content: JSON.stringify(item(name, { 'sorot:color': 'green' })) }
          )
          for (const imported of report.imported)
            expect(idSchema.safeParse(imported.id).success).toBe(true)
        }),
        RUNS
      )
      core = await restart(core)
      const annotations = await value<Array<{ id: string; labels: string[]; color: string }>>(
        core,
        'annotations.list',
        { articleId: id }
      )
      expect(annotations.length).toBeGreaterThan(0)
      for (const a of annotations) {
        expect(idSchema.safeParse(a.id).success).toBe(true)
        expect(a.color).toBe('green')
      }
      await nothingDamaged(core)
    } finally {
      await core.close()
    }
  })

  it('in settings input are refused, and the settings stay as they were', async () => {
    const core = await tempCore()
    try {
      const before = await value(core, 'settings.get', {})
      await fc.assert(
        fc.asyncProperty(hostileName, fc.jsonValue(), async (name, setting) => {
          const input = JSON.parse(`{${JSON.stringify(name)}: ${JSON.stringify(setting)}}`)
          const result = await core.dispatch('settings.set', input)
          expect(result.ok).toBe(false)
          expect(await value(core, 'settings.get', {})).toEqual(before)
        }),
        RUNS
      )
    } finally {
      await core.close()
    }
  })
})
