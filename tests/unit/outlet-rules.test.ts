import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeBytes } from '../../src/main/core/import/decode'
import { extractHtml, parsePage } from '../../src/main/core/import/html'
import { readPageMetadata } from '../../src/main/core/import/html-metadata'
import { honestAuthors, ruleBody } from '../../src/main/core/import/outlet-apply'
import { outletRuleFor, outletRules } from '../../src/main/core/import/outlet-registry'
import { outletRuleSchema } from '../../src/main/core/import/outlet-rules'
import { OUTLET_RULE_DATA } from '../../src/main/core/import/outlets'

const OUTLETS = path.resolve(__dirname, '../../src/main/core/import/outlets')
const PAGES = path.resolve(__dirname, '../fixtures/pages')

interface Label {
  file: string
  outlet: string
  split: 'dev' | 'test'
  title: string
  authors: string[]
  firstSentence: string
  mustKeep: string[]
  mustNotContain: string[]
  lastSentence: string
  date: string
}
const labels = JSON.parse(readFileSync(path.join(PAGES, 'labels.json'), 'utf8')) as Label[]
const squash = (text: string): string => text.replace(/\s+/g, '')

/** The thirty most-read outlets issue 16 names, by rule id. */
const THIRTY = (
  'detik kompas tribun liputan6 cnn-indonesia kumparan tempo antara republika okezone suara ' +
  'merdeka viva sindonews idn-times tirto jawapos bisnis kontan kapanlagi grid pikiran-rakyat ' +
  'inews jpnn media-indonesia bbc-indonesia voa-indonesia katadata cnbc-indonesia beritasatu'
).split(' ')

describe('outlet rules as data', () => {
  it('has one valid rule file for each of the thirty outlets, named by its id', () => {
    const files = readdirSync(OUTLETS).filter((f) => f !== 'index.ts')
    for (const data of OUTLET_RULE_DATA) {
      const rule = outletRuleSchema.parse(data)
      expect(files, rule.id).toContain(`${rule.id}.ts`)
    }
    expect(files.length).toBe(OUTLET_RULE_DATA.length)
    const ids = OUTLET_RULE_DATA.map((r) => r.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of THIRTY) expect(ids, id).toContain(id)
  })

  it('refuses a rule with a broken pattern or an unknown field, naming the field', () => {
    const [first] = OUTLET_RULE_DATA
    const broken = outletRuleSchema.safeParse({ ...first, titleDecorations: ['(unclosed'] })
    expect(broken.success).toBe(false)
    expect(JSON.stringify(broken.error?.issues[0].path)).toBe('["titleDecorations",0]')
    expect(outletRuleSchema.safeParse({ ...first, extra: 1 }).success).toBe(false)
  })

  it('finds the outlet by its address, a subdomain, or its site name, and no other', () => {
    const id = (urls: Array<string | null>, site: string | null = null): string | undefined =>
      outletRuleFor(urls, site)?.id
    expect(id(['https://megapolitan.kompas.com/read/2024/08/12/x'])).toBe('kompas')
    expect(id(['https://www.detik.com/jatim/berita/d-1/x'])).toBe('detik')
    expect(id(['https://solo.tribunnews.com/2020/x'])).toBe('tribun')
    expect(id([null], 'CNN Indonesia')).toBe('cnn-indonesia')
    expect(id(['https://notkompas.com/x'])).toBeUndefined()
    expect(id(['https://example.org/x'], 'Blog Saya')).toBeUndefined()
    expect(outletRules()).toBe(outletRules())
  })
})

describe('each rule on its real pages (dev split)', () => {
  const dev = labels.filter((label) => label.split === 'dev')
  for (const label of dev) {
    it(`${label.file}: the rule finds the article, its title, authors and date, and drops its furniture`, () => {
      const html = decodeBytes(readFileSync(path.join(PAGES, label.file)), label.file)
      const document = parsePage(html, label.file)
      const page = readPageMetadata(document, new Date())
      const rule = outletRuleFor([page.url], page.outlet)
      expect(rule, 'rule').not.toBeNull()
      const body = squash(
        ruleBody(document, rule!)
          .map((el) => el.textContent)
          .join(' ')
      )
      for (const sentence of [label.firstSentence, ...label.mustKeep])
        expect(body, sentence).toContain(squash(sentence))
      const draft = extractHtml(html, label.file)
      expect(draft.title).toBe(label.title)
      expect(draft.authors).toEqual(label.authors)
      const text = squash(draft.blocks.map((b) => b.text).join(' '))
      for (const junk of label.mustNotContain) expect(text, junk).not.toContain(squash(junk))
      // Paginated pages included (merdeka.com keeps its further pages hidden in the page).
      for (const sentence of [...label.mustKeep, label.lastSentence])
        expect(text, sentence).toContain(squash(sentence))
      // The page's own calendar day in Jakarta (WIB), as labelled.
      const day = /^\d{4}-\d{2}-\d{2}$/.test(draft.publishedAt ?? '')
        ? draft.publishedAt
        : new Date(Date.parse(draft.publishedAt ?? '') + 7 * 3600_000).toISOString().slice(0, 10)
      expect(day, 'date').toBe(label.date)
    })
  }

  it('says which rules have no real page yet', () => {
    const covered = new Set(
      labels.map((label) => {
        const html = readFileSync(path.join(PAGES, label.file), 'utf8')
        const page = readPageMetadata(parsePage(html, label.file), new Date())
        return outletRuleFor([page.url], page.outlet)?.id
      })
    )
    const uncovered = OUTLET_RULE_DATA.map((r) => r.id).filter((id) => !covered.has(id))
    // Recorded, not hidden: these rules are written from the outlets' markup, untested on a page.
    expect(uncovered.length + covered.size).toBeGreaterThanOrEqual(OUTLET_RULE_DATA.length)
    console.info(`outlet rules without a real page yet: ${uncovered.join(', ')}`)
  })
})

describe('honest bylines', () => {
  const kompas = outletRuleFor(['https://kompas.com/'], null)
  it('never takes the publisher, the site, a handle or a desk code for an author', () => {
    expect(honestAuthors(['Kompas Cyber Media'], kompas, 'Kompas.com')).toEqual([])
    expect(honestAuthors(['PT. VIVA MEDIA BARU'], null, 'VIVA')).toEqual([])
    expect(honestAuthors(['BeritaSatu.com'], null, null)).toEqual([])
    expect(honestAuthors(['@geloranews'], null, null)).toEqual([])
    expect(honestAuthors(['bgs'], null, null)).toEqual([])
    expect(honestAuthors(['mediaindonesia.com developer'], null, null)).toEqual([])
  })

  it('never takes a news agency credited as reporter for an author', () => {
    const tempo = outletRuleFor(['https://tempo.co/'], null)
    expect(honestAuthors(['Antara'], tempo, 'Tempo.co')).toEqual([])
    expect(honestAuthors(['REUTERS'], null, 'Republika Online')).toEqual([])
    expect(honestAuthors(['ANTARA News', 'AFP'], null, null)).toEqual([])
    // Tempo credits a translated story to "Reporter: Terjemahan" ("translation").
    expect(honestAuthors(['Terjemahan'], tempo, 'Tempo.co')).toEqual([])
    expect(honestAuthors(['Antara Wijaya', 'Reuters Lim'], null, null)).toEqual([
      'Antara Wijaya',
      'Reuters Lim'
    ])
  })

  it("reads Republika's reporter from its closing source line, never its editor", () => {
    const page = (credit: string): string =>
      `<html><head><title>Uji | Republika Online</title><link rel="canonical" href="https://republika.co.id/berita/1"></head><body>
      <div class="by"><span><p>Red: Israr Itah</p></span></div>
      <div class="artikel"><p>REPUBLIKA.CO.ID, MALANG -- Paragraf berita yang cukup panjang untuk dibaca sebagai isi artikel ini.</p></div>
      <div class="sumber">${credit}</div></body></html>`
    expect(extractHtml(page('Sumber : Wilda Fizriyani'), 'uji.html').authors).toEqual([
      'Wilda Fizriyani'
    ])
    expect(extractHtml(page('Sumber : REUTERS'), 'uji.html').authors).toEqual([])
    const withRep = page('').replace('Red: Israr Itah', 'Rep: Dwina Agustin/ Red: Israr Itah')
    expect(extractHtml(withRep, 'uji.html').authors).toEqual(['Dwina Agustin'])
  })

  it("never takes the site's own newsroom account for an author", () => {
    // KLY pages credit "Oleh redaksiotosia" when no reporter is named.
    expect(honestAuthors(['redaksiotosia'], null, 'staging.otosia.com')).toEqual([])
    expect(honestAuthors(['Redaksi Otosia'], null, 'Otosia.com')).toEqual([])
    expect(honestAuthors(['admin kompas'], kompas, 'Kompas.com')).toEqual([])
    expect(honestAuthors(['Redaksi Suara'], null, 'Suara.com')).toEqual([])
    // A person whose name merely contains the outlet's is still a person.
    expect(honestAuthors(['Otosia Rahman'], null, 'Otosia.com')).toEqual(['Otosia Rahman'])
    expect(honestAuthors(['redaksiotosia'], null, null)).toEqual(['redaksiotosia'])
  })

  it('keeps persons and several of them as a list', () => {
    expect(honestAuthors(['Bagus Kurniawan', 'Ira Gita'], kompas, 'Kompas.com')).toEqual([
      'Bagus Kurniawan',
      'Ira Gita'
    ])
    expect(honestAuthors(['Penulis: Ardito Ramadhan'], kompas, 'Kompas.com')).toEqual([
      'Ardito Ramadhan'
    ])
  })

  it('reads several authors of a page as a list and joins them for display', () => {
    const page = `<html><head><title>Uji - Kompas.com</title><link rel="canonical" href="https://www.kompas.com/read/1"></head><body>
      <div class="credit-title-name"><h6>Ira Gita, Bagus Kurniawan</h6></div>
      <div class="read__content"><p>Paragraf berita yang cukup panjang untuk dibaca sebagai isi artikel ini.</p></div>
      </body></html>`
    const draft = extractHtml(page, 'uji.html')
    expect(draft.authors).toEqual(['Ira Gita', 'Bagus Kurniawan'])
    expect(draft.author).toBe('Ira Gita, Bagus Kurniawan')
    expect(draft.title).toBe('Uji')
  })

  it('gives null, never a guess, when the page names no one', () => {
    const page = `<html><head><title>Uji</title><meta property="og:site_name" content="Kompas Cyber Media"></head><body><article><p>Paragraf berita yang cukup panjang untuk dibaca sebagai isi artikel ini.</p></article></body></html>`
    const draft = extractHtml(page, 'uji.html')
    expect(draft.author).toBeNull()
    expect(draft.authors).toEqual([])
  })
})
