/** Quote detection speed on real articles (the quotes issue: ≤ 5 ms per 1,000 words). */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { decodeBytes } from '../../src/main/core/import/decode'
import { extractArticle } from '../../src/main/core/import/extract'
import { findQuotes } from '../../src/shared/quotes'
import { canonicalText, countWords } from '../../src/shared/text'
import type { Figure } from '../bench'
import { median, round } from './stats'

const CORPUS = path.resolve(__dirname, '../../tests/fixtures/corpus')
const ROUNDS = 50

export async function quoteBenchmarks(): Promise<Figure[]> {
  const files = [
    path.join(CORPUS, 'seed.txt'),
    ...readdirSync(path.join(CORPUS, 'real')).map((f) => path.join(CORPUS, 'real', f))
  ]
  const texts = files.map((file) =>
    canonicalText(extractArticle(decodeBytes(readFileSync(file), file), file, 'text').blocks)
  )
  const words = texts.reduce((sum, text) => sum + countWords(text), 0)
  for (const text of texts) findQuotes(text) // warm up the JIT
  const perArticle: number[] = []
  for (const text of texts) {
    const started = performance.now()
    for (let i = 0; i < ROUNDS; i++) findQuotes(text)
    perArticle.push(((performance.now() - started) / ROUNDS / countWords(text)) * 1000)
  }
  perArticle.sort((a, b) => a - b)
  return [
    {
      key: 'quotesMsPer1000Words',
      name: `quotes.detect ms per 1,000 words (worst of ${texts.length} real articles, ${words} words)`,
      value: round(perArticle.at(-1) ?? 0, 3),
      unit: 'ms',
      target: 5,
      better: 'lower'
    },
    {
      name: 'quotes.detect ms per 1,000 words (median)',
      value: round(median(perArticle), 3),
      unit: 'ms',
      target: 5,
      better: 'lower'
    }
  ]
}
