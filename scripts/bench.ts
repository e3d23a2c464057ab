/**
 * `npm run bench`: Sorot's speed figures, printed as JSON and compared with the issues'
 * targets. Numbers only: no test asserts a timing. `npm run bench -- import` runs one section.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importBenchmarks } from './bench/import'
import { quoteBenchmarks } from './bench/quotes'

export interface Figure {
  name: string
  value: number
  unit: string
  /** The target from the issue, and whether more or less is better. */
  target: number
  better: 'higher' | 'lower'
  pass?: boolean
}

export type Section = (workDir: string) => Promise<Figure[]>

const sections: Record<string, Section> = { import: importBenchmarks, quotes: quoteBenchmarks }

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => a !== '--')
  const names = wanted.length ? wanted : Object.keys(sections)
  const figures: Figure[] = []
  for (const name of names) {
    const section = sections[name]
    if (!section) throw new Error(`Unknown bench section "${name}" (${Object.keys(sections)})`)
    const workDir = mkdtempSync(path.join(os.tmpdir(), `sorot-bench-${name}-`))
    try {
      figures.push(...(await section(workDir)))
    } finally {
      rmSync(workDir, { recursive: true, force: true })
    }
  }
  for (const figure of figures)
    figure.pass =
      figure.better === 'higher' ? figure.value >= figure.target : figure.value <= figure.target
  const report = {
    machine: { cpus: os.cpus().length, node: process.version, platform: process.platform },
    figures,
    allPass: figures.every((f) => f.pass)
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
}

void main()
