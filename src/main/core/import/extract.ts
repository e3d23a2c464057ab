import path from 'node:path'
import type { SourceFormat } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import { cleanLines } from './clean'
import type { ArticleDraft, ExtractOptions } from './draft'
import { takeFrontMatter } from './front-matter'
import { extractHtmlPage } from './html'
import { junkRules } from './junk-rules'
import { detectLanguage, isHeadline, takeDateLine, textMetadata, titleFromText } from './metadata'
import { markdownToBlocks, textToBlocks } from './text-blocks'

export type { SourceFormat } from '../../../shared/model'
export type { ArticleDraft, ExtractOptions } from './draft'

/** Picks the parser from the file name; pasted text without a name is plain text. */
export function formatOf(name: string | undefined): SourceFormat {
  const ext = path.extname(name ?? '').toLowerCase()
  if (ext === '.md' || ext === '.markdown') return 'markdown'
  if (ext === '.html' || ext === '.htm') return 'html'
  if (ext === '' || ext === '.txt' || ext === '.text') return 'text'
  throw new SorotFailure(
    'unsupported',
    `${name}: Sorot cannot import ${ext} files yet (use .txt, .md or .html)`
  )
}

const LOOKS_LIKE_HTML = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html)[\s>]/i

/**
 * The parser for an input: its extension decides (as formatOf); without one, text that starts
 * like a web page (`<!doctype html`, `<html`) is HTML, anything else plain text.
 */
export function sniffFormat(name: string | undefined, text: string): SourceFormat {
  if (path.extname(name ?? '') !== '') return formatOf(name)
  return LOOKS_LIKE_HTML.test(text.slice(0, 2048)) ? 'html' : 'text'
}

/**
 * Decoded text → article draft: junk removed and recorded, blocks, title, language, and the
 * outlet, author and date the text states. Pasted text (no extension) that is a web page is
 * read as HTML.
 */
export function extractArticle(
  text: string,
  name: string,
  format: SourceFormat,
  options: ExtractOptions = {}
): ArticleDraft {
  return extractArticleAndSource(text, name, format, options).draft
}

/**
 * extractArticle, and the source to keep for re-extraction: the text itself, or for a web page
 * the page without anything active (scripts, handlers, frames, remote loads).
 */
export function extractArticleAndSource(
  text: string,
  name: string,
  format: SourceFormat,
  options: ExtractOptions = {}
): { draft: ArticleDraft; stored: string } {
  // Pasted text has no extension to go by; a named .txt file stays text whatever it holds.
  const actual = format === 'text' && path.extname(name) === '' ? sniffFormat(name, text) : format
  if (actual === 'html') return extractHtmlPage(text, name, options)
  return { draft: extractPlain(text, name, actual, options), stored: text }
}

function extractPlain(
  text: string,
  name: string,
  actual: SourceFormat,
  options: ExtractOptions
): ArticleDraft {
  const reference = options.reference ?? new Date()
  const { text: body, front } =
    actual === 'markdown' ? takeFrontMatter(text, name, reference) : { text, front: null }
  const { cleaned, publishedAt } = takeDateLine(
    cleanLines(body, junkRules, options.keep),
    reference,
    options.keep
  )
  let lines = cleaned.lines
  let title: string | null = front?.title ?? null
  if (actual === 'markdown' && !title) {
    const first = lines.find((l) => l.text !== '')
    const heading = first?.text.match(/^#\s+(.+?)\s*#*$/)
    if (first && heading) {
      title = heading[1]
      lines = lines.filter((l) => l !== first)
    }
  }
  let blocks = actual === 'markdown' ? markdownToBlocks(lines) : textToBlocks(lines)
  if (!title && actual === 'text' && blocks.length > 1 && isHeadline(blocks[0].text)) {
    title = blocks[0].text
    blocks = blocks.slice(1)
  }
  if (blocks.length === 0) throw new SorotFailure('bad_input', `${name} holds no article text`)
  const meta = textMetadata(blocks, cleaned.removed, cleaned.sourceUrl, reference)
  const author = front?.author ?? meta.author
  return {
    title: title ?? titleFromText(blocks[0].text),
    blocks,
    removed: cleaned.removed,
    outlet: front?.outlet ?? meta.outlet,
    author,
    authors: author ? [author] : [],
    url: front?.url ?? cleaned.sourceUrl,
    publishedAt: front?.publishedAt ?? publishedAt ?? meta.publishedAt,
    language: detectLanguage(blocks)
  }
}
