/**
 * `npm run eval:import`: scores page import on the labelled saved pages (tests/fixtures/pages)
 * field by field, per page and overall for the dev and test splits, beside Mozilla Readability
 * alone (title, byline, textContent, publishedTime) scored the same way. Prints a table;
 * `--json` prints the scores as JSON instead. Tune on dev only; test is held out.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Readability } from '@mozilla/readability'
import { JSDOM, VirtualConsole } from 'jsdom'
import { decodeBytes } from '../src/main/core/import/decode'
import { extractArticle } from '../src/main/core/import/extract'
import { canonicalText } from '../src/shared/text'

const PAGES = path.resolve(__dirname, '../tests/fixtures/pages')

interface Label {
  file: string
  outlet: string
  split: 'dev' | 'test'
  title: string
  authors: string[]
  date: string
  firstSentence: string
  lastSentence: string
  mustKeep: string[]
  mustNotContain: string[]
}

/** What an extractor gives for a page, in the label's terms. */
interface Extracted {
  title: string | null
  authors: string[]
  date: string | null
  body: string
}

const FIELDS = ['body', 'title', 'author', 'date'] as const
type Field = (typeof FIELDS)[number]
type Score = Record<Field, boolean>

// Labels are compared as the corpus test checks them: without any whitespace.
const squash = (value: string): string => value.normalize('NFC').replace(/\s+/g, '')
const person = (name: string): string => squash(name).toLowerCase()

/** A timestamp as the calendar day in Jakarta (labels give the page's own, local date). */
function jakartaDay(value: string | null | undefined): string | null {
  if (!value) return null
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value
  const time = Date.parse(value)
  if (Number.isNaN(time)) return null
  return new Date(time + 7 * 3600_000).toISOString().slice(0, 10)
}

/** Several names in one byline string ("A, B dan C"). */
const splitNames = (byline: string | null | undefined): string[] =>
  (byline ?? '')
    .split(/\s*(?:,|;|&|\bdan\b|\band\b)\s*/)
    .map((name) => name.trim())
    .filter((name) => name !== '')

/**
 * What may follow the last sentence: the desk's bracketed credit codes ("(vyp/kna)", "[sc]",
 * "(E-2)"), which outlets print as the article's last line.
 */
const CREDIT_TAIL = /^(?:[([][^()[\]]{1,24}[)\]])*$/

/** Whether the body holds exactly the labelled article: its ends, its middle, no furniture. */
function bodyRight(body: string, label: Label): boolean {
  const text = squash(body)
  const last = squash(label.lastSentence)
  const end = text.lastIndexOf(last)
  return (
    text.startsWith(squash(label.firstSentence)) &&
    end >= 0 &&
    CREDIT_TAIL.test(text.slice(end + last.length)) &&
    label.mustKeep.every((sentence) => text.includes(squash(sentence))) &&
    label.mustNotContain.every((junk) => !text.includes(squash(junk)))
  )
}

function score(found: Extracted, label: Label): Score {
  const authors = new Set(found.authors.map(person))
  return {
    body: bodyRight(found.body, label),
    title: found.title !== null && squash(found.title) === squash(label.title),
    author:
      authors.size === label.authors.length && label.authors.every((a) => authors.has(person(a))),
    date: found.date === label.date
  }
}

function bySorot(html: string, label: Label): Extracted {
  const name = path.basename(label.file)
  const draft = extractArticle(html, name, 'html')
  const withList = draft as typeof draft & { authors?: string[] }
  return {
    title: draft.title,
    authors: withList.authors ?? splitNames(draft.author),
    date: jakartaDay(draft.publishedAt),
    body: canonicalText(draft.blocks)
  }
}

function byReadability(html: string): Extracted {
  const { window } = new JSDOM(html, { virtualConsole: new VirtualConsole() })
  const article = new Readability(window.document).parse()
  window.close()
  return {
    title: article?.title ?? null,
    authors: splitNames(article?.byline),
    date: jakartaDay(article?.publishedTime),
    body: article?.textContent ?? ''
  }
}

interface PageResult {
  file: string
  split: Label['split']
  sorot: Score
  readability: Score
  /** What Sorot got wrong, for reading the misses. */
  sorotFound?: Partial<Extracted>
}

function evaluate(labels: Label[]): PageResult[] {
  return labels.map((label) => {
    const html = decodeBytes(readFileSync(path.join(PAGES, label.file)), label.file)
    const sorot = bySorot(html, label)
    const sorotScore = score(sorot, label)
    const wrong = FIELDS.filter((f) => !sorotScore[f])
    return {
      file: label.file,
      split: label.split,
      sorot: sorotScore,
      readability: score(byReadability(html), label),
      ...(wrong.length
        ? {
            sorotFound: {
              title: sorot.title,
              authors: sorot.authors,
              date: sorot.date,
              body: `${sorot.body.slice(0, 100)} … ${sorot.body.slice(-100)}`
            }
          }
        : {})
    }
  })
}

type Totals = Record<'pages', number> & Record<'sorot' | 'readability', Record<Field, number>>

function totals(results: PageResult[]): Totals {
  const count = (who: 'sorot' | 'readability', field: Field): number =>
    results.filter((r) => r[who][field]).length
  const all = (who: 'sorot' | 'readability'): Record<Field, number> =>
    Object.fromEntries(FIELDS.map((f) => [f, count(who, f)])) as Record<Field, number>
  return { pages: results.length, sorot: all('sorot'), readability: all('readability') }
}

function table(results: PageResult[], summary: Record<string, Totals>): string {
  const mark = (s: Score): string => FIELDS.map((f) => (s[f] ? '✓' : '·')).join(' ')
  const width = Math.max(...results.map((r) => r.file.length))
  const lines = [
    `${'page'.padEnd(width)}  split  sorot b t a d   readability b t a d`,
    ...results.map(
      (r) =>
        `${r.file.padEnd(width)}  ${r.split.padEnd(5)}  ${mark(r.sorot)}         ${mark(r.readability)}`
    ),
    ''
  ]
  for (const [split, t] of Object.entries(summary))
    for (const who of ['sorot', 'readability'] as const)
      lines.push(
        `${split.padEnd(5)} ${who.padEnd(12)} ${FIELDS.map((f) => `${f} ${t[who][f]}/${t.pages}`).join('  ')}`
      )
  return lines.join('\n')
}

function main(): void {
  const labels = JSON.parse(readFileSync(path.join(PAGES, 'labels.json'), 'utf8')) as Label[]
  const results = evaluate(labels)
  const summary = {
    dev: totals(results.filter((r) => r.split === 'dev')),
    test: totals(results.filter((r) => r.split === 'test')),
    all: totals(results)
  }
  if (process.argv.includes('--json'))
    process.stdout.write(`${JSON.stringify({ summary, pages: results }, null, 2)}\n`)
  else process.stdout.write(`${table(results, summary)}\n`)
  if (process.argv.includes('--misses'))
    for (const r of results.filter((r) => r.split === 'dev' && r.sorotFound))
      process.stdout.write(`\n${r.file} ${JSON.stringify(r.sorotFound)}\n`)
  if (process.argv.includes('--why'))
    for (const label of labels.filter((l) => l.split === 'dev')) {
      const html = decodeBytes(readFileSync(path.join(PAGES, label.file)), label.file)
      const text = squash(bySorot(html, label).body)
      const why = [
        text.startsWith(squash(label.firstSentence)) ? '' : `first: ${text.slice(0, 80)}`,
        ...label.mustKeep.filter((k) => !text.includes(squash(k))).map((k) => `lost: ${k}`),
        ...label.mustNotContain.filter((j) => text.includes(squash(j))).map((j) => `junk: ${j}`)
      ].filter(Boolean)
      const last = squash(label.lastSentence)
      const end = text.lastIndexOf(last)
      if (end < 0 || !CREDIT_TAIL.test(text.slice(end + last.length)))
        why.push(
          `end: ${end < 0 ? 'missing' : text.slice(end + last.length, end + last.length + 120)}`
        )
      if (why.length) process.stdout.write(`\n${label.file}\n  ${why.join('\n  ')}\n`)
    }
}

main()
