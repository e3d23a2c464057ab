import { beforeAll, describe as group, expect, it } from 'vitest'
import { anchor, describe } from '../../src/shared/anchoring'
import { importFile, SEED, tempCore, value } from '../support/core'

/** The seed article's canonical text, as the core stores it after import. */
let seed: string

beforeAll(async () => {
  const core = await tempCore()
  const { id } = await importFile(core, SEED)
  seed = (await value<{ text: string }>(core, 'articles.get', { id })).text
  await core.close()
})

/** The selectors of the `n`th (1-based) occurrence of `phrase` in `text`. */
function selectorsOf(text: string, phrase: string, n = 1): ReturnType<typeof describe> {
  let start = -1
  for (let i = 0; i < n; i++) start = text.indexOf(phrase, start + 1)
  if (start === -1) throw new Error(`"${phrase}" occurs fewer than ${n} times`)
  return describe(text, start, start + phrase.length)
}

/** The text `anchor` finds for the selectors in `text`, or null. */
function anchoredText(text: string, selectors: ReturnType<typeof describe>): string | null {
  const range = anchor(text, selectors)
  return range && text.slice(range.start, range.end)
}

const paragraphs = (text: string): string[] => text.split('\n\n')
const joined = (blocks: string[]): string => blocks.join('\n\n')

const SENTENCE = 'Saat ini belum ada informasi mengenai reaksi Armenia.'
const PHRASE = 'operasi "Tentara Bayaran" CSTO terus mengendalikan perekrutan'

group('describe', () => {
  it('keeps the exact text, 32 characters of context either side and the offsets', () => {
    const start = seed.indexOf(SENTENCE)
    const [position, quote] = describe(seed, start, start + SENTENCE.length)
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + SENTENCE.length })
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: SENTENCE,
      prefix: seed.slice(start - 32, start),
      suffix: seed.slice(start + SENTENCE.length, start + SENTENCE.length + 32)
    })
  })

  it('cuts the context short at the ends of the text', () => {
    const [, quote] = describe(seed, 0, 10)
    expect(quote.prefix).toBe('')
    const [, last] = describe(seed, seed.length - 5, seed.length)
    expect(last.suffix).toBe('')
  })

  it('refuses a range that is empty or outside the text', () => {
    expect(() => describe(seed, 5, 5)).toThrow(RangeError)
    expect(() => describe(seed, -1, 5)).toThrow(RangeError)
    expect(() => describe(seed, 0, seed.length + 1)).toThrow(RangeError)
  })
})

group('anchor', () => {
  it('finds every described range again in the unchanged text', () => {
    for (const [start, end] of [
      [0, 12],
      [100, 180],
      [seed.length - 40, seed.length],
      [seed.indexOf('CSTO'), seed.indexOf('CSTO') + 4]
    ]) {
      expect(anchor(seed, describe(seed, start, end))).toEqual({ start, end })
    }
  })

  it('follows the quote when text is added or removed before it', () => {
    const selectors = selectorsOf(seed, SENTENCE)
    const added = `Berita terkini.\n\n${seed}`
    expect(anchoredText(added, selectors)).toBe(SENTENCE)
    expect(anchor(added, selectors)?.start).toBe(added.indexOf(SENTENCE))
    const removed = joined(paragraphs(seed).slice(2))
    expect(anchor(removed, selectors)?.start).toBe(removed.indexOf(SENTENCE))
  })

  it('keeps its place when text after it changes', () => {
    const selectors = selectorsOf(seed, SENTENCE)
    const edited = seed.replace('menurut TASS', 'menurut kantor berita TASS dan RIA')
    expect(anchor(edited, selectors)).toEqual({
      start: selectors[0].start,
      end: selectors[0].end
    })
  })

  it('re-anchors a highlight after a word inside it is edited', () => {
    const selectors = selectorsOf(seed, PHRASE)
    const editedPhrase = PHRASE.replace('terus mengendalikan', 'juga mengendalikan')
    const edited = seed.replace(PHRASE, editedPhrase)
    expect(anchoredText(edited, selectors)).toBe(editedPhrase)
  })

  it('re-anchors a highlight when the spacing inside it changes', () => {
    const selectors = selectorsOf(seed, SENTENCE)
    const spaced = SENTENCE.replaceAll(' ', '  ')
    expect(anchoredText(seed.replace(SENTENCE, spaced), selectors)).toBe(spaced)
    const wrapped = SENTENCE.replace('informasi mengenai', 'informasi\nmengenai')
    expect(anchoredText(seed.replace(SENTENCE, wrapped), selectors)).toBe(wrapped)
  })

  it('re-anchors a quote that crosses paragraphs after they are merged', () => {
    const blocks = paragraphs(seed)
    const across = `${blocks[1].slice(-40)}\n\n${blocks[2].slice(0, 40)}`
    const selectors = selectorsOf(seed, across)
    const merged = joined([...blocks.slice(0, 1), `${blocks[1]} ${blocks[2]}`, ...blocks.slice(3)])
    expect(anchoredText(merged, selectors)).toBe(across.replace('\n\n', ' '))
  })

  it('picks the right one of a repeated phrase by its context', () => {
    const phrase = 'CSTO'
    const count = seed.split(phrase).length - 1
    expect(count).toBeGreaterThanOrEqual(10)
    const all = Array.from({ length: count }, (_, i) => selectorsOf(seed, phrase, i + 1))
    // Shift every occurrence, and put the first one exactly where the second one was.
    const shift = all[1][0].start - all[0][0].start
    const shifted = `${'Pembaruan: '.padEnd(shift - 2, '.')}\n\n${seed}`
    all.forEach((selectors, i) => {
      const range = anchor(shifted, selectors)
      expect(range?.start, `occurrence ${i + 1}`).toBe(selectors[0].start + shift)
    })
  })

  it('follows paragraphs that were moved', () => {
    const blocks = paragraphs(seed)
    const moved = joined([blocks[5], ...blocks.slice(0, 5), ...blocks.slice(6)])
    const selectors = selectorsOf(seed, SENTENCE)
    expect(blocks[5]).toContain(SENTENCE)
    expect(anchor(moved, selectors)?.start).toBe(moved.indexOf(SENTENCE))
    const whole = selectorsOf(seed, blocks[3])
    expect(anchoredText(moved, whole)).toBe(blocks[3])
  })

  it('gives null when the quoted text was deleted', () => {
    const selectors = selectorsOf(seed, SENTENCE)
    expect(anchor(seed.replace(` ${SENTENCE}`, ''), selectors)).toBeNull()
    const blocks = paragraphs(seed)
    expect(
      anchor(joined(blocks.filter((b) => !b.includes(PHRASE))), selectorsOf(seed, PHRASE))
    ).toBeNull()
  })

  it('gives null when the sentence was rewritten beyond recognition in its place', () => {
    const selectors = selectorsOf(seed, SENTENCE)
    expect(anchor(seed.replace(SENTENCE, 'Reaksi Armenia belum diketahui.'), selectors)).toBeNull()
  })

  it('gives null, never a wrong place, for a similar sentence elsewhere', () => {
    const selectors = selectorsOf(seed, SENTENCE)
    const blocks = paragraphs(seed).map((b) => b.replace(` ${SENTENCE}`, ''))
    blocks[1] += ' Saat ini belum ada informasi mengenai reaksi Azerbaijan.'
    expect(anchor(joined(blocks), selectors)).toBeNull()
  })

  it('gives null for a short word deleted from its place but found elsewhere', () => {
    const selectors = selectorsOf(seed, 'Minsk', 3)
    expect(seed.slice(selectors[0].start - 26, selectors[0].start)).toBe(
      'agenda konferensi CSTO di '
    )
    const edited = seed.replace(/Peskov mencatat bahwa agenda[^.]*\./, '')
    expect(edited).toContain('Minsk')
    expect(anchor(edited, selectors)).toBeNull()
  })

  group('a lightly edited long passage keeps both its ends', () => {
    /** A 360-character passage of whole words starting at the `n`th word after `from`. */
    function passage(from: number): { start: number; end: number } {
      const start = seed.indexOf(' ', from) + 1
      const end = seed.indexOf(' ', start + 360)
      return { start, end }
    }

    /** The passage with words `at` (indices into its words) changed by `edit`. */
    function edited(
      range: { start: number; end: number },
      at: (count: number) => number[],
      edit: (word: string) => string
    ): { text: string; expected: string } {
      const words = seed.slice(range.start, range.end).split(' ')
      for (const i of at(words.length)) words[i] = edit(words[i])
      const expected = words.join(' ')
      return { text: seed.slice(0, range.start) + expected + seed.slice(range.end), expected }
    }

    const suffixEdit = (word: string): string =>
      word.length > 3 ? `${word.slice(0, -2)}an` : `${word}nya`
    const cases: Array<[string, (n: number) => number[], (word: string) => string]> = [
      [
        'four small word changes, the last word among them',
        (n) => [1, n >> 2, n >> 1, n - 1],
        suffixEdit
      ],
      ['four small changes at both ends', (n) => [0, 1, n - 2, n - 1], suffixEdit],
      [
        'the first and last words replaced by other words',
        (n) => [0, n >> 1, n - 1],
        () => 'kemudian'
      ],
      ['the last two words replaced', (n) => [n - 2, n - 1], () => 'kemudian']
    ]
    for (const [name, at, edit] of cases)
      it(`re-anchors the whole passage after ${name}`, () => {
        for (let from = 0; from + 500 < seed.length; from += 97) {
          const range = passage(from)
          const selectors = describe(seed, range.start, range.end)
          const { text, expected } = edited(range, at, edit)
          expect(anchoredText(text, selectors), `passage at ${range.start}`).toBe(expected)
        }
      })
  })

  it('uses the position alone when there is no quote to check', () => {
    expect(anchor(seed, [{ type: 'TextPositionSelector', start: 3, end: 9 }])).toEqual({
      start: 3,
      end: 9
    })
    expect(anchor('short', [{ type: 'TextPositionSelector', start: 3, end: 9 }])).toBeNull()
  })
})
