import type { ArticleSummaries } from './model'
import type { Result } from './result'

/** The list answer on screen: the library revision it showed and the request it answered. */
export interface ShownAnswer {
  revision: number
  request: number
}

/**
 * Whether a list answer may replace the one shown: a newer library revision, or the same
 * revision asked for later (a whole list after its first screenful). Answers can arrive out of
 * order, and a later request can be answered from an older library than one already shown.
 * A failure replaces only an answer to an earlier request.
 */
export function isNewer(
  result: Result<ArticleSummaries>,
  request: number,
  shown: ShownAnswer
): boolean {
  if (!result.ok) return request > shown.request
  const { revision } = result.value
  return revision > shown.revision || (revision === shown.revision && request > shown.request)
}
