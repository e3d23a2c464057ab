import { existsSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core/core'
import type { ArticleMeta, SorotEvent } from '../../src/shared/model'
import { importFile, SEED, value } from '../support/core'

describe('annotation counts for the library filters', () => {
  it('come back after a restart, from the annotations files, without the search index', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-counts-'))
    const first = await openCore({ dataDir, version: 'test' })
    const { id } = await importFile(first, SEED)
    for (const [kind, start, note] of [
      ['highlight', 0, ''],
      ['highlight', 50, 'catatan'],
      ['quote', 100, '']
    ] as const)
      await value(first, 'annotations.create', {
        articleId: id,
        kind,
        start,
        end: start + 20,
        note
      })
    await value(first, 'annotations.create', { articleId: id, kind: 'note', note: 'artikel' })
    await first.close()

    const again = await openCore({ dataDir, version: 'test' })
    const events: SorotEvent[] = []
    again.events.subscribe((event) => events.push(event))
    const [before] = await value<ArticleMeta[]>(again, 'articles.list', {})
    expect(before.counts).toBeUndefined()
    await again.counts.ensure()
    expect(events).toContainEqual({ type: 'library.changed' })
    const [after] = await value<ArticleMeta[]>(again, 'articles.list', {})
    // The note on the second highlight counts as a note, beside the article's own.
    expect(after.counts).toEqual({ highlights: 2, notes: 2, quotes: 1 })
    // The search index was never built or loaded for this.
    expect(existsSync(path.join(dataDir, 'search-index.bin'))).toBe(false)
    await again.close()
  })
})
