import { useEffect, useState } from 'react'
import type { ArticleMeta } from '../../../../shared/model'
import type { Result } from '../../../../shared/result'
import { api } from '../../api'

interface LibraryState {
  articles: ArticleMeta[] | null
  error: string | null
}

const toState = (result: Result<ArticleMeta[]>): LibraryState =>
  result.ok
    ? { articles: result.value, error: null }
    : { articles: null, error: result.error.message }

/** The library list, reloaded whenever the core says the library changed. */
export function useLibrary(): LibraryState {
  const [state, setState] = useState<LibraryState>({ articles: null, error: null })

  useEffect(() => {
    let live = true
    const load = (): void =>
      void api.call('articles.list', {}).then((result) => live && setState(toState(result)))
    load()
    const unsubscribe = api.subscribe((event) => {
      if (event.type === 'library.changed') load()
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [])

  return state
}
