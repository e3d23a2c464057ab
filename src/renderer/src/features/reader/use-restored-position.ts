import { useEffect, useState, type RefObject } from 'react'
import type { ArticleDetail } from '@shared/model'
import { scrollToProgress } from './ReadingProgress'
import { scrollToSpan } from './scroll-to-span'

/**
 * Once the blocks are drawn, goes to `?at=` or else to where the reader was. True from the frame
 * after that, when reading progress may start counting.
 */
export function useRestoredPosition(
  article: ArticleDetail | null,
  ready: boolean,
  at: number | undefined,
  bodyRef: RefObject<HTMLElement | null>
): boolean {
  const [restored, setRestored] = useState(false)

  useEffect(() => {
    if (!ready || restored || !article) return
    if (at === undefined && article.readingProgress && bodyRef.current)
      scrollToProgress(bodyRef.current, article.text.length, article.readingProgress)
    // Progress starts counting from the next frame, after the restored scroll has landed.
    const frame = requestAnimationFrame(() => setRestored(true))
    return () => cancelAnimationFrame(frame)
  }, [ready, restored, at, article, bodyRef])

  useEffect(() => {
    if (!ready || at === undefined || !article) return
    const end = Math.min(at + 1, article.text.length)
    scrollToSpan(bodyRef.current, { start: at, end })
  }, [ready, at, article, bodyRef])

  return restored
}
