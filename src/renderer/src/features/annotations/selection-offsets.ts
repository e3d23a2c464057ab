/**
 * Between DOM positions in the rendered article and canonical-text offsets. Every block element
 * carries `data-start` (its offset in the canonical text) and every text segment inside it
 * `data-offset`; each segment holds exactly one text node, so a position inside it is that
 * offset plus the position in the node.
 */

export interface TextSpan {
  start: number
  end: number
}

const segmentOf = (node: Node): HTMLElement | null =>
  (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>(
    '[data-offset]'
  ) ?? null

const blockOf = (node: Node): HTMLElement | null =>
  (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>(
    '[data-start]'
  ) ?? null

/** The segments' text nodes of one block, in order. */
function textNodesOf(block: Element): Text[] {
  const nodes: Text[] = []
  for (const segment of block.querySelectorAll('[data-offset]'))
    if (segment.firstChild?.nodeType === Node.TEXT_NODE) nodes.push(segment.firstChild as Text)
  return nodes
}

/** The offset of a block's end: its last segment's offset plus its length. */
function blockEnd(block: HTMLElement): number {
  const nodes = textNodesOf(block)
  const last = nodes.at(-1)
  if (!last) return Number(block.dataset.start)
  return Number(segmentOf(last)?.dataset.offset) + last.length
}

/**
 * The canonical offset of a DOM position inside `root`, or null when it is outside. A position
 * between elements counts as the start of the text that follows it.
 */
export function pointToOffset(root: HTMLElement, node: Node, offset: number): number | null {
  if (!root.contains(node)) return null
  if (node.nodeType === Node.TEXT_NODE) {
    const segment = segmentOf(node)
    if (segment && root.contains(segment)) return Number(segment.dataset.offset) + offset
  }
  const block = blockOf(node)
  if (block && root.contains(block)) {
    const point = document.createRange()
    point.setStart(node, Math.min(offset, node.childNodes.length || offset))
    for (const text of textNodesOf(block))
      if (point.comparePoint(text, 0) >= 0) return Number(segmentOf(text)?.dataset.offset)
    return blockEnd(block)
  }
  // Between blocks (the position is in the root or a wrapper): the next block's start.
  const blocks = [...root.querySelectorAll<HTMLElement>('[data-start]')]
  const point = document.createRange()
  point.setStart(node, offset)
  for (const candidate of blocks)
    if (point.comparePoint(candidate, 0) >= 0) return Number(candidate.dataset.start)
  const last = blocks.at(-1)
  return last ? blockEnd(last) : null
}

/**
 * The canonical span of the current selection inside `root`, trimmed of surrounding white
 * space, or null when nothing of the article is selected. A selection reaching outside the
 * article is cut at its edges.
 */
export function selectionToSpan(
  root: HTMLElement,
  selection: Selection | null,
  text: string
): TextSpan | null {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  if (!range.intersectsNode(root)) return null
  let start = root.contains(range.startContainer)
    ? pointToOffset(root, range.startContainer, range.startOffset)
    : 0
  let end = root.contains(range.endContainer)
    ? pointToOffset(root, range.endContainer, range.endOffset)
    : text.length
  if (start === null || end === null) return null
  if (start > end) [start, end] = [end, start]
  while (start < end && /\s/.test(text[start])) start++
  while (end > start && /\s/.test(text[end - 1])) end--
  return end > start ? { start, end } : null
}

/** The DOM position of a canonical offset, for scrolling to it or drawing a range over it. */
export function offsetToPoint(
  root: HTMLElement,
  offset: number
): { node: Node; offset: number } | null {
  const blocks = root.querySelectorAll<HTMLElement>('[data-start]')
  let [low, high] = [0, blocks.length - 1]
  if (high < 0) return null
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (Number(blocks[middle].dataset.start) <= offset) low = middle
    else high = middle - 1
  }
  const nodes = textNodesOf(blocks[low])
  for (const node of nodes) {
    const at = Number(segmentOf(node)?.dataset.offset)
    if (offset <= at + node.length) return { node, offset: Math.max(0, offset - at) }
  }
  const last = nodes.at(-1)
  return last ? { node: last, offset: last.length } : { node: blocks[low], offset: 0 }
}

/** A DOM Range over a canonical span, or null when the article is not rendered yet. */
export function spanToRange(root: HTMLElement, span: TextSpan): Range | null {
  const start = offsetToPoint(root, span.start)
  const end = offsetToPoint(root, span.end)
  if (!start || !end) return null
  const range = document.createRange()
  range.setStart(start.node, start.offset)
  range.setEnd(end.node, end.offset)
  return range
}
