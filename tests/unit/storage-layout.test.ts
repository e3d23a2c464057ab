import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core/core'
import { AtomicJsonFile } from '../../src/main/core/store/atomic-file'
import { importFile, SEED, value } from '../support/core'

const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'sorot-store-'))

describe('storage layout (DESIGN.md §3)', () => {
  it('keeps index, one file per article and settings, each with a schemaVersion', async () => {
    const dataDir = await tempDir()
    const core = await openCore({ dataDir, version: 'test' })
    const { id } = await importFile(core, SEED)
    await core.close()
    expect((await readdir(dataDir)).sort()).toEqual([
      'annotations',
      'articles',
      'backups',
      'index.json',
      'settings.json'
    ])
    expect(await readdir(path.join(dataDir, 'articles'))).toEqual([`${id}.json`])
    for (const file of ['index.json', 'settings.json', `articles/${id}.json`]) {
      const data = JSON.parse(await readFile(path.join(dataDir, file), 'utf8'))
      expect(data.schemaVersion, file).toBe(1)
    }
    const article = JSON.parse(await readFile(path.join(dataDir, 'articles', `${id}.json`), 'utf8'))
    expect(article.versions[0].removed).toHaveLength(3)
  })

  it('opens the sample article on a first run only', async () => {
    const dataDir = await tempDir()
    const first = await openCore({ dataDir, version: 'test', sampleFile: SEED })
    expect(await value<unknown[]>(first, 'articles.list', {})).toHaveLength(1)
    const [article] = await value<Array<{ id: string }>>(first, 'articles.list', {})
    await value(first, 'articles.delete', { id: article.id })
    await first.close()
    const second = await openCore({ dataDir, version: 'test', sampleFile: SEED })
    expect(await value<unknown[]>(second, 'articles.list', {})).toHaveLength(0)
  })

  it('remembers settings across restarts', async () => {
    const dataDir = await tempDir()
    const core = await openCore({ dataDir, version: 'test' })
    expect(await value(core, 'settings.get', {})).toMatchObject({
      language: null,
      theme: 'system',
      fontSize: 19
    })
    await value(core, 'settings.set', { language: 'en', fontSize: 21 })
    await core.close()
    const again = await openCore({ dataDir, version: 'test' })
    expect(await value(again, 'settings.get', {})).toMatchObject({
      language: 'en',
      theme: 'system',
      fontSize: 21
    })
  })
})

describe('atomic JSON adapter', () => {
  it('keeps writes in order and coalesces a burst into the newest data', async () => {
    const file = path.join(await tempDir(), 'burst.json')
    const adapter = new AtomicJsonFile<{ n: number }>(file)
    const writes = Array.from({ length: 50 }, (_, n) => adapter.write({ n }))
    await Promise.all(writes)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 49 })
    expect((await readdir(path.dirname(file))).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('moves a damaged file aside instead of overwriting it', async () => {
    const dataDir = await tempDir()
    await writeFile(path.join(dataDir, 'index.json'), '{"schemaVersion": 1, "articles": [')
    const core = await openCore({ dataDir, version: 'test' })
    expect(core.recoveries).toHaveLength(1)
    const kept = (await readdir(dataDir)).find((f) => f.startsWith('index.json.damaged-'))
    expect(kept).toBeDefined()
    expect(await readFile(path.join(dataDir, kept!), 'utf8')).toBe(
      '{"schemaVersion": 1, "articles": ['
    )
  })

  it('refuses a file written by a newer Sorot and leaves it untouched', async () => {
    const dataDir = await tempDir()
    const newer = JSON.stringify({ schemaVersion: 99, articles: [] })
    await writeFile(path.join(dataDir, 'index.json'), newer)
    await expect(openCore({ dataDir, version: 'test' })).rejects.toThrow(/newer version of Sorot/)
    expect(await readFile(path.join(dataDir, 'index.json'), 'utf8')).toBe(newer)
  })
})
