import { describe, expect, it } from 'vitest'
import { callThrough, groupByNoun } from '../../src/shared/api'
import { isArticleNote } from '../../src/shared/annotations'
import { CHANNELS, rpcPath, type Channel } from '../../src/shared/channels'
import { EXPORT_FORMATS, ID_PATTERN, LANGUAGES, THEMES } from '../../src/shared/enums'
import { idProblem } from '../../src/shared/ids'
import type { Annotation } from '../../src/shared/model'
import { shortenQuote } from '../../src/shared/text'
import { tempCore, value } from '../support/core'

describe('the enum tuples decide what the contract accepts', () => {
  it('saves every theme and language of the tuples, and refuses one outside them by field', async () => {
    const core = await tempCore()
    try {
      for (const theme of THEMES)
        expect(await value(core, 'settings.set', { theme })).toMatchObject({ theme })
      for (const language of LANGUAGES)
        expect(await value(core, 'settings.set', { language })).toMatchObject({ language })
      const refused = await core.dispatch('settings.set', { theme: 'neon' })
      expect(refused.ok).toBe(false)
      if (!refused.ok) expect(refused.error.message).toContain('theme')
      expect(await value(core, 'settings.get', {})).toMatchObject({ theme: THEMES.at(-1) })
    } finally {
      await core.close()
    }
  })

  it('exports in every format of the tuple, and refuses another format', async () => {
    const core = await tempCore()
    try {
      for (const format of EXPORT_FORMATS) {
        const rendered = await value<{ fileName: string }>(core, 'export.render', { format })
        expect(rendered.fileName.endsWith(`.${format}`), format).toBe(true)
      }
      const refused = await core.dispatch('export.render', { format: 'docx' })
      expect(refused.ok).toBe(false)
      if (!refused.ok) expect(refused.error.code).toBe('bad_input')
    } finally {
      await core.close()
    }
  })

  it('takes an id by the one pattern, and reserved names apart from it', () => {
    expect(ID_PATTERN.test('artikel-1_a')).toBe(true)
    expect(idProblem('artikel-1_a')).toBeNull()
    expect(idProblem('Artikel')).toMatch(/lower-case/)
    expect(idProblem('a'.repeat(65))).toMatch(/1 to 64/)
    expect(ID_PATTERN.test('constructor')).toBe(true)
    expect(idProblem('constructor')).toBe('is a reserved name')
  })
})

describe('one API shape over both bridges', () => {
  it("groups one method per channel by noun and calls each back by its channel's name", async () => {
    const carried: Array<{ channel: Channel; input: unknown }> = []
    const methods = groupByNoun(async (channel, input) => {
      carried.push({ channel, input })
      return { ok: true, value: channel }
    })
    expect(Object.keys(methods.articles)).toContain('list')
    const call = callThrough(methods)
    for (const channel of CHANNELS)
      expect(await call(channel, { articleId: 'a' } as never)).toEqual({ ok: true, value: channel })
    expect(carried.map((c) => c.channel)).toEqual([...CHANNELS])
    expect(carried[0].input).toEqual({ articleId: 'a' })
    // A method called without input carries an empty object, which every contract accepts.
    await methods.articles.list()
    expect(carried.at(-1)).toEqual({ channel: 'articles.list', input: {} })
  })

  it('answers a channel the bridge lacks with a failed result, not a throw', async () => {
    const call = callThrough({ ...groupByNoun(async () => ({ ok: true })), articles: {} } as never)
    expect(await call('articles.list', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' }
    })
  })

  it("spells serve's RPC path from the channel", () => {
    expect(rpcPath('articles.list')).toBe('/rpc/articles.list')
  })
})

describe('shared helpers said once', () => {
  it('shortens a long passage after the limit with an ellipsis, and leaves a short one', () => {
    expect(shortenQuote('kata dia', 57)).toBe('kata dia')
    expect(shortenQuote('a'.repeat(60), 57)).toBe(`${'a'.repeat(57)}…`)
    expect(shortenQuote('b'.repeat(300))).toHaveLength(281)
  })

  it("tells the article's own note from a note or highlight on a passage", () => {
    const target = {
      version: 1,
      selectors: [
        { type: 'TextPositionSelector', start: 0, end: 4 },
        { type: 'TextQuoteSelector', exact: 'kata', prefix: '', suffix: '' }
      ]
    } satisfies Annotation['target']
    expect(isArticleNote({ kind: 'note' })).toBe(true)
    expect(isArticleNote({ kind: 'note', target })).toBe(false)
    expect(isArticleNote({ kind: 'highlight', target })).toBe(false)
  })
})
