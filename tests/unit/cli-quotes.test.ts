import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSorot } from '../support/cli'
import { SEED } from '../support/core'

const sorot = runSorot

const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'sorot-cli-quotes-'))

describe('sorot quotes', () => {
  it('lists the quotations of an imported article with offsets into its canonical text', async () => {
    const dir = await tempDir()
    const [outcome] = JSON.parse(
      (await sorot(['--data-dir', dir, 'import', SEED, '--json'])).stdout
    )
    const run = await sorot(['--data-dir', dir, 'quotes', outcome.id, '--json'])
    expect(run.code).toBe(0)
    const quotes = JSON.parse(run.stdout)
    const { text } = JSON.parse(
      (await sorot(['--data-dir', dir, 'show', outcome.id, '--json'])).stdout
    )
    expect(quotes[0]).toMatchObject({ speaker: 'Vladimir Putin', kind: 'direct' })
    for (const q of quotes) {
      expect(Object.keys(q).sort()).toEqual([
        'confidence',
        'end',
        'kind',
        'quote',
        'speaker',
        'start'
      ])
      expect(text.slice(q.start, q.end)).toBe(q.quote)
    }
    expect(quotes.map((q: { kind: string }) => q.kind)).toEqual([
      'direct',
      'term',
      'partial',
      'direct',
      'partial'
    ])
  })

  it('reads a file without storing it, and prints one line per quotation', async () => {
    const dir = await tempDir()
    const run = await sorot(['--data-dir', dir, 'quotes', SEED])
    expect(run.code).toBe(0)
    const lines = run.stdout.trim().split('\n')
    expect(lines).toHaveLength(5)
    expect(lines[3]).toMatch(/direct Alexander Lukashenko: “Organisasi kami/)
    const listed = JSON.parse((await sorot(['--data-dir', dir, 'list', '--json'])).stdout)
    expect(listed).toEqual([])
  })

  it('exits 2 without an argument and 1 for an unknown article', async () => {
    expect((await sorot(['quotes'])).code).toBe(2)
    const run = await sorot(['--data-dir', await tempDir(), 'quotes', 'no-such-article'])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('sorot: No article with id no-such-article\n')
  })
})
