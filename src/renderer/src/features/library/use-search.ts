import type { SearchResponse } from '@shared/model'
import { api } from '@renderer/api'
import { useLive, type LiveAnswer } from '@renderer/state/use-live'

const TYPING_PAUSE_MS = 120

export type SearchState = LiveAnswer<SearchResponse>

/** Searches as the reader types (after a short pause), answering only for the latest query. */
export function useSearch(query: string): SearchState {
  const wanted = query.trim() !== ''
  const answer = useLive(() => api.call('search.query', { query, limit: 50 }), query, {
    delay: TYPING_PAUSE_MS,
    skip: !wanted,
    // While the index is still being built the answer is partial: ask again shortly.
    partial: (response) => response.indexing
  })
  // An answer to an earlier query is kept on screen until the new one arrives; a failure
  // replaces it.
  if (!wanted) return { response: null, error: null }
  return answer.error ? { response: null, error: answer.error } : answer
}
