import { describe, expect, it } from 'vitest'
import { extractHtml } from '../../src/main/core/import/html'

/*
 * Bylines on an outlet no rule knows ("Warta Kita"): the general rules (meta tags, JSON-LD,
 * bylines shown on the page) must find the person and never the publisher.
 */

const PARAGRAPHS = Array.from(
  { length: 5 },
  (_, i) =>
    `<p>Harga cabai rawit di pasar induk naik tajam sejak awal pekan ini, kata pedagang ke-${i + 1}, yang mengeluhkan pasokan dari Jawa Tengah berkurang karena hujan.</p>`
).join('')

function page(head: string, credit = ''): string {
  return `<!doctype html><html lang="id"><head><title>Harga Cabai Naik - Warta Kita</title>
    <meta property="og:site_name" content="Warta Kita">${head}</head>
    <body><article><h1>Harga Cabai Naik</h1>${credit}${PARAGRAPHS}</article></body></html>`
}

function jsonLd(author: unknown): string {
  const article = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Harga Cabai Naik',
    author,
    publisher: { '@type': 'Organization', name: 'PT Warta Kita Media' }
  }
  return `<script type="application/ld+json">${JSON.stringify(article)}</script>`
}

const authorsOf = (html: string): string[] => extractHtml(html, 'cabai.html').authors
const person = { '@type': 'Person', name: 'Rina Sari' }

describe('bylines of an outlet without a rule', () => {
  it('reads the JSON-LD person when the author meta tag names the publisher or the site', () => {
    expect(
      authorsOf(page(`<meta name="author" content="PT Warta Kita Media">${jsonLd(person)}`))
    ).toEqual(['Rina Sari'])
    expect(authorsOf(page(`<meta name="author" content="Warta Kita">${jsonLd(person)}`))).toEqual([
      'Rina Sari'
    ])
    expect(
      authorsOf(page(`<meta name="author" content="wartakita.co.id">${jsonLd(person)}`))
    ).toEqual(['Rina Sari'])
  })

  it('reads the JSON-LD person when article:author is a profile address', () => {
    const head = `<meta property="article:author" content="https://www.facebook.com/wartakita">`
    expect(authorsOf(page(head + jsonLd(person)))).toEqual(['Rina Sari'])
  })

  it('takes the byline shown on the page over an organisation credited in JSON-LD', () => {
    const organisation = { '@type': 'Organization', name: 'Redaksi Warta Kita' }
    const credit = '<div class="byline">Penulis: Rina Sari | Editor: Budi Santoso</div>'
    expect(authorsOf(page(jsonLd(organisation), credit))).toEqual(['Rina Sari'])
  })

  it('keeps several JSON-LD persons as a list', () => {
    const two = [person, { '@type': 'Person', name: 'Dedi Putra' }]
    expect(authorsOf(page(jsonLd(two)))).toEqual(['Rina Sari', 'Dedi Putra'])
  })

  it('reads a "Laporan Wartawan …, Name" line and takes it out of the text', () => {
    const draft = extractHtml(
      page('', '<p>Laporan Wartawan Warta Kita, Rina Sari</p>'),
      'cabai.html'
    )
    expect(draft.authors).toEqual(['Rina Sari'])
    expect(draft.blocks.map((b) => b.text).join('\n')).not.toContain('Laporan Wartawan')
  })

  it('gives no author when only the publisher is credited', () => {
    const organisation = { '@type': 'Organization', name: 'PT Warta Kita Media' }
    const head = `<meta name="author" content="Warta Kita">${jsonLd(organisation)}`
    expect(authorsOf(page(head))).toEqual([])
  })
})
