import { mkdtemp, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runSorot } from '../support/cli'

const ARTICLES = {
  'moskwa.txt':
    'Pernyataan dari Moskwa\n\n"Kami siap berunding kapan saja dengan semua pihak yang bersedia," kata Vladimir Putin di Moskwa.',
  'perdamaian.txt':
    'Syarat Perdamaian\n\n"Perdamaian hanya mungkin jika keamanan kami dijamin sepenuhnya," ujar Putin kepada wartawan.\n\n"Kami ingin semua pihak menahan diri selama perundingan berlangsung," kata Putin lagi.'
}

describe('sorot speakers', () => {
  it('lists one entry per person with aliases, quotes and articles, as JSON and as text', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sorot-cli-speakers-'))
    const files = await Promise.all(
      Object.entries(ARTICLES).map(async ([name, text]) => {
        const file = path.join(dir, name)
        await writeFile(file, text)
        return file
      })
    )
    const data = path.join(dir, 'data')
    expect((await runSorot(['--data-dir', data, 'import', ...files])).code).toBe(0)
    const run = await runSorot(['--data-dir', data, 'speakers', '--json'])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual([
      { name: 'Vladimir Putin', aliases: ['Putin'], quotes: 3, articles: 2 }
    ])
    const text = await runSorot(['--data-dir', data, 'speakers'])
    expect(text.stdout.trim()).toBe('Vladimir Putin (also Putin): 3 quotes in 2 articles')
    expect((await runSorot(['--data-dir', data, 'speakers', 'extra'])).code).toBe(2)
  })
})
