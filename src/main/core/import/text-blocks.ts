import { lexer, type Token, type Tokens } from 'marked'
import type { Block } from '../../../shared/model'
import type { SourceLine } from './clean'

/** Groups cleaned lines into paragraphs separated by blank lines. */
function paragraphs(lines: SourceLine[]): string[][] {
  const groups: string[][] = []
  let current: string[] = []
  for (const { text } of lines) {
    if (text === '') {
      if (current.length) groups.push(current)
      current = []
    } else current.push(text)
  }
  if (current.length) groups.push(current)
  return groups
}

const ENDS_SENTENCE = /[.!?:;"”’)\]]$/

/**
 * A group of lines is one hard-wrapped paragraph when every line but the last is long and
 * stops mid-sentence; otherwise each line is its own paragraph (scraped text often has one
 * paragraph per line and no blank lines at all).
 */
function isHardWrapped(group: string[]): boolean {
  return (
    group.length > 1 &&
    group.slice(0, -1).every((line) => line.length >= 40 && !ENDS_SENTENCE.test(line))
  )
}

/** Plain text → paragraph blocks. */
export function textToBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = []
  for (const group of paragraphs(lines)) {
    if (isHardWrapped(group)) blocks.push({ type: 'p', text: group.join(' ') })
    else for (const line of group) blocks.push({ type: 'p', text: line })
  }
  return blocks
}

/** Inline Markdown → its visible text (no markup, no images, no raw HTML). */
function inlineText(tokens: Token[] | undefined): string {
  if (!tokens) return ''
  return tokens
    .map((token): string => {
      switch (token.type) {
        case 'image':
        case 'html':
          return ''
        case 'br':
          return ' '
        case 'codespan':
        case 'escape':
          return (token as Tokens.Codespan).text
        default: {
          const nested = (token as { tokens?: Token[] }).tokens
          return nested ? inlineText(nested) : ((token as { text?: string }).text ?? '')
        }
      }
    })
    .join('')
}

const tidy = (text: string): string => text.replace(/\s+/g, ' ').trim()

function pushBlocks(tokens: Token[], blocks: Block[], inQuote: boolean): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        blocks.push({ type: 'h', text: tidy(inlineText((token as Tokens.Heading).tokens)) })
        break
      case 'paragraph':
      case 'text':
        blocks.push({
          type: inQuote ? 'quote' : 'p',
          text: tidy(inlineText((token as Tokens.Paragraph).tokens ?? [token]))
        })
        break
      case 'blockquote':
        pushBlocks((token as Tokens.Blockquote).tokens, blocks, true)
        break
      case 'list':
        for (const item of (token as Tokens.List).items) {
          const text = tidy(
            item.tokens.map((t) => inlineText((t as { tokens?: Token[] }).tokens ?? [t])).join(' ')
          )
          blocks.push({ type: 'li', text })
        }
        break
      case 'code':
        blocks.push({ type: 'p', text: tidy((token as Tokens.Code).text) })
        break
      default:
        break
    }
  }
}

/** Markdown → headings, paragraphs, block quotes and list items, without their markup. */
export function markdownToBlocks(lines: SourceLine[]): Block[] {
  const blocks: Block[] = []
  pushBlocks(lexer(lines.map((l) => l.text).join('\n')), blocks, false)
  return blocks.filter((block) => block.text !== '')
}
