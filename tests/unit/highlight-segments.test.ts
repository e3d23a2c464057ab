import { describe, expect, it } from 'vitest'
import { blockAt, rangesByBlock, segmentBlock } from '../../src/shared/highlight-segments'
import { blockOffsets } from '../../src/shared/text'

const text = (segments: ReturnType<typeof segmentBlock>, source: string): string[] =>
  segments.map((s) => `${source.slice(s.start, s.end)}[${s.ids.join(',')}]`)

describe('segmentBlock', () => {
  const source = 'Presiden meresmikan bendungan baru di Jawa Tengah.'

  it('leaves a block without highlights as one plain segment', () => {
    expect(segmentBlock(0, source.length, [])).toEqual([{ start: 0, end: source.length, ids: [] }])
  })

  it('cuts the text around a single highlight', () => {
    const segments = segmentBlock(0, source.length, [{ id: 'a', start: 9, end: 19 }])
    expect(text(segments, source)).toEqual([
      'Presiden []',
      'meresmikan[a]',
      ' bendungan baru di Jawa Tengah.[]'
    ])
  })

  it('keeps overlapping highlights apart: every segment names every highlight covering it', () => {
    const segments = segmentBlock(0, source.length, [
      { id: 'b', start: 20, end: 37 },
      { id: 'a', start: 9, end: 29 }
    ])
    expect(text(segments, source)).toEqual([
      'Presiden []',
      'meresmikan [a]',
      'bendungan[a,b]',
      ' baru di[b]',
      ' Jawa Tengah.[]'
    ])
  })

  it('draws a highlight inside another as three pieces of the outer one', () => {
    const segments = segmentBlock(0, source.length, [
      { id: 'inner', start: 20, end: 29 },
      { id: 'outer', start: 9, end: 37 }
    ])
    expect(segments.map((s) => s.ids)).toEqual([[], ['outer'], ['outer', 'inner'], ['outer'], []])
  })

  it('does not merge two highlights of the same range', () => {
    const segments = segmentBlock(0, source.length, [
      { id: 'x', start: 0, end: 8 },
      { id: 'y', start: 0, end: 8 }
    ])
    expect(segments[0]).toEqual({ start: 0, end: 8, ids: ['x', 'y'] })
  })

  it('clips highlights that run into the block from the previous one or out of it', () => {
    const segments = segmentBlock(100, 10, [
      { id: 'from-before', start: 90, end: 103 },
      { id: 'past-end', start: 108, end: 130 },
      { id: 'elsewhere', start: 200, end: 210 }
    ])
    expect(segments).toEqual([
      { start: 100, end: 103, ids: ['from-before'] },
      { start: 103, end: 108, ids: [] },
      { start: 108, end: 110, ids: ['past-end'] }
    ])
  })

  it('covers the block without gaps whatever the highlights', () => {
    const ranges = Array.from({ length: 40 }, (_, i) => ({
      id: `h${i}`,
      start: (i * 7) % 45,
      end: ((i * 7) % 45) + 1 + ((i * 3) % 9)
    }))
    const segments = segmentBlock(0, 50, ranges)
    expect(segments[0].start).toBe(0)
    expect(segments.at(-1)?.end).toBe(50)
    for (let i = 1; i < segments.length; i++) expect(segments[i].start).toBe(segments[i - 1].end)
    for (const s of segments)
      for (const r of ranges)
        expect(s.ids.includes(r.id)).toBe(r.start <= s.start && r.end >= s.end)
  })
})

describe('rangesByBlock', () => {
  const blocks = [{ text: 'Judul berita' }, { text: 'Paragraf pertama.' }, { text: 'Kedua.' }].map(
    (b) => ({ type: 'p' as const, ...b })
  )
  const offsets = blockOffsets(blocks)
  const lengths = blocks.map((b) => b.text.length)

  it('finds the block holding an offset', () => {
    expect(offsets.map((o) => blockAt(offsets, o))).toEqual([0, 1, 2])
    expect(blockAt(offsets, offsets[1] - 1)).toBe(0)
  })

  it('lists a highlight in every block it spans and only there', () => {
    const spanning = { id: 's', start: 6, end: offsets[2] + 3 }
    const inFirst = { id: 'f', start: 0, end: 5 }
    const perBlock = rangesByBlock(offsets, lengths, [spanning, inFirst])
    expect(perBlock.map((list) => list.map((r) => r.id))).toEqual([['s', 'f'], ['s'], ['s']])
  })
})
