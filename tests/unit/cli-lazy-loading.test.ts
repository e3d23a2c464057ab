import { execFile } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { runSorot } from '../support/cli'
import { SEED } from '../support/core'
import { ROOT } from '../support/paths'

const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs')
const SCRIPT = path.join(ROOT, 'tests/support/cli-packages.ts')
/** The packages that parse and clean HTML (and what only export uses): heavy, and not for `list`. */
const HTML_AND_EXPORT = ['jsdom', 'linkedom', 'sanitize-html', '@mozilla/readability', 'marked']

/** Runs `sorot args` in a fresh process; the exit code and the packages it loaded. */
async function packagesLoadedBy(args: string[]): Promise<{ code: number; packages: string[] }> {
  const { stdout } = await promisify(execFile)(process.execPath, [TSX, SCRIPT, ...args], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024
  })
  return JSON.parse(stdout.trim().split('\n').at(-1)!)
}

describe('a CLI command loads only what it uses', () => {
  it('lists the library without loading the HTML parsers; cleaning an HTML file loads them', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-cli-lazy-'))
    expect((await runSorot(['--data-dir', dataDir, 'import', SEED])).code).toBe(0)
    const html = path.join(ROOT, 'tests/fixtures/html/kompas-banjir-kemang.html')
    const [list, help, quotes] = await Promise.all([
      packagesLoadedBy(['--data-dir', dataDir, 'list', '--json']),
      packagesLoadedBy(['--help']),
      packagesLoadedBy(['quotes', html, '--json'])
    ])
    expect(list.code).toBe(0)
    expect(list.packages).toContain('lowdb')
    expect(list.packages.filter((name) => HTML_AND_EXPORT.includes(name))).toEqual([])
    // Help opens no library at all.
    expect(help.code).toBe(0)
    expect(help.packages).not.toContain('lowdb')
    // The check sees a heavy package when a command does load it.
    expect(quotes.code).toBe(0)
    expect(quotes.packages).toEqual(expect.arrayContaining(['linkedom', 'sanitize-html']))
  }, 120_000)
})
