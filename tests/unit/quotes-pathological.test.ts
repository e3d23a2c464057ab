import { describe, expect, it } from 'vitest'
import { findQuotes } from '../../src/shared/quotes'

const MB = 1 << 20

/** Texts that made the old detector quadratic (issue 19), `size` characters long. */
const HOSTILE: Record<string, (size: number) => string> = {
  'straight marks only': (size) => '"'.repeat(size),
  'alternating curly marks': (size) => '“”'.repeat(size / 2),
  'all open marks, then all close marks': (size) => '“'.repeat(size / 2) + '”'.repeat(size / 2),
  '`"a ` repeated': (size) => '"a '.repeat(Math.floor(size / 3))
}

/**
 * CPU milliseconds of one detection (the median of `runs`): the work done, not the time spent
 * waiting for a core on a shared machine. The median, because a garbage collection can land in
 * any one run, of either size.
 */
function cpuMs(text: string, runs = 1): number {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage()
    findQuotes(text)
    const used = process.cpuUsage(before)
    times.push((used.user + used.system) / 1000)
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]
}

describe('findQuotes on hostile text', () => {
  findQuotes('"warm up," kata Budi.') // compile once, so the first case does not pay for it

  for (const [name, make] of Object.entries(HOSTILE)) {
    it(`finishes 1 MB of ${name} in under a second`, () => {
      expect(cpuMs(make(MB))).toBeLessThan(1000)
    })
  }

  it('finishes 100,000 open marks followed by 100,000 close marks, reporting the outer quotation', () => {
    const text = '“'.repeat(100_000) + 'isi' + '”'.repeat(100_000)
    const found = findQuotes(text)
    expect(cpuMs(text)).toBeLessThan(1000)
    // Nesting that deep is not language: the outer quotations are kept, a handful, not 100,000.
    expect(found.length).toBeGreaterThan(0)
    expect(found.length).toBeLessThanOrEqual(3)
    expect(found[0]).toMatchObject({ start: 1, end: text.length - 1 })
  })

  it('finishes `"a ` repeated to 300 KB', () => {
    expect(cpuMs('"a '.repeat(100_000))).toBeLessThan(1000)
  })

  it('still finds every quotation in a long run of real ones', () => {
    const one = '“Kami siap bertanding,” kata Budi Santoso. '
    const text = one.repeat(5000)
    const found = findQuotes(text)
    expect(found).toHaveLength(5000)
    expect(new Set(found.map((q) => q.speaker))).toEqual(new Set(['Budi Santoso']))
  })

  for (const name of ['straight marks only', 'all open marks, then all close marks']) {
    // A measurement on a shared machine: two retries, so one unlucky run does not fail it,
    // while a quadratic detector (100x the time) fails every attempt.
    it(`grows linearly: 10x the text (${name}) takes at most 15x the time`, { retry: 2 }, () => {
      const small = HOSTILE[name](100_000)
      const large = HOSTILE[name](1_000_000)
      cpuMs(small, 2) // warm-up
      expect(cpuMs(large, 5)).toBeLessThanOrEqual(15 * cpuMs(small, 9))
    })
  }
})
