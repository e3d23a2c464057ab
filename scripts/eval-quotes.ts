/**
 * Scores src/shared/quotes against hand-labelled articles: the old set the rules were built on
 * (tests/fixtures/quotes) and the real corpus nobody tuned for (tests/fixtures/quotes-real, its
 * `dev` split for tuning and its `test` split for reporting). Precision, recall and F1 over direct
 * and partial quotations, speaker accuracy, an error table by class, and how well confidence
 * flags errors. Terms are scored separately and never count for or against the F1.
 * `npm run eval:quotes [-- --misses]` prints JSON (with every miss when asked).
 */
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { decodeBytes } from '../src/main/core/import/decode'
import { extractArticle, formatOf } from '../src/main/core/import/extract'
import { findQuotes, LOW_CONFIDENCE, type Quotation } from '../src/shared/quotes'
import { errorClass, sameSpeaker, type ErrorClass, type Label } from './eval-quotes-classes'
import { canonicalText, countWords } from '../src/shared/text'

const ROOT = path.resolve(__dirname, '..')
const OLD_SET = path.join(ROOT, 'tests/fixtures/quotes')
const REAL = path.join(ROOT, 'tests/fixtures/quotes-real')

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
  errors: ErrorClass[]
  /** Matched quotations with [confidence, speaker right]. */
  confidences: Array<[number, boolean]>
}

export type Totals = Omit<FileScore, 'file' | 'misses' | 'errors' | 'confidences'>

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** Share of the longer text that the shorter one covers, when one contains the other. */
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

/** Scores one labelled file; `runs` detections are timed. */
export function scoreFile(labelFile: string, runs = 50): FileScore {
  const { file, quotations } = JSON.parse(readFileSync(labelFile, 'utf8')) as {
    file: string
    quotations: Label[]
  }
  const text = articleText(path.join(ROOT, file))
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
  const errors: ErrorClass[] = []
  const confidences: Array<[number, boolean]> = []
  for (const label of gold) {
    // Exact text first, so two near-identical quotations pair with their own label.
    let at = found.findIndex((q, i) => !used.has(i) && squash(q.quote) === squash(label.quote))
    if (at < 0) at = found.findIndex((q, i) => !used.has(i) && matches(q.quote, label.quote))
    if (at < 0) {
      misses.push(`missed: ${label.quote.slice(0, 50)}`)
      errors.push(errorClass(label, undefined, text))
      continue
    }
    used.add(at)
    matched++
    const right = sameSpeaker(found[at].speaker, label.speaker)
    confidences.push([found[at].confidence, right])
    if (right) speakers++
    else {
      const cls = errorClass(label, found[at], text)
      errors.push(cls)
      misses.push(
        `speaker ${found[at].speaker} ≠ ${label.speaker} [${cls}, ${found[at].confidence}]: ${label.quote.slice(0, 40)}`
      )
    }
  }
  found.forEach((q, i) => {
    if (!used.has(i)) misses.push(`extra ${q.kind}: ${q.quote.slice(0, 50)}`)
  })
  const terms = quotations.filter((q) => q.kind === 'term')
  const termsFound = terms.filter((t) =>
    detected.some((q: Quotation) => q.kind === 'term' && matches(q.quote, t.quote))
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
    misses,
    errors,
    confidences
  }
}

const labelFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f))

/** Scores the old set; `real` sums its real articles, `all` adds the seed. */
export function evaluate(): { files: FileScore[]; real: Totals; all: Totals } {
  const files = labelFiles(OLD_SET).map((f) => scoreFile(f))
  return { files, real: total(files.filter((f) => f.file !== 'seed')), all: total(files) }
}

/** Scores one split of the real corpus (`dev` or `test`). */
export function evaluateSplit(
  split: 'dev' | 'test',
  runs = 5
): { files: FileScore[]; total: Totals } {
  const files = labelFiles(path.join(REAL, split)).map((f) => scoreFile(f, runs))
  return { files, total: total(files) }
}

export function total(files: FileScore[]): Totals {
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
    speakerAccuracy: round(ratio(Math.round(speakers), sum('matched'))),
    termsLabelled: sum('termsLabelled'),
    termsFound: sum('termsFound'),
    msPer1000Words: round(Math.max(...files.map((f) => f.msPer1000Words)))
  }
}

/** Errors by class, and speaker accuracy above and below LOW_CONFIDENCE. */
function diagnostics(files: FileScore[]): Record<string, unknown> {
  const errors: Record<string, number> = {}
  for (const e of files.flatMap((f) => f.errors)) errors[e] = (errors[e] ?? 0) + 1
  const all = files.flatMap((f) => f.confidences)
  const band = (sure: boolean): { quotations: number; speakerAccuracy: number } => {
    const some = all.filter(([c]) => c >= LOW_CONFIDENCE === sure)
    return {
      quotations: some.length,
      speakerAccuracy: round(ratio(some.filter(([, right]) => right).length, some.length))
    }
  }
  return { errors, confident: band(true), lowConfidence: band(false) }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const withMisses = process.argv.includes('--misses')
  const report = (files: FileScore[], totals: Totals): Record<string, unknown> => ({
    ...totals,
    ...diagnostics(files),
    ...(withMisses
      ? {
          misses: Object.fromEntries(
            files.filter((f) => f.misses.length).map((f) => [f.file, f.misses])
          )
        }
      : {})
  })
  const old = evaluate()
  const dev = evaluateSplit('dev')
  const test = evaluateSplit('test')
  console.log(
    JSON.stringify(
      {
        old: report(old.files, old.all),
        dev: report(dev.files, dev.total),
        test: report(test.files, test.total)
      },
      null,
      2
    )
  )
}
