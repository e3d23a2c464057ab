import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'

/** The labelled set of real saved pages (tests/fixtures/pages): checked as data, no extractor runs. */
const PAGES = path.resolve(__dirname, '../fixtures/pages')

const text = z.string().trim().min(1)
const Label = z
  .object({
    file: text,
    outlet: z.string().regex(/^[a-z0-9-]+$/),
    url: z.url().optional(),
    split: z.enum(['dev', 'test']),
    title: text,
    authors: z.array(text),
    date: z.iso.date(),
    firstSentence: text,
    lastSentence: text,
    mustKeep: z.array(text).min(2).max(4),
    mustNotContain: z.array(text).min(1)
  })
  .strict()
type Label = z.infer<typeof Label>

const labels: Label[] = z
  .array(Label)
  .parse(JSON.parse(readFileSync(path.join(PAGES, 'labels.json'), 'utf8')))

/** What a reader can see: entities decoded, scripts and styles gone, all whitespace dropped. */
const visibleText = (file: string): string => {
  const { document } = parseHTML(readFileSync(path.join(PAGES, file), 'utf8'))
  for (const node of document.querySelectorAll('script, style, noscript, template')) node.remove()
  return squash(document.documentElement.textContent ?? '')
}
// Pages wrap lines and put tags mid-sentence, so labels are compared without any whitespace.
const squash = (value: string): string => value.replace(/\s+/g, '')

const PUBLISHER = /\.(com|co\.id|id|net)\b|cyber media|\bPT\.?\s|media baru|^redaksi$/i

describe('labelled corpus of saved Indonesian news pages', () => {
  it('labels each page once', () => {
    const files = labels.map((label) => label.file)
    expect(new Set(files).size).toBe(files.length)
  })

  it('states its true size in SOURCES.md (issue 16 asks for 40 pages from 20 outlets)', () => {
    const sources = readFileSync(path.join(PAGES, 'SOURCES.md'), 'utf8')
    const outlets = new Set(labels.map((label) => label.outlet)).size
    const dev = labels.filter((label) => label.split === 'dev').length
    expect(sources).toContain(
      `${labels.length} pages from ${outlets} outlets (${dev} dev, ${labels.length - dev} test)`
    )
  })

  it('splits dev and test about half each, never the same page in both', () => {
    const dev = labels.filter((label) => label.split === 'dev')
    const test = labels.filter((label) => label.split === 'test')
    expect(Math.abs(dev.length - test.length)).toBeLessThanOrEqual(labels.length * 0.2)
    const devUrls = new Set(dev.flatMap((label) => label.url ?? []))
    expect(test.filter((label) => label.url && devUrls.has(label.url))).toEqual([])
  })

  it('gives every outlet a page in dev, where rules are tuned', () => {
    const outlets = new Set(labels.map((label) => label.outlet))
    const inDev = new Set(labels.filter((l) => l.split === 'dev').map((l) => l.outlet))
    expect([...outlets].filter((outlet) => !inDev.has(outlet))).toEqual([])
  })

  it('keeps each page in its outlet folder with a row in SOURCES.md', () => {
    const sources = readFileSync(path.join(PAGES, 'SOURCES.md'), 'utf8')
    for (const label of labels) {
      expect(label.file.startsWith(`${label.outlet}/`), label.file).toBe(true)
      expect(existsSync(path.join(PAGES, label.file)), label.file).toBe(true)
      expect(sources, label.file).toContain(`| ${label.file} |`)
    }
  })

  it('names persons or desks as authors, never the publisher', () => {
    for (const label of labels) {
      expect(
        label.authors.filter((author) => PUBLISHER.test(author)),
        label.file
      ).toEqual([])
    }
  })

  describe.each(labels.map((label) => [label.file, label] as const))('%s', (file, label) => {
    const page = visibleText(file)
    const onPage = (value: string): boolean => page.includes(squash(value))

    it('shows its title, first and last body sentences and kept sentences', () => {
      const missing = [label.title, label.firstSentence, label.lastSentence, ...label.mustKeep]
      expect(missing.filter((value) => !onPage(value))).toEqual([])
    })

    it('shows every furniture string the body must not contain', () => {
      expect(label.mustNotContain.filter((value) => !onPage(value))).toEqual([])
    })

    it('keeps sentences from the middle of the body, distinct from its ends', () => {
      for (const sentence of label.mustKeep) {
        expect(sentence).not.toBe(label.firstSentence)
        expect(sentence).not.toBe(label.lastSentence)
      }
    })
  })
})
