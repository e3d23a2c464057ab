import { useCallback, useDeferredValue, useEffect, useRef, useState } from 'react'
import type { ArticleSummaries, ArticleSummary } from '@shared/model'
import type { Result } from '@shared/result'
import { api } from '@renderer/api'
import { isNewer } from '@shared/list-order'
import { createStore, useStore } from '@renderer/state/store'

export interface LibraryState {
  /** Newest import first; only the first screenful while `complete` is false. */
  articles: readonly ArticleSummary[] | null
  /** How many articles the library holds. */
  total: number
  /** False while only the first screenful is in. */
  complete: boolean
  error: string | null
  /** Asks for the whole list now (sorting, filters and "select all" need all of it). */
  loadAll: () => void
}

type ListResult = Result<ArticleSummaries>
type ListState = Omit<LibraryState, 'loadAll'>

/** Rows asked for first: more than the tallest screen shows, so the first paint is whole. */
const FIRST_ROWS = 100
/**
 * The rest of a large library is asked for once the page is idle after the first screenful
 * (at the latest this long after), unless the reader needs it sooner: the first moments go to
 * the page itself (fonts, settings, the first scroll or click), not to 10,000 records.
 */
const REST_AT_LATEST_MS = 500

const LOADING: ListState = { articles: null, total: 0, complete: false, error: null }

const toState = (result: ListResult): ListState =>
  result.ok
    ? {
        articles: result.value.articles,
        total: result.value.total,
        complete: result.value.articles.length === result.value.total,
        error: null
      }
    : { ...LOADING, error: result.error.message }

const requestList = (limit?: number): Promise<ListResult> =>
  api.call('articles.summaries', limit === undefined ? {} : { limit })

/** The first screenful asked for before the library screen mounted, and whether it went stale. */
let early: { first: Promise<ListResult>; changed: boolean; stop: () => void } | null = null

/**
 * Asks for the library's first screenful at once, before the page has set up React, so the
 * request and the core's answer overlap the app's start; the library screen takes it on mount.
 */
export function preloadLibrary(): void {
  if (early) return
  const entry = { first: requestList(FIRST_ROWS), changed: false, stop: () => {} }
  entry.stop = api.subscribe((event) => {
    if (event.type === 'library.changed') entry.changed = true
  })
  early = entry
}

/**
 * The library list, reloaded whenever the core says the library changed. The first screenful
 * comes first and is painted; the whole list follows a moment later, or as soon as `loadAll`
 * says the reader needs it.
 */
export function useLibrary(): LibraryState {
  // The list of this visit to the library screen: a new visit starts from the first screenful.
  const [store] = useState(() => createStore<ListState>(LOADING))
  const latest = useRef(0)
  const mountedAt = useRef(0)

  const shown = useRef({ revision: -1, request: 0 })

  // An answer is shown only when it is at least as new as the one on screen: a newer library
  // revision, or the same one asked for later. Requests may be answered out of order, and an
  // answer to a later request may describe an older library than one already shown.
  const show = useCallback(
    (pending: Promise<ListResult>): void => {
      const request = ++latest.current
      const mounted = mountedAt.current
      void pending.then((result) => {
        if (mounted !== mountedAt.current) return
        if (!isNewer(result, request, shown.current)) return
        if (result.ok) shown.current = { revision: result.value.revision, request }
        store.set(toState(result))
      })
    },
    [store]
  )

  useEffect(() => {
    const unsubscribe = api.subscribe((event) => {
      if (event.type === 'library.changed') show(requestList())
    })
    const preloaded = early
    early = null
    preloaded?.stop()
    show(preloaded && !preloaded.changed ? preloaded.first : requestList(FIRST_ROWS))
    return () => {
      mountedAt.current += 1 // answers still on their way are for a screen that is gone
      unsubscribe()
    }
  }, [show])

  const current = useStore(store)
  // A whole list renders in the background (a deferred value): sorting and measuring 10,000
  // rows must not hold up the page. A first screenful or an error shows at once.
  const deferred = useDeferredValue(current)
  const state = current.complete ? deferred : current

  // Asked for once per first screenful shown: when idle or by the reader, whichever is first.
  const partial = state.articles !== null && !state.complete ? state.articles : null
  const askedForAll = useRef<readonly ArticleSummary[] | null>(null)
  const loadAll = useCallback((): void => {
    if (!partial || askedForAll.current === partial) return
    askedForAll.current = partial
    show(requestList())
  }, [partial, show])
  useEffect(() => {
    if (!partial) return
    const idle = requestIdleCallback(loadAll, { timeout: REST_AT_LATEST_MS })
    return () => cancelIdleCallback(idle)
  }, [partial, loadAll])

  return { ...state, loadAll }
}
