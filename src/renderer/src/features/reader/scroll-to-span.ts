import { spanToRange, type TextSpan } from '@renderer/features/annotations/selection-offsets'
import { scrollRangeIntoView } from './FindBar'

/** How long a jumped-to passage stays flashed. */
const FLASH_MS = 1600

/** Scrolls to a span of the canonical text (an annotation, a quotation, `?at=`) and flashes it. */
export function scrollToSpan(root: HTMLElement | null, span: TextSpan): void {
  const range = root && spanToRange(root, span)
  if (!range) return
  scrollRangeIntoView(range)
  if (typeof CSS === 'undefined' || !CSS.highlights) return
  CSS.highlights.set('sorot-target', new Highlight(range))
  window.setTimeout(() => CSS.highlights.delete('sorot-target'), FLASH_MS)
}
