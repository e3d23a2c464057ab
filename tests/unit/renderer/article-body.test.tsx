import { createRef } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Annotation } from '@shared/model'
import { ArticleBody } from '@renderer/features/reader/ArticleBody'
import { annotationOver, blocks, render } from './render'

let cleanup: (() => Promise<void>) | null = null
afterEach(async () => {
  await cleanup?.()
  cleanup = null
})

/** The article body as a reader sees it: each mark's text, the ids it stands for and its look. */
async function drawn(
  annotations: Annotation[],
  activeId: string | null = null
): Promise<{ body: HTMLElement; marks: Array<{ text: string; ids: string; classes: string[] }> }> {
  const ref = createRef<HTMLDivElement>()
  const view = await render(
    <ArticleBody
      ref={ref}
      blocks={blocks}
      annotations={annotations}
      activeId={activeId}
      onKeyDown={() => {}}
      onClick={() => {}}
    />
  )
  cleanup = view.unmount
  const body = ref.current as HTMLElement
  const marks = [...body.querySelectorAll('mark')].map((mark) => ({
    text: mark.textContent ?? '',
    ids: mark.dataset.ids ?? '',
    classes: [...mark.classList]
  }))
  return { body, marks }
}

describe('highlights drawn in the article body', () => {
  it('shows each block in its own element with its text whole and unmarked', async () => {
    const { body, marks } = await drawn([])
    expect(marks).toEqual([])
    expect([...body.children].map((el) => el.tagName)).toEqual(['H2', 'P', 'BLOCKQUOTE'])
    expect([...body.children].map((el) => el.textContent)).toEqual(blocks.map((b) => b.text))
  })

  it('marks exactly the highlighted words in the highlight colour', async () => {
    const { marks } = await drawn([annotationOver('a', 'sepuluh persen', { color: 'green' })])
    expect(marks).toEqual([
      { text: 'sepuluh persen', ids: 'a', classes: ['hl', 'hl-green', 'hl-from', 'hl-to'] }
    ])
  })

  it('splits overlapping highlights so the shared words show both, stacked', async () => {
    const { marks } = await drawn([
      annotationOver('outer', 'Pasar Induk Cipinang naik', { color: 'yellow' }),
      annotationOver('inner', 'Cipinang naik sepuluh', { color: 'blue' })
    ])
    expect(marks.map((m) => [m.text, m.ids])).toEqual([
      ['Pasar Induk ', 'outer'],
      ['Cipinang naik', 'outer inner'],
      [' sepuluh', 'inner']
    ])
    expect(marks[1].classes).toContain('hl-stack')
    expect(marks[0].classes).toContain('hl-yellow')
    expect(marks[2].classes).toContain('hl-blue')
  })

  it('draws a highlight that crosses blocks as one mark in each block', async () => {
    const { body } = await drawn([annotationOver('across', 'naik\n\nHarga beras')])
    const perBlock = [...body.children].map((block) =>
      [...block.querySelectorAll('mark')].map((m) => m.textContent)
    )
    expect(perBlock).toEqual([['naik'], ['Harga beras'], []])
  })

  it('reads out the colour, the speaker of a quote and that a note is attached', async () => {
    const quote = annotationOver('q', 'Pasokan dari Jawa Tengah berkurang', {
      kind: 'quote',
      color: 'pink',
      note: 'Cek data BPS'
    })
    const { body } = await drawn([{ ...quote, speaker: 'Budi Santoso' }])
    const mark = body.querySelector('mark') as HTMLElement
    expect(mark.getAttribute('aria-description')).toBe('Pink, Said by Budi Santoso, has a note')
    expect(mark.title).toBe('Said by Budi Santoso')
  })

  it('leaves an orphan and an article note out of the text', async () => {
    const orphan = { ...annotationOver('lost', 'beras'), orphan: true }
    const articleNote: Annotation = { ...annotationOver('n', 'beras'), kind: 'note' }
    delete articleNote.target
    const { marks } = await drawn([orphan, articleNote])
    expect(marks).toEqual([])
  })

  it('outlines the active highlight only', async () => {
    const { marks } = await drawn(
      [annotationOver('a', 'Harga beras naik'), annotationOver('b', 'kata pedagang')],
      'b'
    )
    expect(marks.filter((m) => m.classes.includes('hl-active')).map((m) => m.text)).toEqual([
      'kata pedagang'
    ])
  })
})
