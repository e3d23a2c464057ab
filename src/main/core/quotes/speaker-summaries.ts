import type { ArticleMeta, SpeakerSummary } from '../../../shared/model'
import type { IdentityBook } from '../library/identity-book'
import type { SpeakerEntry } from './speakers'

/**
 * Every speaker identity of the library with how often they are quoted, in how many articles,
 * and per article (its outlet and publication date, for the charts); most quoted first.
 */
export function summariesOf(library: {
  entries: ReadonlyArray<{ meta: ArticleMeta; entries: readonly SpeakerEntry[] }>
  book: IdentityBook
}): SpeakerSummary[] {
  const byName = new Map<string, SpeakerSummary>()
  for (const { meta, entries } of library.entries) {
    const perSpeaker = new Map<string, number>()
    for (const [speaker] of entries) {
      const { name } = library.book.identityOf(speaker)
      perSpeaker.set(name, (perSpeaker.get(name) ?? 0) + 1)
    }
    for (const [name, quotes] of perSpeaker) {
      let summary = byName.get(name)
      if (!summary) {
        const { aliases } = library.book.identityOf(name)
        byName.set(name, (summary = { name, aliases, quotes: 0, articles: 0, perArticle: [] }))
      }
      summary.quotes += quotes
      summary.articles += 1
      summary.perArticle.push({
        articleId: meta.id,
        outlet: meta.outlet,
        publishedAt: meta.publishedAt,
        quotes
      })
    }
  }
  return [...byName.values()].sort(
    (a, b) => b.quotes - a.quotes || b.articles - a.articles || a.name.localeCompare(b.name)
  )
}
