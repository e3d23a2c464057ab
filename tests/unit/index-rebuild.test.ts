import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { takeSnapshot } from '../../src/main/core/store/snapshots'
import { openCore, type Core } from '../../src/main/core/core'
import type { ArticleMeta } from '../../src/shared/model'
import { CORPUS, importFile, value } from '../support/core'

const REAL = path.join(CORPUS, 'real')
const PILOT = path.join(REAL, '01-kompas-pilot-susi-air.txt')
const BIMA = path.join(REAL, '02-kompas-orangtua-bima.txt')
const ADDED = 'Paragraf tambahan di akhir berita, ditulis setelah snapshot.'

async function withCore<T>(dataDir: string, work: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore({ dataDir, version: 'test' })
  try {
    return await work(core)
  } finally {
    await core.close()
  }
}

/** The records as listed, without the counts (derived on demand, never stored). */
const listed = async (core: Core): Promise<Array<Omit<ArticleMeta, 'counts'>>> =>
  (await value<ArticleMeta[]>(core, 'articles.list', {}))
    .map(({ counts: _counts, ...meta }) => structuredClone(meta))
    .sort((a, b) => a.id.localeCompare(b.id))

describe('a damaged index.json with newer article files than the snapshot', () => {
  it('keeps the newer versions and details from the article files: nothing is lost', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-rebuild-'))
    const before = await withCore(dataDir, async (core) => {
      const bima = await importFile(core, BIMA)
      await takeSnapshot(core.store, 'manual')
      // After the snapshot: a new version of the article the snapshot lists, and a new article.
      const text = `${await readFile(BIMA, 'utf8')}\n\n${ADDED}`
      const [outcome] = await value<Array<{ status: string }>>(core, 'articles.import', {
        items: [{ name: path.basename(BIMA), base64: Buffer.from(text).toString('base64') }]
      })
      expect(outcome.status).toBe('new-version')
      await importFile(core, PILOT)
      return { bima: bima.id, list: await listed(core) }
    })
    const index = path.join(dataDir, 'index.json')
    await writeFile(index, (await readFile(index, 'utf8')).slice(0, 50))

    await withCore(dataDir, async (core) => {
      expect(core.recoveries).toHaveLength(1)
      expect(await listed(core)).toEqual(before.list)
      const bima = before.list.find((meta) => meta.id === before.bima)
      expect(bima?.versionCount).toBe(2)
      const article = await value<{ text: string }>(core, 'articles.get', { id: before.bima })
      expect(article.text).toContain(ADDED)
      expect(core.warnings.join(' ')).toContain('1 article of the snapshot had newer versions')
    })
    // Saved: the next opening has nothing to repair.
    await withCore(dataDir, async (core) => {
      expect(core.recoveries).toEqual([])
      expect(await listed(core)).toEqual(before.list)
    })
  })
})
