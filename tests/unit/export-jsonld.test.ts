import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import type { Annotation, ArticleDetail } from '../../src/shared/model'
import { CORPUS, importFile, tempCore, value } from '../support/core'
import { ROOT } from '../support/paths'
import { library, rangeOf, render, TRICKY_NOTE } from '../support/export-library'

const run = promisify(execFile)
const VALIDATOR = path.join(ROOT, 'tests/fixtures/w3c/tools/validate-annotations.mjs')

async function validate(content: string): Promise<{ code: number; stdout: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sorot-jsonld-'))
  const file = path.join(dir, 'export.jsonld')
  await writeFile(file, content)
  try {
    const { stdout } = await run(process.execPath, [VALIDATOR, file], { cwd: ROOT })
    return { code: 0, stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: `${failed.stdout}${failed.stderr}` }
  }
}

describe('W3C Web Annotation JSON-LD export', () => {
  it('passes every MUST assertion of the W3C suite', async () => {
    expect(existsSync(VALIDATOR), VALIDATOR).toBe(true)
    const { core } = await library()
    const { content, mimeType } = await render(core, { format: 'jsonld' })
    expect(mimeType).toMatch(/^application\/ld\+json/)
    const result = await validate(content)
    expect(result.stdout).toMatch(/^4 passed, 0 failed$/m)
    expect(result.code).toBe(0)
  })

  it('describes each annotation with selectors, bodies and motivations', async () => {
    const { core, article, annotations } = await library()
    const doc = JSON.parse((await render(core, { format: 'jsonld' })).content)
    expect(doc.type).toBe('AnnotationCollection')
    expect(doc.total).toBe(4)
    const [highlight, quote, note, articleNote] = annotations
    const byId = new Map(
      doc.first.items.map((item: { id: string }) => [item.id.split(':').at(-1), item])
    )
    expect(byId.get(highlight.id)).toMatchObject({
      type: 'Annotation',
      motivation: 'highlighting',
      created: highlight.createdAt,
      modified: highlight.updatedAt,
      body: [
        { type: 'TextualBody', value: TRICKY_NOTE, purpose: 'commenting' },
        { type: 'TextualBody', value: 'fact', purpose: 'tagging' },
        { type: 'TextualBody', value: 'important', purpose: 'tagging' }
      ],
      target: {
        type: 'SpecificResource',
        source: 'https://example.com/putin-csto',
        selector: [
          { type: 'TextQuoteSelector', exact: 'CSTO menyatukan enam negara bekas Soviet' },
          {
            type: 'TextPositionSelector',
            ...rangeOf(article.text, 'CSTO menyatukan enam negara bekas Soviet')
          }
        ]
      }
    })
    expect(byId.get(quote.id)).toMatchObject({
      body: expect.arrayContaining([
        { type: 'TextualBody', value: 'Alexander Lukashenko', purpose: 'describing' }
      ])
    })
    expect(byId.get(note.id)).toMatchObject({ motivation: 'commenting' })
    expect(byId.get(articleNote.id)).toMatchObject({
      motivation: 'commenting',
      target: { type: 'SpecificResource', source: 'https://example.com/putin-csto' }
    })
  })

  it('uses a urn:sorot:article source for an article without a web address', async () => {
    const core = await tempCore()
    const { id } = await importFile(core, path.join(CORPUS, 'real/02-kompas-orangtua-bima.txt'))
    const article = await value<ArticleDetail>(core, 'articles.get', { id })
    if (article.url) await value(core, 'articles.update', { id, url: null })
    await value(core, 'annotations.create', {
      articleId: id,
      kind: 'highlight',
      start: 0,
      end: 10
    })
    const { content } = await render(core, { format: 'jsonld', articleIds: [id] })
    expect(JSON.parse(content).first.items[0].target.source).toBe(`urn:sorot:article:${id}`)
    const result = await validate(content)
    expect(result.stdout).toMatch(/^1 passed, 0 failed$/m)
  })
})

describe('JSON-LD import', () => {
  it('round-trips: export, delete every annotation, import, and nothing is lost', async () => {
    const { core, article } = await library()
    const before = await value<Annotation[]>(core, 'annotations.list', { articleId: article.id })
    const { content } = await render(core, { format: 'jsonld' })
    for (const a of before)
      await value(core, 'annotations.delete', { articleId: article.id, id: a.id })
    await value(core, 'annotations.emptyTrash', { articleId: article.id })
    const report = await value<{ imported: unknown[]; skipped: unknown[]; unmatched: unknown[] }>(
      core,
      'annotations.importJsonLd',
      { content }
    )
    expect(report.imported).toHaveLength(4)
    expect(report.skipped).toEqual([])
    expect(report.unmatched).toEqual([])
    const after = await value<Annotation[]>(core, 'annotations.list', { articleId: article.id })
    expect(after).toEqual(before)
  })

  it('skips what is already there and keeps out what has no place, saying why', async () => {
    const { core, article } = await library()
    const doc = JSON.parse((await render(core, { format: 'jsonld' })).content)
    const again = await value<{
      imported: unknown[]
      skipped: Array<{ reason: string }>
    }>(core, 'annotations.importJsonLd', { content: JSON.stringify(doc) })
    expect(again.imported).toEqual([])
    expect(again.skipped).toHaveLength(4)
    expect(again.skipped[0].reason).toMatch(/same id|this id/)

    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'AnnotationPage',
      items: [
        {
          id: 'https://hypothes.is/a/abc123',
          type: 'Annotation',
          motivation: 'commenting',
          body: { type: 'TextualBody', value: 'Menarik, "cek" lagi', purpose: 'commenting' },
          target: {
            source: 'https://example.com/putin-csto/',
            selector: [
              {
                type: 'TextQuoteSelector',
                exact: 'Operasi Mercenary tahun ini',
                prefix: 'Aliansi ini meluncurkan ',
                suffix: ', yang diketuai'
              }
            ]
          }
        },
        {
          id: 'https://hypothes.is/a/def456',
          type: 'Annotation',
          target: {
            source: 'https://example.com/putin-csto',
            selector: { type: 'TextQuoteSelector', exact: 'kalimat yang tidak ada di artikel ini' }
          }
        },
        {
          id: 'https://hypothes.is/a/ghi789',
          type: 'Annotation',
          target: {
            source: 'https://example.com/elsewhere',
            selector: { type: 'TextQuoteSelector', exact: 'CSTO' }
          }
        }
      ]
    }
    const report = await value<{
      imported: Array<{ id: string }>
      unmatched: Array<{ id: string; reason: string }>
    }>(core, 'annotations.importJsonLd', { content: JSON.stringify(foreign) })
    expect(report.imported).toHaveLength(1)
    expect(report.unmatched.map((u) => u.id)).toEqual([
      'https://hypothes.is/a/def456',
      'https://hypothes.is/a/ghi789'
    ])
    expect(report.unmatched[0].reason).toMatch(/is not in article/)
    expect(report.unmatched[1].reason).toMatch(/no article/)
    const listed = await value<Annotation[]>(core, 'annotations.list', { articleId: article.id })
    const imported = listed.find((a) => a.id === report.imported[0].id)
    expect(imported).toMatchObject({ kind: 'note', note: 'Menarik, "cek" lagi' })
    const quoteRange = rangeOf(article.text, 'Operasi Mercenary tahun ini')
    expect(imported?.target?.selectors[0]).toMatchObject({
      type: 'TextPositionSelector',
      ...quoteRange
    })
    const twice = await value<{ skipped: unknown[] }>(core, 'annotations.importJsonLd', {
      content: JSON.stringify(foreign)
    })
    expect(twice.skipped).toHaveLength(1)
  })

  it('refuses a document that is not JSON, naming the field', async () => {
    const { core } = await library()
    const result = await core.dispatch('annotations.importJsonLd', { content: '{nope' })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_input' } })
    if (!result.ok) expect(result.error.message).toMatch(/^content: not valid JSON/)
  })
})
