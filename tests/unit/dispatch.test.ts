import { describe, expect, it } from 'vitest'
import { CHANNELS } from '../../src/shared/channels'
import { importFile, SEED, tempCore, value } from '../support/core'

describe('dispatch', () => {
  it('refuses an unknown channel without touching the store', async () => {
    const core = await tempCore()
    const result = await core.dispatch('articles.explode', {})
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_channel', message: expect.stringContaining('articles.explode') }
    })
  })

  it('names the bad field when the input has the wrong type', async () => {
    const core = await tempCore()
    const result = await core.dispatch('articles.get', { id: 42 })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('bad_input')
      expect(result.error.message).toMatch(/^articles\.get: id:/)
    }
  })

  it('refuses ids that could name a path outside the data dir', async () => {
    const core = await tempCore()
    for (const id of ['../index', '..\\x', 'a/b', '', 'x'.repeat(65)]) {
      const result = await core.dispatch('articles.get', { id })
      expect(result.ok, id).toBe(false)
    }
  })

  it('answers every channel with a Result, never a throw', async () => {
    const core = await tempCore()
    for (const channel of CHANNELS) {
      for (const input of [
        undefined,
        null,
        'text',
        7,
        [],
        { extra: { __proto__: { polluted: true } } }
      ]) {
        const result = await core.dispatch(channel, input)
        expect(typeof result.ok, `${channel} ${JSON.stringify(input)}`).toBe('boolean')
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('imports, lists, opens and deletes an article through the contract', async () => {
    const core = await tempCore()
    const outcome = await importFile(core, SEED)
    expect(outcome.status).toBe('imported')
    const list = await value<Array<{ id: string; title: string }>>(core, 'articles.list', {})
    expect(list.map((a) => a.id)).toEqual([outcome.id])
    const article = await value<{ text: string }>(core, 'articles.get', { id: outcome.id })
    expect(article.text).toContain('ujar Presiden Putin')
    await value(core, 'articles.delete', { id: outcome.id })
    expect(await value(core, 'articles.list', {})).toEqual([])
  })
})
