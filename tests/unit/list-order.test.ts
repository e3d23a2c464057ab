import { describe, expect, it } from 'vitest'
import { isNewer } from '../../src/shared/list-order'

type ListAnswer = Parameters<typeof isNewer>[0]

const answer = (revision: number, titles: string[]): ListAnswer =>
  ({
    ok: true,
    value: { revision, total: titles.length, articles: titles.map((id) => ({ id })) }
  }) as unknown as ListAnswer

/** Feeds answers in arrival order through the rule, as use-library does; returns what shows. */
function replay(arrivals: Array<{ request: number; result: ListAnswer }>): ListAnswer | null {
  let shown = { revision: -1, request: 0 }
  let onScreen: ListAnswer | null = null
  for (const { request, result } of arrivals) {
    if (!isNewer(result, request, shown)) continue
    if (result.ok) shown = { revision: result.value.revision, request }
    onScreen = result
  }
  return onScreen
}

describe('which list answer the library screen keeps', () => {
  it('keeps the newest library, whatever order the answers arrive in', () => {
    const one = answer(10, ['a'])
    const two = answer(11, ['a', 'b'])
    const three = answer(12, ['a', 'b', 'c'])
    // The third request's answer came from a library that had not yet seen the second paste's
    // last write, and arrived first; the second request's newer answer must still replace it.
    const stale = answer(11, ['a', 'b'])
    expect(
      replay([
        { request: 3, result: three },
        { request: 2, result: two },
        { request: 1, result: one }
      ])
    ).toBe(three)
    expect(
      replay([
        { request: 1, result: one },
        { request: 3, result: stale },
        { request: 2, result: three }
      ])
    ).toBe(three)
  })

  it('takes the whole list after its first screenful of the same revision, never the reverse', () => {
    const first = answer(5, ['a'])
    const whole = answer(5, ['a', 'b'])
    expect(
      replay([
        { request: 1, result: first },
        { request: 2, result: whole }
      ])
    ).toBe(whole)
    expect(
      replay([
        { request: 2, result: whole },
        { request: 1, result: first }
      ])
    ).toBe(whole)
  })

  it('lets a failure replace only an answer to an earlier request', () => {
    const failed = { ok: false, error: { code: 'internal', message: 'x' } } as Parameters<
      typeof isNewer
    >[0]
    const shown = answer(7, ['a'])
    expect(
      replay([
        { request: 2, result: shown },
        { request: 1, result: failed }
      ])
    ).toBe(shown)
    expect(
      replay([
        { request: 1, result: shown },
        { request: 2, result: failed }
      ])
    ).toBe(failed)
  })
})
