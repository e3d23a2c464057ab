/**
 * Quote detection speed on real articles (issue 15: ≤ 5 ms per 1,000 words) and on hostile text
 * (issue 19: ≤ 1 s per MB).
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { decodeBytes } from '../../src/main/core/import/decode'
import { extractArticle } from '../../src/main/core/import/extract'
import { findQuotes } from '../../src/shared/quotes'
import { canonicalText, countWords } from '../../src/shared/text'
import type { Figure } from './common'
import { median, round } from './stats'

const CORPUS = path.resolve(__dirname, '../../tests/fixtures/corpus')
const REAL = path.resolve(__dirname, '../../tests/fixtures/quotes-real')
const ROUNDS = 20
const MB = 1 << 20

/** Inputs that made the old detector quadratic (issue 19), 1 MB each. */
const HOSTILE: Record<string, () => string> = {
  'straight marks': () => '"'.repeat(MB),
  'alternating curly marks': () => '“”'.repeat(MB / 2),
  'open marks then close marks': () => '“'.repeat(MB / 2) + '”'.repeat(MB / 2),
  '"a " repeated': () => '"a '.repeat(Math.floor(MB / 3)),
  'mixed mark families': () => '“‘"\'’”'.repeat(Math.floor(MB / 6))
}

/** Milliseconds per MB of each hostile input (one run each, the JIT warmed on a small one). */
function pathologicalFigures(): Figure[] {
  const figures: Figure[] = []
  let worst = 0
  for (const [name, make] of Object.entries(HOSTILE)) {
    const text = make()
    findQuotes(text.slice(0, 10_000))
    const started = performance.now()
    findQuotes(text)
    const ms = performance.now() - started
    worst = Math.max(worst, ms)
    figures.push({
      name: `quotes.detect on 1 MB of ${name}`,
      value: round(ms, 0),
      unit: 'ms',
      target: 1000,
      better: 'lower'
    })
  }
  return [
    {
      key: 'quotesPathologicalMsPerMb',
      name: 'quotes.detect ms per MB of hostile text (worst of the inputs below)',
      value: round(worst, 0),
      unit: 'ms',
      target: 1000,
      better: 'lower'
    },
    ...figures
  ]
}

const realFiles = (): string[] =>
  ['dev', 'test'].flatMap((split) =>
    readdirSync(path.join(REAL, split))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => path.join(REAL, split, f))
  )

export async function quoteBenchmarks(): Promise<Figure[]> {
  const files = [
    path.join(CORPUS, 'seed.txt'),
    ...readdirSync(path.join(CORPUS, 'real')).map((f) => path.join(CORPUS, 'real', f)),
    ...realFiles()
  ]
  const texts = files.map((file) =>
    canonicalText(extractArticle(decodeBytes(readFileSync(file), file), file, 'text').blocks)
  )
  const words = texts.reduce((sum, text) => sum + countWords(text), 0)
  // The first pass pays for loading the lexicon and compiling: the cold figure includes it once.
  const coldStart = performance.now()
  for (const text of texts) findQuotes(text)
  const coldMs = performance.now() - coldStart
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
    },
    {
      key: 'quotesColdMsPer1000Words',
      name: 'quotes.detect ms per 1,000 words over one cold pass of all articles (lexicon load included)',
      value: round((coldMs / words) * 1000, 3),
      unit: 'ms',
      target: 5,
      better: 'lower'
    },
    ...pathologicalFigures()
  ]
}
