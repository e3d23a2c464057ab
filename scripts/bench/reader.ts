/// <reference lib="dom" />
// page.evaluate bodies run in the page: they need the DOM types.
/**
 * Reader speed in Chromium (the reading issue): a 20,000-word article with 1,000 highlights,
 * served by the built `sorot serve` against a temp data dir. renderMs: from the route change to
 * the blocks laid out (performance marks the app sets, features/reader/perf-marks.ts), which
 * includes fetching the article and its annotations. highlightRenderMs: from the `h` key to the
 * new highlight's block re-rendered and laid out. Needs `npx electron-vite build` first.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { chromium } from '@playwright/test'
import { SCHEMA_VERSION } from '../../src/main/core/store/schemas'
import { describe } from '../../src/shared/anchoring'
import { ANNOTATION_COLORS } from '../../src/shared/annotations'
import type { Annotation, ArticleMeta, Block } from '../../src/shared/model'
import { canonicalText } from '../../src/shared/text'
import { CHROMIUM_ARGS, chromiumPath } from '../../tests/support/chromium'
import { BIN, startServe } from '../../tests/support/serve'
import type { Figure } from './common'
import { generateLibrary, seededRandom } from './generate'
import { median, round } from './stats'

const WORDS = 20_000
const HIGHLIGHTS = 1_000
const OPENS = 15
const ADDS = 15

/** 1,000 highlights spread over the article, some overlapping, a tenth with a note. */
export function writeHighlights(dataDir: string, article: ArticleMeta): void {
  const file = path.join(dataDir, 'articles', `${article.id}.json`)
  const blocks = (
    JSON.parse(readFileSync(file, 'utf8')) as { versions: Array<{ blocks: Block[] }> }
  ).versions[0].blocks
  const text = canonicalText(blocks)
  const random = seededRandom(3)
  const now = new Date().toISOString()
  const annotations: Annotation[] = Array.from({ length: HIGHLIGHTS }, (_, i) => {
    const start = Math.floor((i / HIGHLIGHTS) * (text.length - 200) + random() * 40)
    const end = start + 15 + Math.floor(random() * 80)
    return {
      id: `bench-${i}`,
      articleId: article.id,
      kind: 'highlight',
      target: { version: 1, selectors: describe(text, start, end) },
      color: ANNOTATION_COLORS[i % ANNOTATION_COLORS.length],
      labels: i % 7 === 0 ? ['important'] : [],
      note: i % 10 === 0 ? `Catatan **nomor** ${i}` : '',
      createdAt: now,
      updatedAt: now
    }
  })
  writeFileSync(
    path.join(dataDir, 'annotations', `${article.id}.json`),
    JSON.stringify({ schemaVersion: SCHEMA_VERSION, annotations })
  )
}

export async function readerBenchmarks(workDir: string): Promise<Figure[]> {
  if (!existsSync(path.join(path.dirname(BIN), '..', 'out', 'renderer', 'index.html')))
    throw new Error('the reader bench needs the built app: run `npx electron-vite build` first')
  const dataDir = path.join(workDir, 'library')
  generateLibrary(dataDir, 1, WORDS)
  const [article] = (
    JSON.parse(readFileSync(path.join(dataDir, 'index.json'), 'utf8')) as {
      articles: ArticleMeta[]
    }
  ).articles
  writeHighlights(dataDir, article)

  const served = await startServe(dataDir)
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US' })
    await page.goto(served.url)
    await page.waitForSelector('h1')
    const renders: number[] = []
    for (let i = 0; i < OPENS; i++) {
      await page.evaluate(() => (window.location.hash = '#/'))
      await page.waitForSelector('.library, h1')
      await page.evaluate((id) => (window.location.hash = `#/article/${id}`), article.id)
      renders.push(
        await page.evaluate(async () => {
          for (;;) {
            const painted = performance.getEntriesByName('sorot:reader-painted').at(-1)
            const start = performance.getEntriesByName('sorot:reader-start').at(-1)
            if (painted && start && painted.startTime > start.startTime)
              return painted.startTime - start.startTime
            await new Promise((resolve) => setTimeout(resolve, 5))
          }
        })
      )
    }
    const marks = await page.locator('.article-body mark').count()
    if (marks < HIGHLIGHTS)
      throw new Error(`only ${marks} marks drawn for ${HIGHLIGHTS} highlights`)

    const adds: number[] = []
    for (let i = 0; i < ADDS; i++) {
      await page.evaluate((n) => {
        const blocks = document.querySelectorAll('.article-body [data-block]')
        const block = blocks[Math.floor((n / 15) * (blocks.length - 1))]
        const text = block.querySelector('span[data-offset]')?.firstChild as Text
        const selection = window.getSelection()
        selection?.setBaseAndExtent(text, 0, text, Math.min(12, text.length))
        performance.clearMarks('sorot:highlight-painted')
      }, i)
      await page.keyboard.press('h')
      adds.push(
        await page.evaluate(async () => {
          for (;;) {
            const painted = performance.getEntriesByName('sorot:highlight-painted').at(-1)
            const start = performance.getEntriesByName('sorot:highlight-start').at(-1)
            if (painted && start) return painted.startTime - start.startTime
            await new Promise((resolve) => setTimeout(resolve, 5))
          }
        })
      )
    }
    return [
      {
        key: 'renderMs',
        name: `reader.render ${WORDS} words, ${HIGHLIGHTS} highlights: route change to blocks laid out (median of ${OPENS}, fetch included)`,
        value: round(median(renders), 1),
        unit: 'ms',
        target: 150,
        better: 'lower'
      },
      {
        key: 'highlightRenderMs',
        name: `reader.highlight key h to the new mark laid out (median of ${ADDS}, ${HIGHLIGHTS}+ highlights)`,
        value: round(median(adds), 1),
        unit: 'ms',
        target: 16,
        better: 'lower'
      }
    ]
  } finally {
    await browser.close()
    await served.stop()
  }
}
