import type { Block, BlockType, Removal } from '../../../../shared/model'
import { ownValue } from '../../../../shared/own'
import { cleanLines, type SourceLine } from '../clean'
import { tidy } from '../html-metadata'
import { junkRules, type JunkRule } from '../junk-rules'
import { takeDateLine } from '../metadata'
import {
  dropAfterCredit,
  dropBeforeDateline,
  dropClosingCredit,
  dropRepeatedOutlet,
  type LinedBlock
} from './body-edges'
import { purifier } from './sanitize'
import { BLOCK_OF, BOUNDARIES, ELEMENT_NODE, TEXT_NODE } from './tags'

/** A block before cleaning: its kind and its lines (a `<br>` starts a new line). */
interface RawBlock {
  type: BlockType
  lines: string[]
}

/** Article markup as text blocks, read from the sanitiser's clean tree of it, never from the markup. */
export function textBlocks(html: string): RawBlock[] {
  return collectBlocks(purifier().clean(html))
}

/**
 * The text of `root`, a tree sanitize-html has cleaned, as blocks: headings, list items and quotes
 * keep their kind. Only text nodes and the names of the elements the sanitiser kept are read.
 */
function collectBlocks(root: Node): RawBlock[] {
  const blocks: RawBlock[] = []
  let buffer = ''
  let type: BlockType = 'p'
  const flush = (): void => {
    const lines = buffer
      .split('\n')
      .map(tidy)
      .filter((line) => line !== '')
    if (lines.length) blocks.push({ type, lines })
    buffer = ''
  }
  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE) {
      // Source line breaks inside HTML text are only spaces; <br> is the break.
      buffer += (node.textContent ?? '').replace(/\s+/g, ' ')
      return
    }
    if (node.nodeType !== ELEMENT_NODE) return
    const tag = node.nodeName.toLowerCase()
    if (tag === 'br') {
      buffer += '\n'
      return
    }
    const kind = ownValue(BLOCK_OF, tag)
    if (!kind && !BOUNDARIES.has(tag)) {
      Array.from(node.childNodes).forEach(visit)
      return
    }
    flush()
    const outer = type
    if (kind) type = kind
    Array.from(node.childNodes).forEach(visit)
    flush()
    type = outer
  }
  visit(root)
  flush()
  return blocks
}

export interface CleanedBlocks {
  blocks: Block[]
  removed: Removal[]
  sourceUrl: string | null
  dateLine: string | null
}

export const NO_BLOCKS: CleanedBlocks = { blocks: [], removed: [], sourceUrl: null, dateLine: null }

/**
 * Cleans blocks the way text is cleaned: their lines are laid out as a text (a blank line
 * between blocks) and go through the same junk rules, so a removal's `line` is a line of that
 * text. A block keeps its kind; the lines of a paragraph split by `<br>` become paragraphs.
 */
export function cleanBlocks(
  raw: RawBlock[],
  reference: Date,
  keep?: ReadonlySet<string>,
  extra: JunkRule[] = []
): CleanedBlocks {
  const lines: string[] = []
  const owner: number[] = []
  raw.forEach((block, i) => {
    if (i > 0) {
      lines.push('')
      owner.push(-1)
    }
    for (const line of block.lines) {
      lines.push(line)
      owner.push(i)
    }
  })
  const { cleaned, publishedAt } = takeDateLine(
    cleanLines(lines.join('\n'), extra.length ? [...junkRules, ...extra] : junkRules, keep),
    reference,
    keep
  )
  const kept = new Map<number, SourceLine[]>()
  for (const line of cleaned.lines) {
    const index = owner[line.line]
    if (line.text === '' || index === undefined || index < 0) continue
    kept.set(index, [...(kept.get(index) ?? []), line])
  }
  let lined: LinedBlock[] = []
  for (const [index, lines] of [...kept].sort(([a], [b]) => a - b)) {
    const { type } = raw[index]
    if (type === 'p')
      lined.push(...lines.map(({ text, line }) => ({ block: { type, text }, line })))
    else
      lined.push({ block: { type, text: lines.map((l) => l.text).join(' ') }, line: lines[0].line })
  }
  const removed = [...cleaned.removed]
  lined = dropRepeatedOutlet(lined, removed, keep)
  lined = dropAfterCredit(dropBeforeDateline(lined, removed, keep), removed, keep)
  lined = dropClosingCredit(lined, removed, keep)
  const blocks: Block[] = lined.map(({ block }) => block)
  return { blocks, removed, sourceUrl: cleaned.sourceUrl, dateLine: publishedAt }
}
