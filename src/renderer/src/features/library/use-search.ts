import { useEffect, useState } from 'react'
import type { SearchResponse } from '@shared/model'
import { api } from '@renderer/api'

const TYPING_PAUSE_MS = 120
const INDEXING_RETRY_MS = 700

export interface SearchState {
  response: SearchResponse | null
  error: string | null
}

/** Searches as the reader types (after a short pause), answering only for the latest query. */
export function useSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState & { query: string }>({
    query: '',
    response: null,
    error: null
  })
  useEffect(() => {
    if (!query.trim()) return
    let live = true
    let timer: ReturnType<typeof setTimeout>
    const ask = (): void =>
      void api.call('search.query', { query, limit: 50 }).then((result) => {
        if (!live) return
        setState(
          result.ok
            ? { query, response: result.value, error: null }
            : { query, response: null, error: result.error.message }
        )
        // While the index is still being built the answer is partial: ask again shortly.
        if (result.ok && result.value.indexing) timer = setTimeout(ask, INDEXING_RETRY_MS)
      })
    timer = setTimeout(ask, TYPING_PAUSE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query])
  // An answer to an earlier query is kept on screen until the new one arrives.
  return query.trim() ? state : { response: null, error: null }
}
