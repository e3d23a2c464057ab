/**
 * Scores src/shared/quotes against the hand-labelled corpus (tests/fixtures/quotes): precision,
 * recall and F1 over direct and partial quotations, speaker accuracy, speed. Prints JSON.
 * Terms are scored separately (their own recall) and never count for or against the F1.
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { decodeBytes } from '../src/main/core/import/decode'
import { extractArticle, formatOf } from '../src/main/core/import/extract'
import { findQuotes, type Quotation } from '../src/shared/quotes'
import { canonicalText, countWords } from '../src/shared/text'

const ROOT = path.resolve(__dirname, '..')
const LABELS = path.join(ROOT, 'tests/fixtures/quotes')

interface Label {
  quote: string
  speaker: string | null
  kind: Quotation['kind']
}

export interface FileScore {
  file: string
  labelled: number
  detected: number
  matched: number
  precision: number
  recall: number
  f1: number
  speakerAccuracy: number
  termsLabelled: number
  termsFound: number
  msPer1000Words: number
  misses: string[]
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** Share of the longer text covered by the longest common substring-free overlap of offsets. */
function overlap(a: string, b: string): number {
  if (a === b) return 1
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return long.includes(short) ? short.length / long.length : 0
}

const matches = (a: string, b: string): boolean => overlap(squash(a), squash(b)) >= 0.9

/** The article text Sorot stores for a corpus file: decoded, cleaned, blocks joined. */
export function articleText(file: string): string {
  const name = path.basename(file)
  const draft = extractArticle(decodeBytes(readFileSync(file), name), name, formatOf(name))
  return canonicalText(draft.blocks)
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b)
const round = (n: number): number => Math.round(n * 1000) / 1000

/** Scores one labelled file. */
export function scoreFile(labelFile: string): FileScore {
  const { file, quotations } = JSON.parse(readFileSync(labelFile, 'utf8')) as {
    file: string
    quotations: Label[]
  }
  const text = articleText(path.join(ROOT, file))
  const runs = 50
  findQuotes(text) // warm-up, so the first file does not pay for compilation
  const t0 = performance.now()
  for (let i = 0; i < runs; i++) findQuotes(text)
  const ms = (performance.now() - t0) / runs
  const detected = findQuotes(text)
  const gold = quotations.filter((q) => q.kind !== 'term')
  const found = detected.filter((q) => q.kind !== 'term')
  const used = new Set<number>()
  let matched = 0
  let speakers = 0
  const misses: string[] = []
  for (const label of gold) {
    // Exact text first, so two near-identical quotations pair with their own label.
    let at = found.findIndex((q, i) => !used.has(i) && squash(q.quote) === squash(label.quote))
    if (at < 0) at = found.findIndex((q, i) => !used.has(i) && matches(q.quote, label.quote))
    if (at < 0) {
      misses.push(`missed: ${label.quote.slice(0, 50)}`)
      continue
    }
    used.add(at)
    matched++
    const said = found[at].speaker?.toLowerCase() ?? null
    if (said === (label.speaker?.toLowerCase() ?? null)) speakers++
    else misses.push(`speaker ${found[at].speaker} ≠ ${label.speaker}: ${label.quote.slice(0, 40)}`)
  }
  found.forEach((q, i) => {
    if (!used.has(i)) misses.push(`extra ${q.kind}: ${q.quote.slice(0, 50)}`)
  })
  const terms = quotations.filter((q) => q.kind === 'term')
  const termsFound = terms.filter((t) =>
    detected.some((q) => q.kind === 'term' && matches(q.quote, t.quote))
  ).length
  const precision = ratio(matched, found.length)
  const recall = ratio(matched, gold.length)
  return {
    file: path.basename(labelFile, '.json'),
    labelled: gold.length,
    detected: found.length,
    matched,
    precision: round(precision),
    recall: round(recall),
    f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)),
    speakerAccuracy: round(ratio(speakers, matched)),
    termsLabelled: terms.length,
    termsFound,
    msPer1000Words: round((ms * 1000) / Math.max(1, countWords(text))),
    misses
  }
}

/** Scores every labelled file; `real` sums the real articles, `all` adds the seed. */
export function evaluate(): {
  files: FileScore[]
  real: Omit<FileScore, 'file' | 'misses'>
  all: Omit<FileScore, 'file' | 'misses'>
} {
  const files = readdirSync(LABELS)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => scoreFile(path.join(LABELS, f)))
  return { files, real: total(files.filter((f) => f.file !== 'seed')), all: total(files) }
}

function total(files: FileScore[]): Omit<FileScore, 'file' | 'misses'> {
  const sum = (key: 'labelled' | 'detected' | 'matched' | 'termsLabelled' | 'termsFound'): number =>
    files.reduce((n, f) => n + f[key], 0)
  const speakers = files.reduce((n, f) => n + f.speakerAccuracy * f.matched, 0)
  const precision = ratio(sum('matched'), sum('detected'))
  const recall = ratio(sum('matched'), sum('labelled'))
  return {
    labelled: sum('labelled'),
    detected: sum('detected'),
    matched: sum('matched'),
    precision: round(precision),
    recall: round(recall),
    f1: round((2 * precision * recall) / (precision + recall || 1)),
    speakerAccuracy: round(ratio(speakers, sum('matched'))),
    termsLabelled: sum('termsLabelled'),
    termsFound: sum('termsFound'),
    msPer1000Words: round(Math.max(...files.map((f) => f.msPer1000Words)))
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  console.log(JSON.stringify(evaluate(), null, 2))
}
