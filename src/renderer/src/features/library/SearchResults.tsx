import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { SearchResponse } from '@shared/model'
import { formatDate } from '@renderer/format'
import { hrefFor } from '@renderer/route'

/** Ranked search results; each snippet's matches are <mark> elements holding plain text. */
export function SearchResults({ response }: { response: SearchResponse }): ReactElement {
  const { t, i18n } = useTranslation()
  return (
    <section className="search-results" aria-label={t('search.results')}>
      <p className="muted" role="status">
        {response.indexing && `${t('search.indexing')} `}
        {t('search.count', { count: response.results.length })}
      </p>
      <ol className="article-list">
        {response.results.map((hit) => (
          <li key={hit.id} className="search-hit">
            <a
              className="article-row"
              href={hrefFor({ view: 'reader', id: hit.id, at: hit.offset ?? undefined })}
            >
              <span className="article-title">{hit.title}</span>
              <span className="article-meta">
                <span>{hit.outlet ?? t('library.unknownOutlet')}</span>
                {hit.publishedAt && <span>{formatDate(hit.publishedAt, i18n.language)}</span>}
              </span>
              <span className="search-snippet">
                {hit.segments.map((segment, i) =>
                  segment.match ? (
                    <mark key={i}>{segment.text}</mark>
                  ) : (
                    <span key={i}>{segment.text}</span>
                  )
                )}
              </span>
            </a>
          </li>
        ))}
      </ol>
    </section>
  )
}
