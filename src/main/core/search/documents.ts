import { createHash } from 'node:crypto'
import type { Annotation, ArticleMeta, Block } from '../../../shared/model'
import { canonicalText } from '../../../shared/text'

/** What the index holds for one article: its title, newest text and annotations. */
export interface SearchDocument {
  id: string
  title: string
  text: string
  /** The passages of live highlights and quotes. */
  highlights: string
  notes: string
  speakers: string
}

/** Every name of each speaker's identity, by the name as written. */
export type SpeakerNameTable = ReadonlyMap<string, readonly string[]>

/** The names to index a speaker under: their identity's, else the name as written. */
export const namesFrom =
  (table: SpeakerNameTable) =>
  (name: string): readonly string[] =>
    table.get(name) ?? [name]

/** One article's index document; trashed annotations are left out. */
export function documentOf(
  meta: Pick<ArticleMeta, 'id' | 'title'>,
  blocks: readonly Block[],
  annotations: readonly Annotation[],
  speakerNames: (name: string) => readonly string[] = (name) => [name]
): SearchDocument {
  const live = annotations.filter((a) => !a.deletedAt)
  return {
    id: meta.id,
    title: meta.title,
    text: canonicalText(blocks),
    highlights: live
      .map((a) => a.target?.selectors[1].exact ?? '')
      .filter(Boolean)
      .join('\n'),
    notes: live
      .map((a) => a.note)
      .filter(Boolean)
      .join('\n'),
    // A speaker is found under every name of their identity (DESIGN.md §5).
    speakers: live
      .flatMap((a) => (a.speaker?.trim() ? speakerNames(a.speaker.trim()) : []))
      .join('\n')
  }
}

/**
 * What an index document depends on in index.json (its content, version and title): when it
 * changes, the article is indexed again. Short: the content hash's head and a 64-bit hash of
 * the title (two FNV-1a halves), as the index keeps one per article, 100,000 in a large library.
 */
export function stampOf(meta: ArticleMeta): string {
  const title = meta.title
  let low = 0x811c9dc5
  let high = 0x050c5d1f
  for (let i = 0; i < title.length; i++) {
    const code = title.charCodeAt(i)
    low = Math.imul(low ^ code, 0x01000193)
    high = Math.imul(high ^ code, 0x01000193) ^ (low >>> 15)
  }
  return `${meta.contentHash.slice(0, 16)}:${meta.versionCount}:${(low >>> 0).toString(36)}${(high >>> 0).toString(36)}`
}

/** The stamps of the live articles of a library, by id. */
export function libraryStamps(articles: readonly ArticleMeta[]): Map<string, string> {
  const stamps = new Map<string, string>()
  for (const meta of articles) if (!meta.deletedAt) stamps.set(meta.id, stampOf(meta))
  return stamps
}

/** One hash of every stamp: equal fingerprints mean the cache indexes this very library. */
export function fingerprintOf(stamps: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256')
  for (const id of [...stamps.keys()].sort()) hash.update(`${id}=${stamps.get(id)}\n`)
  return hash.digest('hex')
}
