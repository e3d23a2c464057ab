import { useLayoutEffect, useState, type ReactElement, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '@renderer/api'

/** How long scrolling must pause before the position is saved. */
const SAVE_DELAY_MS = 800

const atBottom = (): boolean =>
  window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2

/** The article's blocks (each has `data-start`, its offset in the canonical text). */
const blocksOf = (root: HTMLElement): HTMLElement[] => [
  ...root.querySelectorAll<HTMLElement>('[data-start]')
]

/**
 * How far the reader got, 0 to 1: the text offset at the top of the screen over the text's
 * length (1 at the end of the page). Measured in text rather than pixels, so a position
 * survives another text size and blocks that are not laid out yet.
 */
export function readingProgress(root: HTMLElement, textLength: number): number {
  if (atBottom() || textLength === 0) return 1
  const blocks = blocksOf(root)
  let [low, high] = [0, blocks.length - 1]
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (blocks[middle].getBoundingClientRect().top <= 0) low = middle
    else high = middle - 1
  }
  const block = blocks[low]
  if (!block) return 0
  const rect = block.getBoundingClientRect()
  const start = Number(block.dataset.start)
  const next = blocks[low + 1] ? Number(blocks[low + 1].dataset.start) : textLength
  const within = rect.height > 0 ? Math.min(1, Math.max(0, -rect.top / rect.height)) : 0
  return Math.min(1, Math.max(0, (start + within * (next - start)) / textLength))
}

/** Scrolls back to a saved progress figure (see readingProgress). */
export function scrollToProgress(
  root: HTMLElement,
  textLength: number,
  progress: number,
  correct = true
): void {
  if (progress >= 1) {
    window.scrollTo({ top: document.documentElement.scrollHeight })
    return
  }
  const offset = progress * textLength
  const blocks = blocksOf(root)
  const index = Math.max(
    0,
    blocks.findLastIndex((b) => Number(b.dataset.start) <= offset)
  )
  const block = blocks[index]
  if (!block) return
  const start = Number(block.dataset.start)
  const next = blocks[index + 1] ? Number(blocks[index + 1].dataset.start) : textLength
  const rect = block.getBoundingClientRect()
  const within = next > start ? (offset - start) / (next - start) : 0
  window.scrollTo({ top: window.scrollY + rect.top + within * rect.height })
  // Blocks coming into view are laid out only now: one more pass lands on the right line.
  if (correct) requestAnimationFrame(() => scrollToProgress(root, textLength, progress, false))
}

/**
 * A thin bar showing how far the reader got; the figure is saved per article (debounced, and
 * once more when the article is closed). Mounted only after the saved position was restored,
 * so opening an article never overwrites where the reader was.
 */
export function ReadingProgress({
  articleId,
  bodyRef,
  textLength,
  initial
}: {
  articleId: string
  bodyRef: RefObject<HTMLElement | null>
  textLength: number
  /** The figure the article was opened at. */
  initial: number
}): ReactElement {
  const { t } = useTranslation()
  const [progress, setProgress] = useState(initial)

  // A layout effect: its cleanup runs before the next view replaces the article, so the scroll
  // jump that replacement causes is never taken for the reader's position.
  useLayoutEffect(() => {
    let frame = 0
    let timer = 0
    let saved = -1
    let latest = -1
    // Saves the figure read while scrolling: on close the page may already show another view.
    const save = (): void => {
      const value = Math.round(latest * 1000) / 1000
      if (latest < 0 || value === saved) return
      saved = value
      void api.call('articles.progress', { id: articleId, progress: value })
    }
    const onScroll = (): void => {
      // Read in the next frame: a navigation away scrolls to the top first, and by that frame
      // this listener is gone, so that jump is never saved as the reader's position.
      if (!frame)
        frame = requestAnimationFrame(() => {
          frame = 0
          if (!bodyRef.current) return
          latest = readingProgress(bodyRef.current, textLength)
          setProgress(latest)
        })
      window.clearTimeout(timer)
      timer = window.setTimeout(save, SAVE_DELAY_MS)
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      window.removeEventListener('scroll', onScroll)
      cancelAnimationFrame(frame)
      window.clearTimeout(timer)
      save()
    }
  }, [articleId, bodyRef, textLength])

  const percent = Math.round(progress * 100)
  return (
    <div
      className="reading-progress"
      role="progressbar"
      aria-label={t('reader.progress')}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={t('reader.progressValue', { percent })}
    >
      <div className="reading-progress-bar" style={{ transform: `scaleX(${progress})` }} />
    </div>
  )
}
