import path from 'node:path'
import type { Block, Removal } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import { cleanLines } from './clean'
import { detectLanguage, isHeadline, titleFromText } from './metadata'
import { markdownToBlocks, textToBlocks } from './text-blocks'

/** What one input becomes before it is stored: clean blocks, what was removed, metadata. */
export interface ArticleDraft {
  title: string
  blocks: Block[]
  removed: Removal[]
  outlet: string | null
  author: string | null
  url: string | null
  publishedAt: string | null
  language: string | null
}

export type SourceFormat = 'text' | 'markdown'

/** Picks the parser from the file name; pasted text without a name is plain text. */
export function formatOf(name: string | undefined): SourceFormat {
  const ext = path.extname(name ?? '').toLowerCase()
  if (ext === '.md' || ext === '.markdown') return 'markdown'
  if (ext === '' || ext === '.txt' || ext === '.text') return 'text'
  throw new SorotFailure(
    'unsupported',
    `${name}: Sorot cannot import ${ext} files yet (use .txt or .md)`
  )
}

/** Decoded text → article draft: junk removed and recorded, blocks, title and language. */
export function extractArticle(text: string, name: string, format: SourceFormat): ArticleDraft {
  const cleaned = cleanLines(text)
  let lines = cleaned.lines
  let title: string | null = null
  if (format === 'markdown') {
    const first = lines.find((l) => l.text !== '')
    const heading = first?.text.match(/^#\s+(.+?)\s*#*$/)
    if (first && heading) {
      title = heading[1]
      lines = lines.filter((l) => l !== first)
    }
  }
  let blocks = format === 'markdown' ? markdownToBlocks(lines) : textToBlocks(lines)
  if (!title && format === 'text' && blocks.length > 1 && isHeadline(blocks[0].text)) {
    title = blocks[0].text
    blocks = blocks.slice(1)
  }
  if (blocks.length === 0) throw new SorotFailure('bad_input', `${name} holds no article text`)
  return {
    title: title ?? titleFromText(blocks[0].text),
    blocks,
    removed: cleaned.removed,
    outlet: null,
    author: null,
    url: cleaned.sourceUrl,
    publishedAt: null,
    language: detectLanguage(blocks)
  }
}
