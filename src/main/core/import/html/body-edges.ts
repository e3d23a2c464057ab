import type { Block, Removal } from '../../../../shared/model'
import { outletFromDateline } from '../metadata'

/*
 * The edges of a page's body, after its blocks are cleaned: a photo caption before the dateline
 * that opens the article (or the outlet's name printed twice before it), and the lists and
 * headlines an outlet puts after its desk's credit code.
 */

/** A cleaned block and the line of the cleaned text it starts on (for its removal). */
export interface LinedBlock {
  block: Block
  line: number
}

/** How far into the body the opening dateline is looked for, and how long what it follows is. */
const DATELINE_WITHIN = 3
const BEFORE_DATELINE_MAX = 250

// "(fbn)", "(boy/jpnn)", "(***/Jenly Wenur)": the desk's code that closes an article. A code is
// lower case or has a slash or stars, so a bracketed name ("(Pasar Baru)") is not taken for one.
const CREDIT_CODE = /\((?=[^()]{1,24}\)$)(?:[a-z]{2,8}|[^()]*[/*][^()]*)\)$/u

// A sentence ends in a stop, perhaps inside quotes or brackets.
const SENTENCE_END = /[.!?…]["”'’)\]]*$/u

// A dateline naming only a place: "JAKARTA –", "BANDUNG, Senin -", "Jakarta -" alone.
const PLACE_DATELINE = /^\p{Lu}[\p{L} .'-]{2,30}(?:,[^-–—]{1,40}?)?\s*(?:--|[-–—])(?:\s+\S|\s*$)/u

// A caption labelled as one: "Foto: … (Bakrie-detikcom)", "Ilustrasi: …".
const CAPTION_LABEL = /^(?:foto|photo|ilustrasi)\s*:/iu

// A dateline's dash may end its own block ("Mangupura, (Metrobali.com)-").
const BARE_DATELINE = /(?:--|[-–—])$/u

/** Whether a block opens with a dateline naming an outlet ("JAKARTA, KOMPAS.com -"). */
function opensWithDateline(text: string): boolean {
  const trimmed = text.trim()
  // (outletFromDateline also names a block that is only an outlet's name: not a dateline.)
  if (!/(?:--|[-–—])/u.test(trimmed.slice(0, 70))) return false
  return outletFromDateline(BARE_DATELINE.test(trimmed) ? `${trimmed} …` : trimmed) !== null
}

/**
 * Drops the blocks before the first one that opens with an outlet's dateline (or a place's, after
 * captions ending in a photographer's code), when it is among the first blocks and each block
 * before it is short (a caption, a teaser): the article starts at its dateline.
 */
export function dropBeforeDateline(
  blocks: LinedBlock[],
  removed: Removal[],
  keep: ReadonlySet<string> = new Set()
): LinedBlock[] {
  const first = blocks.slice(0, DATELINE_WITHIN)
  // A place alone ("JAKARTA –") opens the article only after captions: labelled, or closed by a
  // photo credit.
  const credited = (i: number): boolean =>
    i > 0 &&
    first
      .slice(0, i)
      .every(({ block }) => CREDIT_CODE.test(block.text.trim()) || CAPTION_LABEL.test(block.text))
  const at = first.findIndex(
    ({ block }, i) =>
      opensWithDateline(block.text) || (PLACE_DATELINE.test(block.text) && credited(i))
  )
  if (at <= 0) return blocks
  const before = blocks.slice(0, at)
  if (before.some(({ block }) => block.text.length >= BEFORE_DATELINE_MAX)) return blocks
  return [...drop(before, 'before-dateline', removed, keep), ...blocks.slice(at)]
}

// "Otosia.com Otosia.com - …": the same words twice, then a dateline's dash.
const REPEATED_LEAD = /^(\S.{0,38}?)\s+(?=\1\s*(?:--|[-–—]))/u

/**
 * Prints once an outlet's name that a page prints twice before its dateline (an image credit run
 * into the first paragraph): the repeat is kept as a removal, and stays if the reader restores it.
 */
export function dropRepeatedOutlet(
  blocks: LinedBlock[],
  removed: Removal[],
  keep: ReadonlySet<string> = new Set()
): LinedBlock[] {
  return blocks.map((lined, index) => {
    const repeat = index < DATELINE_WITHIN ? REPEATED_LEAD.exec(lined.block.text) : null
    if (!repeat) return lined
    const rest = lined.block.text.slice(repeat[0].length)
    if (!opensWithDateline(rest)) return lined
    if (keep.has(`repeated-outlet:${lined.line}:${repeat[1]}`)) return lined
    removed.push({ rule: 'repeated-outlet', text: repeat[1], line: lined.line })
    return { ...lined, block: { ...lined.block, text: rest } }
  })
}

/** A block that is never a sentence of the article: a list item, a heading or a bare line. */
function trailing({ block }: LinedBlock): boolean {
  return block.type === 'li' || block.type === 'h' || !SENTENCE_END.test(block.text.trim())
}

/**
 * Drops what follows the block that ends in the desk's credit code, when all of it is list
 * items, headings or lines that are no sentence (related headlines, tags): the article ends there.
 */
export function dropAfterCredit(
  blocks: LinedBlock[],
  removed: Removal[],
  keep: ReadonlySet<string> = new Set()
): LinedBlock[] {
  // The first credit with only such blocks after it: "(BPS)" closing a paragraph is passed by.
  for (let at = 0; at < blocks.length - 1; at++) {
    if (!CREDIT_CODE.test(blocks[at].block.text.trim())) continue
    const after = blocks.slice(at + 1)
    if (!after.every(trailing)) continue
    return [...blocks.slice(0, at + 1), ...drop(after, 'after-credit', removed, keep)]
  }
  return blocks
}

// "UEFA", "DAILY STAR | EXPRESS | FIKRI ARIGI": sources and writer in capitals, no sentence.
const CAPITALS_CREDIT = /^(?=.*\p{Lu})[\p{Lu}\p{N} .,&|/'-]{2,80}$/u

/** Drops the closing lines in capitals (Tempo's sources and writer) that end an article. */
export function dropClosingCredit(
  blocks: LinedBlock[],
  removed: Removal[],
  keep: ReadonlySet<string> = new Set()
): LinedBlock[] {
  let end = blocks.length
  while (end > 1 && blocks[end - 1].block.type === 'p') {
    const text = blocks[end - 1].block.text.trim()
    if (!CAPITALS_CREDIT.test(text) || SENTENCE_END.test(text)) break
    end--
  }
  return [...blocks.slice(0, end), ...drop(blocks.slice(end), 'closing-credit', removed, keep)]
}

/** Records `blocks` as removed by `rule`, except those the reader restored; returns those. */
function drop(
  blocks: LinedBlock[],
  rule: string,
  removed: Removal[],
  keep: ReadonlySet<string>
): LinedBlock[] {
  return blocks.filter(({ block, line }) => {
    if (keep.has(`${rule}:${line}:${block.text}`)) return true
    removed.push({ rule, text: block.text, line })
    return false
  })
}
