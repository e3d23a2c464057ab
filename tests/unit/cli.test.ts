import { mkdtemp, readFile, readdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSorot } from '../support/cli'
import { SEED } from '../support/core'

const sorot = runSorot

const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'sorot-cli-'))

describe('sorot CLI', () => {
  it('imports the seed article, lists it and shows its canonical text', async () => {
    const dir = await tempDir()
    const imported = await sorot(['--data-dir', dir, 'import', SEED, '--json'])
    expect(imported.code).toBe(0)
    const [outcome] = JSON.parse(imported.stdout)
    expect(outcome).toMatchObject({
      input: SEED,
      status: 'imported',
      title: expect.stringMatching(/^Kerja sama antara badan intelijen/)
    })

    const listed = await sorot(['--data-dir', dir, 'list', '--json'])
    const [article] = JSON.parse(listed.stdout)
    expect(Object.keys(article).sort()).toEqual(
      [
        'author',
        'id',
        'importedAt',
        'language',
        'outlet',
        'publishedAt',
        'title',
        'url',
        'wordCount'
      ].sort()
    )
    expect(article).toMatchObject({ id: outcome.id, language: 'id', wordCount: 299 })

    const shown = JSON.parse(
      (await sorot(['--data-dir', dir, 'show', outcome.id, '--json'])).stdout
    )
    const seedParagraphs = (await readFile(SEED, 'utf8'))
      .split('\n')
      .filter((line) => line.length > 40)
    expect(shown.text).toBe(shown.blocks.map((b: { text: string }) => b.text).join('\n\n'))
    expect(shown.blocks).toHaveLength(seedParagraphs.length)
    for (const paragraph of seedParagraphs) expect(shown.text).toContain(paragraph)
    expect(shown.text).not.toMatch(/\[iklan_2\]|Tautan sumber|Komentar \(0\)/)
    expect(shown.removed.map((r: { rule: string }) => r.rule)).toEqual([
      'ad-placeholder',
      'source-link',
      'comment-count'
    ])
  })

  it('reports a duplicate and writes nothing new', async () => {
    const dir = await tempDir()
    await sorot(['--data-dir', dir, 'import', SEED])
    const before = await readdir(path.join(dir, 'articles'))
    const again = await sorot(['--data-dir', dir, 'import', SEED, '--json'])
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)[0].status).toBe('duplicate')
    expect(await readdir(path.join(dir, 'articles'))).toEqual(before)
  })

  it('imports from stdin with -', async () => {
    const dir = await tempDir()
    const run = await sorot(
      ['--data-dir', dir, 'import', '-', '--json'],
      'Banjir Melanda Jakarta\n\nHujan deras sejak pagi membuat beberapa ruas jalan tergenang.\n'
    )
    expect(JSON.parse(run.stdout)[0]).toMatchObject({
      input: '-',
      status: 'imported',
      title: 'Banjir Melanda Jakarta'
    })
  })

  it('goes on past a bad input, reports it and exits 1', async () => {
    const dir = await tempDir()
    const run = await sorot([
      '--data-dir',
      dir,
      'import',
      path.join(dir, 'missing.txt'),
      SEED,
      '--json'
    ])
    expect(run.code).toBe(1)
    const outcomes = JSON.parse(run.stdout)
    expect(outcomes.map((o: { status: string }) => o.status)).toEqual(['failed', 'imported'])
    expect(outcomes[0].error).toBe(`${path.join(dir, 'missing.txt')}: no such file`)
  })

  it('exits 2 with the usage for an unknown command, a missing argument or a stray option', async () => {
    for (const args of [
      ['frobnicate'],
      [],
      ['show'],
      ['list', '--port', '3'],
      ['--bogus', 'list']
    ]) {
      const run = await sorot(args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toContain('Usage: sorot')
    }
  })

  it('says plainly when an article does not exist, exit 1', async () => {
    const run = await sorot(['--data-dir', await tempDir(), 'show', 'no-such-article'])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('sorot: No article with id no-such-article\n')
  })

  it('honours SOROT_DATA_DIR when --data-dir is absent', async () => {
    const dir = await tempDir()
    process.env.SOROT_DATA_DIR = dir
    try {
      await sorot(['import', SEED])
    } finally {
      delete process.env.SOROT_DATA_DIR
    }
    expect(JSON.parse(await readFile(path.join(dir, 'index.json'), 'utf8')).articles).toHaveLength(
      1
    )
  })
})
