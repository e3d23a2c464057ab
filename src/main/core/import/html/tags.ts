import type { BlockType } from '../../../../shared/model'
import { lookupTable } from '../../../../shared/own'

/*
 * The element vocabulary every stage of reading a page shares: which elements make blocks,
 * which only separate them, and which hold no text at all.
 */

export const ELEMENT_NODE = 1
export const TEXT_NODE = 3

/** Elements whose text becomes a block of another kind than a paragraph. */
export const BLOCK_OF = lookupTable<BlockType>({
  h1: 'h',
  h2: 'h',
  h3: 'h',
  h4: 'h',
  h5: 'h',
  h6: 'h',
  li: 'li',
  blockquote: 'quote'
})

/** Elements that start a new block without changing its kind. */
export const BOUNDARIES = new Set(
  (
    'p div section article main header address pre table thead tbody tfoot tr td th caption ' +
    'ul ol dl dt dd center details summary hr body html'
  ).split(' ')
)

/**
 * Elements that are no text, removed by the sanitiser with everything inside them: code, embeds,
 * forms' controls, media, and what belongs in a document's head. A `<form>` itself only loses
 * its tag: some sites wrap the whole page in one.
 */
export const NOT_TEXT = (
  'script style noscript template iframe frame frameset noframes object embed applet ' +
  'input button select textarea option optgroup datalist label output svg math canvas ' +
  'video audio source track picture img map area link meta base head title'
).split(' ')

/** Elements whose text is never read: dropped when a too-deep part of a page is flattened. */
export const NOT_TEXT_SET = new Set(NOT_TEXT)

/** Elements a block of flattened text keeps the kind of. */
export const BLOCK_TAGS = new Set(
  [...Object.keys(BLOCK_OF), ...BOUNDARIES].filter((tag) => tag !== 'body' && tag !== 'html')
)
