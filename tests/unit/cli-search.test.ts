import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSorot } from '../support/cli'
import { CORPUS, SEED } from '../support/core'

const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'sorot-cli-search-'))

describe('sorot search', () => {
  it('prints ranked { id, title, score, snippet } as JSON, with --limit', async () => {
    const dir = await tempDir()
    const real = path.join(CORPUS, 'real')
    const imported = await runSorot(['--data-dir', dir, 'import', SEED, real, '--json'])
    expect(imported.code).toBe(0)

    const found = await runSorot(['--data-dir', dir, 'search', 'intelijen', '--json'])
    expect(found.code).toBe(0)
    const results = JSON.parse(found.stdout) as Array<Record<string, unknown>>
    expect(results[0]).toEqual({
      id: expect.any(String),
      title: expect.stringMatching(/^Kerja sama antara badan intelijen/),
      score: expect.any(Number),
      snippet: expect.stringMatching(/intelijen/i)
    })
    const scores = results.map((r) => r.score as number)
    expect([...scores].sort((a, b) => b - a)).toEqual(scores)

    const limited = await runSorot([
      '--data-dir',
      dir,
      'search',
      'mengatakan',
      '--limit',
      '2',
      '--json'
    ])
    expect(JSON.parse(limited.stdout)).toHaveLength(2)
  })

  it('finds word forms and phrases, and prints matches marked in plain text', async () => {
    const dir = await tempDir()
    await runSorot(['--data-dir', dir, 'import', SEED])
    const phrase = await runSorot(['--data-dir', dir, 'search', '"badan intelijen"'])
    expect(phrase.code).toBe(0)
    expect(phrase.stdout).toMatch(/Kerja sama antara badan intelijen/)
    expect(phrase.stdout).toMatch(/«badan intelijen»/i)
    const none = await runSorot(['--data-dir', dir, 'search', 'zzzqqq'])
    expect(none.stdout).toContain('Nothing found for "zzzqqq"')
  })

  it('refuses a bad --limit and a missing query with usage', async () => {
    const dir = await tempDir()
    const bad = await runSorot(['--data-dir', dir, 'search', 'x', '--limit', 'many'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--limit must be a whole number from 1 to 500, not many')
    expect((await runSorot(['--data-dir', dir, 'search'])).code).toBe(2)
  })
})
