import { useEffect, useState, type Dispatch, type SetStateAction } from 'react'
import type { ArticleDetail } from '@shared/model'
import { api } from '@renderer/api'

export interface ArticleState {
  article: ArticleDetail | null
  error: string | null
  /** Replaces the shown article (a restored removal, edited details). */
  setArticle: Dispatch<SetStateAction<ArticleDetail | null>>
}

/** The article shown in the reader, asked for again whenever the core says the library changed. */
export function useArticle(id: string): ArticleState {
  const [article, setArticle] = useState<ArticleDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    const load = (): void =>
      void api.call('articles.get', { id }).then((result) => {
        if (!result.ok) return setError(result.error.message)
        // A new version (an import, a restored removal) replaces the text; else keep the object.
        setArticle((current) =>
          current &&
          current.version === result.value.version &&
          current.updatedAt === result.value.updatedAt
            ? current
            : result.value
        )
      })
    load()
    return api.subscribe((event) => {
      if (event.type === 'library.changed') load()
    })
  }, [id])
  return { article, error, setArticle }
}
