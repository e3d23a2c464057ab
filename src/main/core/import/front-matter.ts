import { parse } from 'yaml'
import { SorotFailure } from '../../../shared/result'
import { parseIndonesianDate } from './dates'

/** What a note app's (or Sorot's own Markdown export's) YAML front matter says of an article. */
export interface FrontMatter {
  title: string | null
  outlet: string | null
  author: string | null
  url: string | null
  publishedAt: string | null
}

const FENCE = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/

const firstString = (data: Record<string, unknown>, keys: string[]): string | null => {
  for (const key of keys) {
    // Own keys only: a document's `__proto__:` must not lend it a title.
    const value = Object.hasOwn(data, key) ? data[key] : undefined
    if (typeof value === 'string' && value.trim()) return value.trim()
    if (Array.isArray(value) && typeof value[0] === 'string') return value.join(', ')
    if (value instanceof Date) return value.toISOString()
  }
  return null
}

/**
 * Splits YAML front matter off a Markdown text. The front matter's lines become blank lines, so
 * line numbers (which removals are keyed by) stay those of the file. Bad YAML is refused by name.
 */
export function takeFrontMatter(
  text: string,
  name: string,
  reference: Date
): { text: string; front: FrontMatter | null } {
  const match = FENCE.exec(text)
  if (!match) return { text, front: null }
  let data: unknown
  try {
    data = parse(match[1])
  } catch (error) {
    throw new SorotFailure(
      'bad_input',
      `${name}: the front matter is not valid YAML (${(error as Error).message.split('\n')[0]})`
    )
  }
  const blanked = match[0].replace(/[^\n]/g, '')
  const rest = blanked + text.slice(match[0].length)
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { text: rest, front: null }
  const record = data as Record<string, unknown>
  const published = firstString(record, ['published', 'publishedAt', 'date', 'created'])
  return {
    text: rest,
    front: {
      title: firstString(record, ['title']),
      outlet: firstString(record, ['outlet', 'site', 'publisher', 'source_name']),
      author: firstString(record, ['author', 'authors', 'byline']),
      url: firstString(record, ['url', 'source', 'link']),
      publishedAt: published ? (parseIndonesianDate(published, reference) ?? published) : null
    }
  }
}
