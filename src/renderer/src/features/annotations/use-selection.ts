import { useEffect, useState, type RefObject } from 'react'
import { selectionToSpan, type TextSpan } from './selection-offsets'
import { lookupTable } from '@shared/own'

export interface ArticleSelection {
  span: TextSpan
  /** The selection's box on screen, for placing the toolbar. */
  rect: DOMRect
}

const same = (a: ArticleSelection | null, b: ArticleSelection | null): boolean =>
  a === b ||
  (!!a &&
    !!b &&
    a.span.start === b.span.start &&
    a.span.end === b.span.end &&
    a.rect.top === b.rect.top &&
    a.rect.left === b.rect.left &&
    a.rect.width === b.rect.width)

/**
 * The reader's selection in the article as canonical offsets, or null. Not reported while the
 * mouse button is still down (no toolbar flickering along a drag); follows scrolling.
 */
export function useArticleSelection(
  bodyRef: RefObject<HTMLElement | null>,
  text: string | null
): ArticleSelection | null {
  const [selection, setSelection] = useState<ArticleSelection | null>(null)
  useEffect(() => {
    if (text === null) return
    let frame = 0
    let pressed = false
    const read = (): void => {
      frame = 0
      const root = bodyRef.current
      const current = window.getSelection()
      const span = root && !pressed ? selectionToSpan(root, current, text) : null
      const next =
        span && current ? { span, rect: current.getRangeAt(0).getBoundingClientRect() } : null
      setSelection((previous) => (same(previous, next) ? previous : next))
    }
    const schedule = (): void => {
      if (!frame) frame = requestAnimationFrame(read)
    }
    const onDown = (event: PointerEvent): void => {
      if (event.button === 0 && bodyRef.current?.contains(event.target as Node)) pressed = true
    }
    const onUp = (): void => {
      pressed = false
      schedule()
    }
    document.addEventListener('selectionchange', schedule)
    document.addEventListener('pointerdown', onDown)
    document.addEventListener('pointerup', onUp)
    window.addEventListener('scroll', schedule, { passive: true })
    window.addEventListener('resize', schedule)
    return () => {
      cancelAnimationFrame(frame)
      document.removeEventListener('selectionchange', schedule)
      document.removeEventListener('pointerdown', onDown)
      document.removeEventListener('pointerup', onUp)
      window.removeEventListener('scroll', schedule)
      window.removeEventListener('resize', schedule)
    }
  }, [bodyRef, text])
  return selection
}

const GRANULARITY = lookupTable<string>({
  ArrowLeft: 'character',
  ArrowRight: 'character',
  ArrowUp: 'line',
  ArrowDown: 'line',
  Home: 'lineboundary',
  End: 'lineboundary'
})

/**
 * Shift+arrows in the focused article extend the selection (caret browsing without the browser
 * setting): with nothing selected yet, selection starts at the first block on screen.
 * Ctrl/Alt+Shift+←/→ go by word. Returns true when it handled the key.
 */
export function extendSelectionByKey(root: HTMLElement, event: KeyboardEvent): boolean {
  if (!event.shiftKey || !Object.hasOwn(GRANULARITY, event.key) || event.metaKey) return false
  const selection = window.getSelection()
  if (!selection) return false
  if (selection.rangeCount === 0 || !root.contains(selection.anchorNode)) {
    const blocks = [...root.querySelectorAll<HTMLElement>('[data-start]')]
    const first = blocks.find((b) => b.getBoundingClientRect().bottom > 0) ?? blocks[0]
    const text = first?.querySelector('[data-offset]')?.firstChild
    if (!text) return false
    selection.collapse(text, 0)
  }
  const forward = event.key === 'ArrowRight' || event.key === 'ArrowDown' || event.key === 'End'
  const byWord = (event.ctrlKey || event.altKey) && GRANULARITY[event.key] === 'character'
  selection.modify(
    'extend',
    forward ? 'forward' : 'backward',
    byWord ? 'word' : GRANULARITY[event.key]
  )
  return true
}
