import { useVirtualizer } from '@tanstack/react-virtual'
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactElement,
  type RefObject
} from 'react'

/** Below this many rows every row is rendered; above it only those near the view. */
export const VIRTUAL_FROM = 60

interface Props<T> {
  items: T[]
  /** The scrolling element the list sits in (the panel column). */
  scrollRef: RefObject<HTMLElement | null>
  renderItem: (item: T) => ReactElement
  keyOf: (item: T) => string
  /** The row to bring into view when it changes (j/k, a click on a mark). */
  focusIndex: number
  label: string
}

/**
 * An ordered list that renders only the rows near the view when it is long (1,000 highlights
 * would otherwise cost far more layout than the article itself). Rows have their own heights;
 * they are measured as they render.
 */
export function VirtualList<T>({
  items,
  scrollRef,
  renderItem,
  keyOf,
  focusIndex,
  label
}: Props<T>): ReactElement {
  const listRef = useRef<HTMLOListElement>(null)
  const [margin, setMargin] = useState(0)
  // TanStack Virtual is made to be called on every render; the compiler just cannot memoise it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLElement, HTMLDivElement>({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 96,
    overscan: 6,
    scrollMargin: margin,
    getItemKey: (index) => keyOf(items[index])
  })

  // The list starts below the article note: the virtualizer needs that offset, which changes
  // when the note above it grows or shrinks (the panel resizes).
  useLayoutEffect(() => {
    const list = listRef.current
    const scroller = scrollRef.current
    if (!list || !scroller) return
    const measure = (): void => {
      const offset =
        list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop
      setMargin((current) => (Math.abs(current - offset) > 1 ? offset : current))
    }
    measure()
    const observer = new ResizeObserver(measure)
    if (list.parentElement) observer.observe(list.parentElement)
    return () => observer.disconnect()
  }, [scrollRef])

  useEffect(() => {
    if (focusIndex >= 0) virtualizer.scrollToIndex(focusIndex, { align: 'auto' })
  }, [focusIndex, virtualizer])

  const rows = virtualizer.getVirtualItems()
  return (
    <ol
      ref={listRef}
      className="annotation-list is-virtual"
      aria-label={label}
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {rows.map((row) => (
        <div
          key={row.key}
          data-index={row.index}
          ref={virtualizer.measureElement}
          className="virtual-row"
          role="presentation"
          style={{ transform: `translateY(${row.start - margin}px)` }}
        >
          {renderItem(items[row.index])}
        </div>
      ))}
    </ol>
  )
}
