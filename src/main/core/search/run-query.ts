import type { ArticleMeta, SearchHit, SnippetSegment } from '../../../shared/model'
import { canonicalText } from '../../../shared/text'
import type { LibraryStore } from '../store/library-store'
import type { MatchWord, SearchIndex } from './search-index'
import { parseQuery, type ParsedQuery, type QueryWord } from './query'
import { phraseMatches, snippetOf, snippetText, termMatches, type TextRange } from './snippet'
import { termsOfWord } from './terms'

/** Phrases are checked in the text of this many of the best candidates at most. */
const PHRASE_CANDIDATES = 120

/** How many candidates are read at once when phrases must be checked in their text. */
const PHRASE_BATCH = 24

/** Texts kept for snippets: a reader refines a query, and the same articles come back. */
const TEXT_CACHE = 256

/** Prefix matching on very short stems would match half the vocabulary. */
const PREFIX_MIN = 3

/**
 * Answers search box queries from an index: candidates from the index, then each checked and
 * given a snippet from its text (phrases are confirmed there, since the index has no positions).
 */
export class QueryRunner {
  readonly #store: LibraryStore
  /** Article texts by id, with the version they are of (an edit makes them stale). */
  readonly #texts = new Map<string, { version: string; text: string }>()

  constructor(store: LibraryStore) {
    this.#store = store
  }

  /** Ranked hits for `query`; from titles alone while there is no index yet. */
  async run(index: SearchIndex | null, query: string, limit: number): Promise<SearchHit[]> {
    const parsed = parseQuery(query)
    if (parsed.words.length === 0) return []
    if (!index) return this.#titleSearch(parsed, limit)
    const words = parsed.words.map(matchWordOf)
    const phrases = parsed.phrases.length > 0
    // A deleted article's id may linger for a moment, hence a few more than asked.
    const wanted = phrases ? Math.max(PHRASE_CANDIDATES, limit) : limit + 8
    let found = index.search(words, true, wanted)
    if (found.length === 0 && words.length > 1 && !phrases)
      found = index.search(words, false, wanted)
    const terms = termMatcher(words)
    const results: SearchHit[] = []
    const batch = phrases ? PHRASE_BATCH : limit
    for (let at = 0; at < found.length && results.length < limit; at += batch) {
      const made = await Promise.all(
        found.slice(at, at + batch).map((hit) => this.#hitOf(hit, parsed, terms))
      )
      for (const hit of made) if (hit && results.length < limit) results.push(hit)
    }
    return results
  }

  /** The canonical text of an article's newest version, read from its file and kept a while. */
  async #textOf(meta: ArticleMeta): Promise<string> {
    const version = `${meta.versionCount}:${meta.contentHash}`
    const cached = this.#texts.get(meta.id)
    this.#texts.delete(meta.id)
    if (cached?.version === version) {
      this.#texts.set(meta.id, cached)
      return cached.text
    }
    const text = canonicalText(await this.#store.peekArticleBlocks(meta.id))
    this.#texts.set(meta.id, { version, text })
    if (this.#texts.size > TEXT_CACHE) this.#texts.delete(this.#texts.keys().next().value ?? '')
    return text
  }

  async #hitOf(
    hit: { id: string; score: number },
    parsed: ParsedQuery,
    terms: (term: string) => boolean
  ): Promise<SearchHit | null> {
    const meta = this.#store.articleMeta(hit.id)
    if (!meta || meta.deletedAt) return null
    const text = await this.#textOf(meta)
    let matches: TextRange[]
    if (parsed.phrases.length > 0) {
      const each = parsed.phrases.map((phrase) => phraseMatches(text, phrase))
      if (each.some((found) => found.length === 0)) return null
      matches = each.flat().sort((a, b) => a.start - b.start)
    } else {
      matches = termMatches(text, terms)
    }
    // Only the title or an annotation matched: the opening of the text, nothing marked.
    const segments =
      matches.length > 0 ? snippetOf(text, matches) : snippetOf(text || meta.title, [])
    return hitFrom(meta, Math.round(hit.score * 1000) / 1000, segments, matches[0]?.start ?? null)
  }

  /** While there is no index at all: titles only, from index.json. */
  #titleSearch(parsed: ParsedQuery, limit: number): SearchHit[] {
    const results: SearchHit[] = []
    for (const meta of this.#store.index.data.articles) {
      if (meta.deletedAt) continue
      const words = meta.title.split(/\s+/).flatMap(termsOfWord)
      const matched = new Set<string>()
      const all = parsed.words.every((word) => {
        const hit = words.filter((term) =>
          word.terms.some((t) => (word.prefix ? term.startsWith(t) : term === t))
        )
        for (const term of hit) matched.add(term)
        return hit.length > 0
      })
      if (!all) continue
      const segments = snippetOf(
        meta.title,
        termMatches(meta.title, (t) => matched.has(t))
      )
      results.push(hitFrom(meta, matched.size, segments, null))
      if (results.length >= limit) break
    }
    return results.sort((a, b) => b.score - a.score)
  }
}

function hitFrom(
  meta: ArticleMeta,
  score: number,
  segments: SnippetSegment[],
  offset: number | null
): SearchHit {
  return {
    id: meta.id,
    title: meta.title,
    outlet: meta.outlet,
    publishedAt: meta.publishedAt,
    score,
    snippet: snippetText(segments),
    segments,
    offset
  }
}

/** A query word for the index: while it is being typed, its longer terms match as prefixes. */
function matchWordOf(word: QueryWord): MatchWord {
  if (!word.prefix) return { terms: word.terms, prefix: [] }
  return {
    terms: word.terms.filter((term) => term.length < PREFIX_MIN),
    prefix: word.terms.filter((term) => term.length >= PREFIX_MIN)
  }
}

/** Whether an index term of the text is one the query matched (to mark it in the snippet). */
function termMatcher(words: readonly MatchWord[]): (term: string) => boolean {
  const exact = new Set(words.flatMap((word) => [...word.terms, ...word.prefix]))
  const prefixes = words.flatMap((word) => word.prefix)
  return (term) => exact.has(term) || prefixes.some((prefix) => term.startsWith(prefix))
}
