/** Import throughput into a library that already holds 10,000 articles (the import issue). */
import path from 'node:path'
import { openCore } from '../../src/main/core/core'
import type { ImportOutcome } from '../../src/shared/model'
import type { Figure } from '../bench'
import { articleParagraphs, corpusWords, generateLibrary, seededRandom } from './generate'

const LIBRARY_SIZE = 10_000
const TEXT_ARTICLES = 300

/** Imports `items` in one batch (as a folder import does) and returns articles per second. */
async function importRate(
  dataDir: string,
  items: Array<{ name: string; base64: string }>
): Promise<number> {
  const core = await openCore({ dataDir, version: 'bench' })
  const started = performance.now()
  const result = await core.dispatch('articles.import', { items })
  const seconds = (performance.now() - started) / 1000
  await core.close()
  if (!result.ok) throw new Error(result.error.message)
  const imported = (result.value as ImportOutcome[]).filter((o) => o.status === 'imported')
  if (imported.length !== items.length)
    throw new Error(`only ${imported.length} of ${items.length} imported`)
  return items.length / seconds
}

/** Plain-text articles of ~600 words with a headline and the usual junk lines. */
function textItems(count: number): Array<{ name: string; base64: string }> {
  const words = corpusWords()
  const random = seededRandom(7)
  return Array.from({ length: count }, (_, i) => {
    const body = articleParagraphs(words, 600, random)
    const text = [`Berita uji nomor ${i + 1} tentang kota`, ...body, '[iklan_2]', 'Komentar (0)']
    return { name: `bench-${i + 1}.txt`, base64: Buffer.from(text.join('\n\n')).toString('base64') }
  })
}

export async function importBenchmarks(workDir: string): Promise<Figure[]> {
  const dataDir = path.join(workDir, 'library')
  generateLibrary(dataDir, LIBRARY_SIZE)
  const textRate = await importRate(dataDir, textItems(TEXT_ARTICLES))
  return [
    {
      name: `import.text articles/s into ${LIBRARY_SIZE} articles`,
      value: Math.round(textRate),
      unit: 'articles/s',
      target: 100,
      better: 'higher'
    }
  ]
}
