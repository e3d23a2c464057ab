import { useEffect, useState } from 'react'
import type { Result } from '@shared/result'
import { api } from '@renderer/api'
import { createStore, useStore } from './store'

/** How soon to ask again while the core's answer is still partial. */
const POLL_MS = 700
/** How soon after a change of the library to ask again (changes come in bursts). */
const CHANGE_DELAY_MS = 150

const isPartial = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && 'partial' in value && value.partial === true

export interface LiveAnswer<T> {
  response: T | null
  error: string | null
}

interface Options<T> {
  /** How long to wait before asking (a search box waits for a pause in typing). */
  delay?: number
  /** Ask again after the library or its annotations change. */
  followChanges?: boolean
  /** Not wanted yet: ask nothing. */
  skip?: boolean
  /** Whether an answer is partial, to be asked for again shortly; by default its `partial`. */
  partial?: (value: T) => boolean
}

/**
 * Asks the core with `ask` whenever `key` changes, and again while its answer is partial (the
 * library still being read or indexed). The last answer stays shown until the next arrives.
 */
export function useLive<T>(
  ask: () => Promise<Result<T>>,
  key: string,
  { delay = 0, followChanges = false, skip = false, partial = isPartial }: Options<T> = {}
): LiveAnswer<T> {
  const [store] = useState(() => createStore<LiveAnswer<T>>({ response: null, error: null }))
  useEffect(() => {
    if (skip) return
    let cancelled = false
    let timer: number | undefined
    const load = (): void =>
      void ask().then((result) => {
        if (cancelled) return
        if (!result.ok) return store.set({ error: result.error.message })
        store.set({ response: result.value, error: null })
        if (partial(result.value)) timer = window.setTimeout(load, POLL_MS)
      })
    timer = window.setTimeout(load, delay)
    const unsubscribe = followChanges
      ? api.subscribe((event) => {
          if (event.type === 'library.changed' || event.type === 'annotations.changed') {
            window.clearTimeout(timer)
            timer = window.setTimeout(load, CHANGE_DELAY_MS)
          }
        })
      : () => {}
    return () => {
      cancelled = true
      window.clearTimeout(timer)
      unsubscribe()
    }
    // `ask` is made from `key` on every render: the key says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delay, followChanges, skip, store])
  return useStore(store)
}
