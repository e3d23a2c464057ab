import { createRef } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ArticleBody } from '@renderer/features/reader/ArticleBody'
import {
  selectionToSpan,
  spanToRange,
  type TextSpan
} from '@renderer/features/annotations/selection-offsets'
import { annotationOver, render, text } from './render'

let body: HTMLElement
let unmount: () => Promise<void>

// The body is drawn with a highlight, so the text is cut into several segments per block.
beforeEach(async () => {
  const ref = createRef<HTMLDivElement>()
  const view = await render(
    <ArticleBody
      ref={ref}
      blocks={[
        { type: 'h', text: 'Harga beras naik' },
        {
          type: 'p',
          text: 'Harga beras di Pasar Induk Cipinang naik sepuluh persen pekan ini, kata pedagang.'
        },
        { type: 'quote', text: '"Pasokan dari Jawa Tengah berkurang," ujar Budi Santoso.' }
      ]}
      annotations={[annotationOver('a', 'Induk Cipinang')]}
      activeId={null}
      onKeyDown={() => {}}
      onClick={() => {}}
    />
  )
  body = ref.current as HTMLElement
  unmount = view.unmount
})
afterEach(async () => {
  window.getSelection()?.removeAllRanges()
  await unmount()
})

/** The text node and offset where `words` (its first occurrence in the body) starts, plus `by`. */
function pointAt(words: string, by = 0): { node: Text; offset: number } {
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(words)
    if (at >= 0) return { node: node as Text, offset: at + by }
  }
  throw new Error(`"${words}" is not drawn`)
}

/** Selects from one point to another as a mouse drag would, and reads the canonical span. */
function select(
  from: { node: Node; offset: number },
  to: { node: Node; offset: number }
): TextSpan | null {
  const range = document.createRange()
  range.setStart(from.node, from.offset)
  range.setEnd(to.node, to.offset)
  const selection = window.getSelection() as Selection
  selection.removeAllRanges()
  selection.addRange(range)
  return selectionToSpan(body, selection, text)
}

const quoted = (span: TextSpan | null): string | null => span && text.slice(span.start, span.end)

describe('selection to canonical offsets', () => {
  it('gives the offsets of words selected inside one segment', () => {
    const span = select(pointAt('sepuluh'), pointAt('sepuluh', 'sepuluh persen'.length))
    expect(quoted(span)).toBe('sepuluh persen')
    expect(span?.start).toBe(text.indexOf('sepuluh persen'))
  })

  it('counts across a highlight the selection starts or ends in', () => {
    const span = select(pointAt('Cipinang', 3), pointAt('naik sepuluh', 4))
    expect(quoted(span)).toBe('inang naik')
  })

  it('keeps the paragraph break when a selection crosses blocks', () => {
    const span = select(pointAt('kata pedagang'), pointAt('Pasokan', 'Pasokan'.length))
    expect(quoted(span)).toBe('kata pedagang.\n\n"Pasokan')
  })

  it('trims white space at the ends, and gives nothing for a selection of spaces only', () => {
    expect(quoted(select(pointAt(' sepuluh'), pointAt('sepuluh', 7)))).toBe('sepuluh')
    expect(select(pointAt(' sepuluh'), pointAt(' sepuluh', 1))).toBeNull()
  })

  it('cuts a selection reaching outside the article at its edges', () => {
    const before = document.createElement('p')
    before.textContent = 'Outside the article'
    body.before(before)
    const span = select({ node: before.firstChild as Text, offset: 3 }, pointAt('beras naik', 5))
    expect(quoted(span)).toBe('Harga beras')
    before.remove()
  })

  it('gives nothing when no text is selected', () => {
    const point = pointAt('Budi')
    expect(select(point, point)).toBeNull()
    expect(selectionToSpan(body, null, text)).toBeNull()
  })
})

describe('canonical offsets back to the page', () => {
  it('draws a range over exactly the words of a span, also across blocks and highlights', () => {
    for (const words of ['Pasar Induk Cipinang naik', 'pedagang.\n\n"Pasokan', 'Budi Santoso']) {
      const start = text.indexOf(words)
      const range = spanToRange(body, { start, end: start + words.length })
      // The page has no characters between blocks: the break is the block boundary itself.
      expect(range?.toString()).toBe(words.replace('\n\n', ''))
    }
  })

  it('goes to the same offsets as it came from', () => {
    const start = text.indexOf('Jawa Tengah')
    const range = spanToRange(body, { start, end: start + 'Jawa Tengah'.length }) as Range
    const span = select(
      { node: range.startContainer, offset: range.startOffset },
      { node: range.endContainer, offset: range.endOffset }
    )
    expect(span).toEqual({ start, end: start + 'Jawa Tengah'.length })
  })
})
