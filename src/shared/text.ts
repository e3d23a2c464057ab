import type { Block } from './model'

/** The separator between blocks in an article's canonical text (DESIGN.md §4). */
export const BLOCK_SEPARATOR = '\n\n'

/** Joins block texts into the canonical text that annotation offsets point into. */
export function canonicalText(blocks: readonly Block[]): string {
  return blocks.map((block) => block.text).join(BLOCK_SEPARATOR)
}

/** Start offset of each block in the canonical text. */
export function blockOffsets(blocks: readonly Block[]): number[] {
  const offsets: number[] = []
  let at = 0
  for (const block of blocks) {
    offsets.push(at)
    at += block.text.length + BLOCK_SEPARATOR.length
  }
  return offsets
}

/** Counts words the way a reader would: runs of letters or digits. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)?.length ?? 0
}

/** A passage cut after `max` characters with an ellipsis, for lists and one-line messages. */
export function shortenQuote(text: string, max = 280): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
