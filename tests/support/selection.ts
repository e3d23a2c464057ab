/// <reference lib="dom" />
// The evaluate body runs in the page: it needs the DOM types.
import type { Locator, Page } from '@playwright/test'

/** Drags the mouse over `phrase` inside `within`, as a person selecting it would. */
export async function dragOver(page: Page, within: Locator, phrase: string): Promise<void> {
  const box = await within.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    const nodes: Text[] = []
    while (walker.nextNode()) nodes.push(walker.currentNode as Text)
    const whole = nodes.map((n) => n.data).join('')
    const at = whole.indexOf(wanted)
    if (at < 0) throw new Error(`"${wanted}" is not in the element`)
    const locate = (offset: number): [Text, number] => {
      let left = offset
      for (const node of nodes) {
        if (left <= node.length) return [node, left]
        left -= node.length
      }
      throw new Error('offset past the end')
    }
    const range = document.createRange()
    range.setStart(...locate(at))
    range.setEnd(...locate(at + wanted.length))
    const rects = [...range.getClientRects()].filter((r) => r.width > 0)
    const [first, last] = [rects[0], rects[rects.length - 1]]
    return {
      x1: first.left + 1,
      y1: first.top + first.height / 2,
      x2: last.right - 1,
      y2: last.top + last.height / 2
    }
  }, phrase)
  await page.mouse.move(box.x1, box.y1)
  await page.mouse.down()
  await page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 })
  await page.mouse.move(box.x2, box.y2, { steps: 4 })
  await page.mouse.up()
}
