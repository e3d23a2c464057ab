import { describe, expect, it } from 'vitest'
import { ANNOTATION_COLORS, drawnColor } from '../../src/shared/annotations'
import { tempCore, value } from '../support/core'

const HOSTILE = 'red) url(https://evil.example/leak.png'

describe('annotation colours are a closed set', () => {
  it('refuses a restore whose annotation colour is outside the set, naming the annotation', async () => {
    const source = await tempCore()
    const target = await tempCore()
    try {
      const [{ id: articleId }] = await value<Array<{ id: string }>>(source, 'articles.import', {
        items: [{ name: 'a.txt', text: 'Judul\n\nSatu dua tiga empat lima enam tujuh delapan.' }]
      })
      const { id } = await value<{ id: string }>(source, 'annotations.create', {
        articleId,
        kind: 'highlight',
        start: 7,
        end: 11,
        color: 'pink'
      })
      const { content } = await value<{ content: string }>(source, 'backup.create', {})
      const forged = content.replace('"color": "pink"', `"color": ${JSON.stringify(HOSTILE)}`)
      expect(forged).not.toBe(content)
      const result = await target.dispatch('backup.restore', { content: forged })
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('bad_input')
        expect(result.error.message).toContain('color')
        expect(result.error.message).toContain(`annotation "${id}"`)
      }
      expect(await value(target, 'articles.list', {})).toEqual([])
    } finally {
      await source.close()
      await target.close()
    }
  })

  it('refuses any other colour on every channel that takes one', async () => {
    const core = await tempCore()
    try {
      const [{ id: articleId }] = await value<Array<{ id: string }>>(core, 'articles.import', {
        items: [{ name: 'a.txt', text: 'Judul\n\nSatu dua tiga empat lima enam tujuh delapan.' }]
      })
      await value(core, 'articles.tag', { ids: [articleId], add: ['pemilu'] })
      const calls: Array<[string, unknown]> = [
        ['annotations.create', { articleId, kind: 'highlight', start: 7, end: 11, color: HOSTILE }],
        ['tags.rename', { name: 'pemilu', color: HOSTILE }]
      ]
      for (const [channel, input] of calls) {
        const result = await core.dispatch(channel, input)
        expect(result.ok, channel).toBe(false)
        if (!result.ok) expect(result.error.message, channel).toContain('color')
      }
    } finally {
      await core.close()
    }
  })

  it('draws only a colour of the set, whatever string a file holds', () => {
    for (const color of ANNOTATION_COLORS) expect(drawnColor(color)).toBe(color)
    for (const stored of [HOSTILE, 'var(--x)', '', null, undefined, '__proto__'])
      expect(ANNOTATION_COLORS).toContain(drawnColor(stored))
  })
})
