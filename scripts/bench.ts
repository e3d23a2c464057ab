/**
 * `npm run bench`: Sorot's speed figures, printed as a table and compared with the issues'
 * targets; `npm run bench -- --json` prints one JSON object last, with each figure under its key.
 * Numbers only: no test asserts a timing. `npm run bench -- import` runs one section;
 * `--size N` (default 10,000) sets the library size every section measures at, and the
 * generated library is kept in `--cache DIR` (default $SOROT_BENCH_CACHE or the temp dir).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { BenchContext, Figure, Section } from './bench/common'
import { cachedLibrary, cloneLibrary } from './bench/generate'

const DEFAULT_SIZE = 10_000

// Loaded when run, so a section whose code cannot load is reported and the others still run.
const sections: Record<string, () => Promise<Section>> = {
  import: async () => (await import('./bench/import')).importBenchmarks,
  quotes: async () => (await import('./bench/quotes')).quoteBenchmarks,
  speakers: async () => (await import('./bench/speakers')).speakerBenchmarks,
  search: async () => (await import('./bench/search')).searchBenchmarks,
  storage: async () => (await import('./bench/storage')).storageBenchmarks,
  reader: async () => (await import('./bench/reader')).readerBenchmarks,
  library: async () => (await import('./bench/library')).libraryBenchmarks,
  snapshot: async () => (await import('./bench/snapshot')).snapshotBenchmarks,
  sync: async () => (await import('./bench/sync')).syncBenchmarks,
  jsonld: async () => (await import('./bench/jsonld')).jsonLdBenchmarks
}

/** The keys issue 9 asks for; `--json` lists those no section measured under `missing`. */
const EXPECTED_KEYS = [
  'importTxtPerSec',
  'importHtmlPerSec',
  'libraryLoadMs',
  'libraryLoadFloorMs',
  'highlightP95Ms10',
  'searchP50Ms',
  'searchP95Ms',
  'indexBuildMs',
  'indexLoadMs',
  'renderMs',
  'highlightRenderMs',
  'quotesMsPer1000Words',
  'rssMb',
  'searchRssMb',
  'libraryFirstPaintMs',
  'highlightP95Ms',
  'snapshotMs',
  'snapshotExtraMb'
]
/** Keys named for 10,000 articles: measured when the size is 10,000. */
const AT_10K_KEYS = ['highlightP95Ms10k', 'baselineHighlightP95Ms10k']

/** One line per figure: key, value and unit, target, pass or FAIL, and what was measured. */
function table(figures: Figure[]): string {
  const keyWidth = Math.max(4, ...figures.map((f) => (f.key ?? '').length))
  const shown = (f: Figure): string => `${f.value} ${f.unit}`
  const valueWidth = Math.max(...figures.map((f) => shown(f).length))
  return figures
    .map((f) => {
      const target = Number.isFinite(f.target)
        ? `${f.better === 'higher' ? '≥' : '≤'} ${f.target}`
        : '—'
      return `${(f.key ?? '').padEnd(keyWidth)}  ${shown(f).padStart(valueWidth)}  ${target.padEnd(10)} ${f.pass ? 'pass' : 'FAIL'}  ${f.name}`
    })
    .join('\n')
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    allowPositionals: true,
    options: {
      json: { type: 'boolean' },
      size: { type: 'string' },
      cache: { type: 'string' },
      help: { type: 'boolean', short: 'h' }
    }
  })
  if (values.help) {
    process.stdout.write(
      `npm run bench -- [SECTION…] [--json] [--size N] [--cache DIR]\n` +
        `  SECTION: ${Object.keys(sections).join(', ')} (default: all)\n` +
        `  --json   the table, then one JSON object with every figure under its key\n` +
        `  --size   articles in the generated library (default ${DEFAULT_SIZE})\n` +
        `  --cache  where the generated library is kept and reused\n`
    )
    return
  }
  const json = values.json === true
  const size = Number(values.size ?? DEFAULT_SIZE)
  if (!Number.isInteger(size) || size < 10) throw new Error(`--size must be a whole number ≥ 10`)
  const cacheDir =
    values.cache ?? process.env.SOROT_BENCH_CACHE ?? path.join(os.tmpdir(), 'sorot-bench-cache')
  const context: BenchContext = {
    size,
    library: (dir) => {
      cloneLibrary(cachedLibrary(cacheDir, size), dir)
      return dir
    }
  }
  const wanted = positionals
  const names = wanted.length ? wanted : Object.keys(sections)
  const figures: Figure[] = []
  const failedSections: Record<string, string> = {}
  for (const name of names) {
    const section = sections[name]
    if (!section) throw new Error(`Unknown bench section "${name}" (${Object.keys(sections)})`)
    const workDir = mkdtempSync(path.join(os.tmpdir(), `sorot-bench-${name}-`))
    process.stderr.write(`bench: ${name}…\n`)
    try {
      const measured = await (await section())(workDir, context)
      figures.push(...measured)
      // Told at once: removing a 100,000-article work dir can take minutes on a slow disk.
      const keyed = measured.filter((f) => f.key).map((f) => `${f.key}=${f.value}`)
      process.stderr.write(`bench: ${name}: ${keyed.join(' ')}\n`)
    } catch (error) {
      // One broken section must not hide the others' figures.
      failedSections[name] = error instanceof Error ? error.message : String(error)
      process.stderr.write(`bench: ${name} failed: ${failedSections[name]}\n`)
    } finally {
      rmSync(workDir, { recursive: true, force: true })
    }
  }
  for (const figure of figures)
    figure.pass =
      figure.better === 'higher' ? figure.value >= figure.target : figure.value <= figure.target
  const keyed = Object.fromEntries(figures.filter((f) => f.key).map((f) => [f.key, f.value]))
  const expected = [...EXPECTED_KEYS, ...(size === DEFAULT_SIZE ? AT_10K_KEYS : [])]
  const report = {
    size,
    ...keyed,
    missing: expected.filter((key) => !(key in keyed)),
    failedSections,
    machine: { cpus: os.cpus().length, node: process.version, platform: process.platform },
    figures,
    allPass: figures.every((f) => f.pass) && Object.keys(failedSections).length === 0
  }
  process.stdout.write(`${table(figures)}\n`)
  if (json) process.stdout.write(`${JSON.stringify(report)}\n`)
  else if (report.missing.length)
    process.stdout.write(`not measured: ${report.missing.join(', ')}\n`)
}

void main()
