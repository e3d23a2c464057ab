/**
 * Performance marks the reader bench reads back from the page (scripts/bench/reader.ts). A mark
 * costs a few microseconds, so they stay in the app.
 */

/** Named when the reader route starts, when its blocks are laid out, and around a highlight. */
export const MARKS = {
  readerStart: 'sorot:reader-start',
  readerPainted: 'sorot:reader-painted',
  highlightStart: 'sorot:highlight-start',
  highlightPainted: 'sorot:highlight-painted'
} as const

let highlightPending = false

/** The reader opened an article. */
export function markReaderStart(): void {
  performance.clearMarks(MARKS.readerPainted)
  performance.mark(MARKS.readerStart)
}

/** The blocks are in the DOM and laid out (called from a layout effect). */
export function markReaderPainted(): void {
  if (performance.getEntriesByName(MARKS.readerPainted).length > 0) return
  void document.body.offsetHeight // forces style and layout, so they are in the figure
  performance.mark(MARKS.readerPainted)
}

/** The reader asked for a highlight. */
export function markHighlightStart(): void {
  highlightPending = true
  performance.mark(MARKS.highlightStart)
}

/** The new highlight's block re-rendered and was laid out. */
export function markHighlightPainted(): void {
  if (!highlightPending) return
  highlightPending = false
  void document.body.offsetHeight
  performance.mark(MARKS.highlightPainted)
}
