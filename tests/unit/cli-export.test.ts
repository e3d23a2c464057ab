import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parse as parseCsv } from 'csv-parse/sync'
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import YAML from 'yaml'
import { runSorot as sorot } from '../support/cli'
import { CORPUS, SEED } from '../support/core'

const SENTENCE = 'Saat ini belum ada informasi mengenai reaksi Armenia.'

/** A temp library with the seed article and one labelled quote; returns its dir and id. */
async function library(): Promise<{ dir: string; id: string; work: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sorot-cli-export-'))
  const work = await mkdtemp(path.join(os.tmpdir(), 'sorot-cli-export-out-'))
  const imported = await sorot(['--data-dir', dir, 'import', SEED, '--json'])
  const [{ id }] = JSON.parse(imported.stdout)
  const made = await sorot([
    ...['--data-dir', dir, 'highlight', id, '--quote', SENTENCE, '--kind', 'quote'],
    ...['--speaker', 'Dmitry Peskov', '--label', 'fact', '--note', 'Perlu dicek, "segera", ya.']
  ])
  expect(made.code, made.stderr).toBe(0)
  return { dir, id, work }
}

describe('sorot export', () => {
  it('prints CSV to stdout when no --out is given', async () => {
    const { dir } = await library()
    const run = await sorot(['--data-dir', dir, 'export', '--format', 'csv'])
    expect(run.code, run.stderr).toBe(0)
    const rows = parseCsv(run.stdout, { columns: true }) as Array<Record<string, string>>
    expect(rows).toEqual([
      expect.objectContaining({ Highlight: SENTENCE, Note: expect.stringMatching(/^Perlu dicek/) })
    ])
  })

  it('writes --out, and refuses to overwrite it without --force', async () => {
    const { dir, id, work } = await library()
    const out = path.join(work, 'notes.html')
    const first = await sorot(['--data-dir', dir, 'export', id, '--format', 'html', '--out', out])
    expect(first.code, first.stderr).toBe(0)
    expect(
      new JSDOM(await readFile(out, 'utf8')).window.document.querySelector('mark')?.textContent
    ).toBe(SENTENCE)
    const again = await sorot(['--data-dir', dir, 'export', id, '--format', 'txt', '--out', out])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists.*--force/)
    expect(await readFile(out, 'utf8')).toMatch(/^<!DOCTYPE html>/i)
    const forced = await sorot([
      '--data-dir',
      dir,
      'export',
      id,
      '--format',
      'txt',
      '--out',
      out,
      '--force',
      '--lang',
      'en'
    ])
    expect(forced.code, forced.stderr).toBe(0)
    expect(await readFile(out, 'utf8')).toContain('Labels: Fact')
  })

  it('writes split Markdown notes into a folder and filters by label and speaker', async () => {
    const { dir, work } = await library()
    await sorot([
      '--data-dir',
      dir,
      'import',
      path.join(CORPUS, 'real/05-kompas-youtube-tombol-hype.txt')
    ])
    const folder = path.join(work, 'vault')
    const split = await sorot([
      '--data-dir',
      dir,
      'export',
      '--format',
      'md',
      '--split',
      '--out',
      folder,
      '--lang',
      'id'
    ])
    expect(split.code, split.stderr).toBe(0)
    const notes = await readdir(folder)
    expect(notes).toHaveLength(2)
    for (const note of notes) {
      const text = await readFile(path.join(folder, note), 'utf8')
      const yaml = YAML.parse(/^---\n([\s\S]*?)\n---\n/.exec(text)?.[1] ?? '')
      expect(Object.keys(yaml)).toEqual(['title', 'outlet', 'author', 'url', 'published', 'tags'])
    }
    const bySpeaker = await sorot([
      '--data-dir',
      dir,
      'export',
      '--format',
      'jsonld',
      '--speaker',
      'dmitry peskov'
    ])
    expect(JSON.parse(bySpeaker.stdout).total).toBe(1)
    const byLabel = await sorot([
      '--data-dir',
      dir,
      'export',
      '--format',
      'csv',
      '--label',
      'question'
    ])
    expect(parseCsv(byLabel.stdout, { columns: true })).toEqual([])
  })

  it('explains a missing or wrong --format as a usage error', async () => {
    const { dir } = await library()
    const missing = await sorot(['--data-dir', dir, 'export'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/--format md\|csv\|jsonld\|html\|txt/)
    const wrong = await sorot(['--data-dir', dir, 'export', '--format', 'pdf'])
    expect(wrong.code).toBe(2)
  })
})

describe('sorot backup, restore and import-annotations', () => {
  it('backs up a library and restores it into an empty one', async () => {
    const { dir, id, work } = await library()
    const file = path.join(work, 'library.json')
    const made = await sorot(['--data-dir', dir, 'backup', '--out', file])
    expect(made.code, made.stderr).toBe(0)
    const again = await sorot(['--data-dir', dir, 'backup', '--out', file])
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/already exists/)
    const empty = await mkdtemp(path.join(os.tmpdir(), 'sorot-cli-restore-'))
    const restored = await sorot(['--data-dir', empty, 'restore', file])
    expect(restored.code, restored.stderr).toBe(0)
    expect(restored.stdout).toMatch(/1 new article/)
    const listed = await sorot(['--data-dir', empty, 'annotations', id, '--json'])
    expect(JSON.parse(listed.stdout)[0]).toMatchObject({
      exact: SENTENCE,
      speaker: 'Dmitry Peskov'
    })
  })

  it('imports the annotations of a JSON-LD export into another library', async () => {
    const { dir, id, work } = await library()
    const file = path.join(work, 'notes.jsonld')
    expect(
      (await sorot(['--data-dir', dir, 'export', '--format', 'jsonld', '--out', file])).code
    ).toBe(0)
    const backup = path.join(work, 'bare.json')
    // A second library with the same article but no annotations: restore, then empty the notes.
    await sorot(['--data-dir', dir, 'backup', '--out', backup])
    const parsed = JSON.parse(await readFile(backup, 'utf8'))
    parsed.annotations = {}
    await writeFile(backup, JSON.stringify(parsed))
    const other = await mkdtemp(path.join(os.tmpdir(), 'sorot-cli-import-'))
    expect((await sorot(['--data-dir', other, 'restore', backup])).code).toBe(0)
    const imported = await sorot(['--data-dir', other, 'import-annotations', file])
    expect(imported.code, imported.stderr).toBe(0)
    expect(imported.stdout).toMatch(/imported 1, skipped 0 \(already there\), unmatched 0/)
    const twice = await sorot(['--data-dir', other, 'import-annotations', file, '--json'])
    expect(JSON.parse(twice.stdout).skipped).toHaveLength(1)
    const listed = await sorot(['--data-dir', other, 'annotations', id, '--json'])
    expect(JSON.parse(listed.stdout)[0]).toMatchObject({ kind: 'quote', labels: ['fact'] })
    const missing = await sorot([
      '--data-dir',
      other,
      'import-annotations',
      path.join(work, 'nope')
    ])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/Could not read .*nope/)
  })
})
