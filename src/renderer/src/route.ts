import { createStore, useStore } from '@renderer/state/store'

export type Route =
  | { view: 'library' }
  /** `at`: a canonical-text offset to scroll to (`#/article/<id>?at=N`). */
  | { view: 'reader'; id: string; at?: number }
  | { view: 'settings' }
  | { view: 'speakers' }

/** Reads the route from the URL hash, so a reload stays on the same screen. */
export function parseRoute(hash: string): Route {
  const article = /^#\/article\/([A-Za-z0-9_-]+)(?:\?at=(\d+))?$/.exec(hash)
  if (article)
    return article[2] === undefined
      ? { view: 'reader', id: article[1] }
      : { view: 'reader', id: article[1], at: Number(article[2]) }
  if (hash === '#/settings') return { view: 'settings' }
  if (hash === '#/speakers') return { view: 'speakers' }
  return { view: 'library' }
}

export function hrefFor(route: Route): string {
  if (route.view === 'reader')
    return `#/article/${route.id}${route.at === undefined ? '' : `?at=${route.at}`}`
  if (route.view === 'settings') return '#/settings'
  if (route.view === 'speakers') return '#/speakers'
  return '#/'
}

/** The screen shown, from the URL hash: one for the whole page. */
const routeStore = createStore<{ route: Route }>({ route: parseRoute(window.location.hash) })
window.addEventListener('hashchange', () =>
  routeStore.set({ route: parseRoute(window.location.hash) })
)

export function useRoute(): Route {
  return useStore(routeStore).route
}
