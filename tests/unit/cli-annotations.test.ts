import { mkdtemp, readdir } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSorot } from '../support/cli'
import { SEED } from '../support/core'

const sorot = runSorot

/** A temp library holding the seed article; returns its dir, the article id and its text. */
async function library(): Promise<{ dir: string; id: string; text: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sorot-cli-annotations-'))
  const imported = await sorot(['--data-dir', dir, 'import', SEED, '--json'])
  const [{ id }] = JSON.parse(imported.stdout)
  const shown = await sorot(['--data-dir', dir, 'show', id, '--json'])
  return { dir, id, text: JSON.parse(shown.stdout).text }
}

const SENTENCE = 'Saat ini belum ada informasi mengenai reaksi Armenia.'

describe('sorot highlight and sorot annotations', () => {
  it('highlights an exact quote and lists it with its offsets', async () => {
    const { dir, id, text } = await library()
    const made = await sorot([
      '--data-dir',
      dir,
      'highlight',
      id,
      '--quote',
      SENTENCE,
      '--color',
      'green',
      '--label',
      'fact',
      '--label',
      'question',
      '--note',
      'Cek sumber lain.',
      '--json'
    ])
    expect(made.code, made.stderr).toBe(0)
    const annotation = JSON.parse(made.stdout)
    const start = text.indexOf(SENTENCE)
    expect(annotation).toMatchObject({
      articleId: id,
      kind: 'highlight',
      color: 'green',
      labels: ['fact', 'question'],
      note: 'Cek sumber lain.',
      target: {
        version: 1,
        selectors: [
          { type: 'TextPositionSelector', start, end: start + SENTENCE.length },
          { type: 'TextQuoteSelector', exact: SENTENCE }
        ]
      }
    })

    const listed = await sorot(['--data-dir', dir, 'annotations', id, '--json'])
    expect(listed.code).toBe(0)
    const rows = JSON.parse(listed.stdout)
    expect(rows).toEqual([
      {
        id: annotation.id,
        kind: 'highlight',
        exact: SENTENCE,
        start,
        end: start + SENTENCE.length,
        color: 'green',
        labels: ['fact', 'question'],
        note: 'Cek sumber lain.',
        speaker: null,
        author: null,
        orphan: false,
        createdAt: annotation.createdAt,
        updatedAt: annotation.updatedAt
      }
    ])

    const plain = await sorot(['--data-dir', dir, 'annotations', id])
    expect(plain.stdout).toContain(annotation.id)
    expect(plain.stdout).toContain('reaksi Armenia')
  })

  it('picks the occurrence asked for and records a quote with its speaker', async () => {
    const { dir, id, text } = await library()
    const run = await sorot([
      '--data-dir',
      dir,
      'highlight',
      id,
      '--quote',
      'menurut TASS',
      '--occurrence',
      '2',
      '--kind',
      'quote',
      '--speaker',
      'TASS',
      '--json'
    ])
    expect(run.code, run.stderr).toBe(0)
    const second = text.indexOf('menurut TASS', text.indexOf('menurut TASS') + 1)
    const annotation = JSON.parse(run.stdout)
    expect(annotation).toMatchObject({ kind: 'quote', speaker: 'TASS', color: 'yellow' })
    expect(annotation.target.selectors[0].start).toBe(second)

    const first = await sorot(['--data-dir', dir, 'highlight', id, '--quote', 'menurut TASS'])
    expect(first.code).toBe(0)
    expect(first.stderr).toContain('--occurrence')
    const rows = JSON.parse((await sorot(['--data-dir', dir, 'annotations', id, '--json'])).stdout)
    expect(rows.map((r: { start: number }) => r.start)).toEqual([
      text.indexOf('menurut TASS'),
      second
    ])
  })

  it('exits 1 and writes nothing when the quote is not in the article', async () => {
    const { dir, id } = await library()
    for (const args of [
      ['--quote', 'Jakarta banjir lagi'],
      ['--quote', 'menurut TASS', '--occurrence', '9']
    ]) {
      const run = await sorot(['--data-dir', dir, 'highlight', id, ...args])
      expect(run.code, args.join(' ')).toBe(1)
      expect(run.stderr).toMatch(/^sorot: ".*" (is not in|occurs 2 time\(s\) in) article /)
      expect(run.stdout).toBe('')
    }
    expect(await readdir(path.join(dir, 'annotations'))).toEqual([])
    const listed = await sorot(['--data-dir', dir, 'annotations', id, '--json'])
    expect(JSON.parse(listed.stdout)).toEqual([])
  })

  it('exits 2 with the usage for a missing quote, a bad option value or a stray option', async () => {
    const { dir, id } = await library()
    for (const args of [
      ['highlight', id],
      ['highlight', '--quote', 'x'],
      ['highlight', id, '--quote', 'CSTO', '--occurrence', '0'],
      ['highlight', id, '--quote', 'CSTO', '--color', 'red'],
      ['highlight', id, '--quote', 'CSTO', '--kind', 'note'],
      ['annotations'],
      ['annotations', id, '--quote', 'CSTO'],
      ['list', '--label', 'x']
    ]) {
      const run = await sorot(['--data-dir', dir, ...args])
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr).toContain('Usage: sorot')
    }
    expect(await readdir(path.join(dir, 'annotations'))).toEqual([])
  })

  it('says plainly when the article does not exist, exit 1', async () => {
    const { dir } = await library()
    const run = await sorot(['--data-dir', dir, 'annotations', 'no-such-article'])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('sorot: No article with id no-such-article\n')
    const highlight = await sorot(['--data-dir', dir, 'highlight', 'nope', '--quote', 'CSTO'])
    expect(highlight.code).toBe(1)
  })
})
