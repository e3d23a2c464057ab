import { describe, expect, it } from 'vitest'
import type { ArticleDetail } from '../../src/shared/model'
import { extractArticle, formatOf, sniffFormat } from '../../src/main/core/import/extract'
import { importFile, tempCore, value } from '../support/core'
import { FORBIDDEN, JUNK, KOMPAS, NO_ARTICLE, read } from '../support/html-pages'

describe('formats', () => {
  it('reads .html and .htm files as HTML and keeps the other extensions as they were', () => {
    expect(formatOf('a.html')).toBe('html')
    expect(formatOf('A.HTM')).toBe('html')
    expect(formatOf('a.md')).toBe('markdown')
    expect(formatOf('a.txt')).toBe('text')
    expect(formatOf(undefined)).toBe('text')
    expect(() => formatOf('a.pdf')).toThrow(/cannot import \.pdf/)
  })

  it('sniffs pasted web pages as HTML, by their start only', () => {
    expect(sniffFormat(undefined, '<!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html')
    expect(sniffFormat('text', '\n  <html lang="id"><body>x</body></html>')).toBe('html')
    expect(sniffFormat(undefined, 'Berita biasa yang menyebut <html> di tengah.')).toBe('text')
    expect(sniffFormat('catatan.txt', '<!doctype html><p>x</p>')).toBe('text')
    expect(sniffFormat('halaman.htm', 'tanpa tag')).toBe('html')
  })

  it('imports pasted HTML as a page, not as text full of tags', async () => {
    const draft = extractArticle(await read(KOMPAS), 'text', 'text')
    expect(draft.title).toBe('Banjir Rendam Kemang, Warga Mengungsi ke Masjid')
    expect(draft.blocks).toHaveLength(13)
  })
})

describe('importing HTML through the core', () => {
  it('stores a saved page as clean text with its metadata', async () => {
    const core = await tempCore()
    const outcome = await importFile(core, KOMPAS)
    expect(outcome.status).toBe('imported')
    const article = await value<ArticleDetail>(core, 'articles.get', { id: outcome.id })
    expect(article).toMatchObject({
      title: 'Banjir Rendam Kemang, Warga Mengungsi ke Masjid',
      outlet: 'Kompas.com',
      author: 'Ardito Ramadhan',
      publishedAt: '2024-08-12T14:30:00+07:00',
      language: 'id',
      sourceName: 'kompas-banjir-kemang.html'
    })
    expect(article.blocks).toHaveLength(13)
    expect(article.text).toBe(article.blocks.map((b) => b.text).join('\n\n'))
    expect(article.text).toContain('ujar Suparman saat ditemui di lokasi.')
    for (const word of [...FORBIDDEN, ...JUNK]) expect(article.text, word).not.toContain(word)
    expect(article.removed.map((r) => r.rule)).toEqual(['ad-placeholder', 'read-also'])
  })

  it('reports a page with no article as failed and stores nothing', async () => {
    const core = await tempCore()
    const outcome = (await importFile(core, NO_ARTICLE)) as { status: string; error?: string }
    expect(outcome).toMatchObject({
      status: 'failed',
      error: 'no-article.html holds no article text'
    })
    expect(await value(core, 'articles.list', {})).toEqual([])
  })
})
