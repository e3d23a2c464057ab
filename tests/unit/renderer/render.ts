import { act, type ReactElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { initI18n } from '@renderer/i18n'
import { describe as describeSpan } from '@shared/anchoring'
import type { AnnotationColor } from '@shared/annotations'
import type { Annotation, Block } from '@shared/model'
import { canonicalText } from '@shared/text'

// React warns unless it knows the test wraps updates in act().
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

let started = false

/** Renders an element into a fresh container in jsdom, with the app's i18next (jsdom: English). */
export async function render(element: ReactElement): Promise<{
  container: HTMLElement
  unmount: () => Promise<void>
}> {
  if (!started) {
    initI18n()
    started = true
  }
  const container = document.createElement('div')
  document.body.append(container)
  let root: Root | null = null
  await act(async () => {
    root = createRoot(container)
    root.render(element)
  })
  return {
    container,
    unmount: async () => {
      await act(async () => root?.unmount())
      container.remove()
    }
  }
}

/** Three blocks of an Indonesian news text, as the core stores an article version. */
export const blocks: Block[] = [
  { type: 'h', text: 'Harga beras naik' },
  {
    type: 'p',
    text: 'Harga beras di Pasar Induk Cipinang naik sepuluh persen pekan ini, kata pedagang.'
  },
  { type: 'quote', text: '"Pasokan dari Jawa Tengah berkurang," ujar Budi Santoso.' }
]
export const text = canonicalText(blocks)

/** A stored annotation over `exact` (its `nth` occurrence), anchored as the core anchors it. */
export function annotationOver(
  id: string,
  exact: string,
  options: { color?: AnnotationColor; kind?: Annotation['kind']; note?: string } = {}
): Annotation {
  const start = text.indexOf(exact)
  if (start < 0) throw new Error(`"${exact}" is not in the test article`)
  return {
    id,
    articleId: 'harga-beras',
    kind: options.kind ?? 'highlight',
    target: { version: 1, selectors: describeSpan(text, start, start + exact.length) },
    color: options.color ?? 'yellow',
    labels: [],
    note: options.note ?? '',
    createdAt: '2024-03-05T10:00:00.000Z',
    updatedAt: '2024-03-05T10:00:00.000Z'
  }
}
