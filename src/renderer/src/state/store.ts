import { useSyncExternalStore } from 'react'

/**
 * The renderer's one way to keep state that outlives a component or is shared by several: a
 * small store per concern (settings, import, library list, an article's annotations), read by
 * components through a `useX()` hook. A component's own UI state (a dialog open, text typed)
 * stays in `useState`.
 */
export interface ReadableStore<T extends object> {
  get: () => T
  subscribe: (listener: () => void) => () => void
}

export interface Store<T extends object> extends ReadableStore<T> {
  /** Replaces the given fields and tells every reader. */
  set: (change: Partial<T>) => void
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial
  const listeners = new Set<() => void>()
  return {
    get: () => state,
    set: (change) => {
      state = { ...state, ...change }
      for (const listener of listeners) listener()
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    }
  }
}

/** The store's state, re-rendering the component whenever it changes. */
export function useStore<T extends object>(store: ReadableStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get)
}
