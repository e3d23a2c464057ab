import { describe, expect, it } from 'vitest'
import type { Annotation, SorotEvent } from '../../src/shared/model'
import { importFile, SEED, tempCore, value } from '../support/core'

describe('use cases tell the UI what they changed', () => {
  it('emits one event per change, naming the article whose annotations changed', async () => {
    const core = await tempCore()
    const { id } = await importFile(core, SEED)
    const seen: SorotEvent[] = []
    core.events.subscribe((event) => seen.push(event))
    const after = async (channel: string, input: unknown): Promise<SorotEvent[]> => {
      seen.length = 0
      await value(core, channel, input)
      return [...seen]
    }
    const library = [{ type: 'library.changed' }]
    const annotations = [{ type: 'annotations.changed', articleId: id }]

    expect(await after('articles.update', { id, title: 'Judul baru' })).toEqual(library)
    expect(await after('articles.tag', { ids: [id], add: ['rusia'] })).toEqual(library)
    expect(await after('tags.rename', { name: 'rusia', to: 'russia' })).toEqual(library)

    seen.length = 0
    const made = await value<Annotation>(core, 'annotations.create', {
      articleId: id,
      kind: 'highlight',
      start: 0,
      end: 5
    })
    expect(seen).toEqual(annotations)
    const ref = { articleId: id, id: made.id }
    expect(await after('annotations.update', { ...ref, note: 'catatan' })).toEqual(annotations)
    expect(await after('annotations.delete', ref)).toEqual(annotations)
    expect(await after('annotations.restore', ref)).toEqual(annotations)
    await value(core, 'annotations.delete', ref)
    expect(await after('annotations.emptyTrash', { articleId: id })).toEqual(annotations)

    const settings = await after('settings.set', { theme: 'dark' })
    expect(settings).toEqual([
      { type: 'settings.changed', settings: expect.objectContaining({ theme: 'dark' }) }
    ])
    expect(await after('articles.delete', { id })).toEqual(library)
    await core.close()
  })

  it('emits nothing when a change is refused', async () => {
    const core = await tempCore()
    const seen: SorotEvent[] = []
    core.events.subscribe((event) => seen.push(event))
    const result = await core.dispatch('articles.update', { id: 'missing', title: 'X' })
    expect(result.ok).toBe(false)
    expect(seen).toEqual([])
    await core.close()
  })
})
