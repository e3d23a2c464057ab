import type { TextSpan } from '@renderer/features/annotations/selection-offsets'

/** More matches than this are not drawn (the count says so). */
export const MAX_MATCHES = 5000

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Where `query` occurs in the article text, ignoring case; white space in the query matches
 * any run of white space. Pure, so the count is the same the reader sees.
 */
export function findMatches(text: string, query: string, limit = MAX_MATCHES): TextSpan[] {
  const words = query.trim().split(/\s+/).filter(Boolean)
  if (words.length === 0) return []
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'giu')
  const spans: TextSpan[] = []
  for (const match of text.matchAll(pattern)) {
    spans.push({ start: match.index, end: match.index + match[0].length })
    if (spans.length >= limit) break
  }
  return spans
}
