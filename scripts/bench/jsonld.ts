/**
 * JSON-LD annotation import at scale (issue 19): 100,000 W3C annotations spread over a
 * generated library, imported through the contract; the time and the process's peak memory.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { openCore, type Core } from '../../src/main/core/core'
import { canonicalText } from '../../src/shared/text'
import type { Block } from '../../src/shared/model'
import type { Figure } from './common'
import { generateLibrary, seededRandom } from './generate'
import { round } from './stats'

const ARTICLES = 200
const ANNOTATIONS = 100_000

/** The canonical text of each article of a generated data dir, by id. */
function articleTexts(dataDir: string): Array<{ id: string; text: string }> {
  return readdirSync(path.join(dataDir, 'articles'))
    .sort()
    .map((file) => {
      const article = JSON.parse(readFileSync(path.join(dataDir, 'articles', file), 'utf8')) as {
        id: string
        versions: Array<{ blocks: Block[] }>
      }
      return { id: article.id, text: canonicalText(article.versions[0].blocks) }
    })
}

/** A W3C AnnotationPage of `count` highlights on seeded passages of the given articles. */
export function jsonLdDocument(
  articles: Array<{ id: string; text: string }>,
  count: number
): string {
  const random = seededRandom(count)
  const items = []
  for (let i = 0; i < count; i++) {
    const { id, text } = articles[i % articles.length]
    const length = 20 + Math.floor(random() * 40)
    const start = Math.floor(random() * (text.length - length))
    const end = start + length
    items.push({
      type: 'Annotation',
      id: `urn:sorot:annotation:jl-${i}`,
      motivation: 'highlighting',
      'sorot:color': 'green',
      body: [{ type: 'TextualBody', purpose: 'tagging', value: `label-${i % 7}` }],
      target: {
        source: `urn:sorot:article:${id}`,
        selector: [
          { type: 'TextPositionSelector', start, end },
          {
            type: 'TextQuoteSelector',
            exact: text.slice(start, end),
            prefix: text.slice(Math.max(0, start - 32), start),
            suffix: text.slice(end, end + 32)
          }
        ]
      }
    })
  }
  return JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'AnnotationPage',
    items
  })
}

/** A generated library of `articles` articles and a document of `count` annotations for it. */
export function jsonLdFixture(
  dataDir: string,
  articles: number,
  count: number
): { content: string } {
  generateLibrary(dataDir, articles, 300)
  return { content: jsonLdDocument(articleTexts(dataDir), count) }
}

/** Imports the document through the contract; the milliseconds it took and what was imported. */
export async function timeJsonLdImport(
  core: Core,
  content: string
): Promise<{ ms: number; cpuMs: number; imported: number }> {
  const cpu = process.cpuUsage()
  const started = performance.now()
  const result = await core.dispatch('annotations.importJsonLd', { content })
  const ms = performance.now() - started
  const used = process.cpuUsage(cpu)
  if (!result.ok) throw new Error(result.error.message)
  const imported = (result.value as { imported: unknown[] }).imported.length
  return { ms, cpuMs: (used.user + used.system) / 1000, imported }
}

/** Runs the section. The peak memory is the whole process's: run `npm run bench -- jsonld` alone. */
export async function jsonLdBenchmarks(workDir: string): Promise<Figure[]> {
  const dataDir = path.join(workDir, 'jsonld-library')
  const { content } = jsonLdFixture(dataDir, ARTICLES, ANNOTATIONS)
  const core = await openCore({ dataDir, version: 'bench' })
  const { ms, cpuMs, imported } = await timeJsonLdImport(core, content)
  await core.close()
  if (imported < ANNOTATIONS * 0.99) throw new Error(`only ${imported} annotations were imported`)
  const peakRssMb = process.resourceUsage().maxRSS / 1024
  return [
    {
      key: 'jsonldImport100kMs',
      name: `JSON-LD import of ${ANNOTATIONS.toLocaleString('en')} annotations over ${ARTICLES} articles (${imported.toLocaleString('en')} imported)`,
      value: round(ms, 0),
      unit: 'ms',
      target: 10_000,
      better: 'lower'
    },
    {
      // On a loaded machine the wall time waits for the CPU; this is the work itself.
      key: 'jsonldImport100kCpuMs',
      name: 'CPU time (user + system) of that import',
      value: round(cpuMs, 0),
      unit: 'ms',
      target: 10_000,
      better: 'lower'
    },
    {
      key: 'jsonldImport100kPeakRssMb',
      name: 'peak RSS of the bench process through that import (run the section alone)',
      value: round(peakRssMb, 0),
      unit: 'MB',
      target: 1024,
      better: 'lower'
    }
  ]
}
