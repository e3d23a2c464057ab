import './library.css'
import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate } from '../../format'
import { hrefFor } from '../../route'
import { ImportControls } from './ImportControls'
import { useLibrary } from './use-library'

/** The list of articles: title, outlet, date and word count; a click opens the reader. */
export function LibraryView(): ReactElement {
  const { t, i18n } = useTranslation()
  const { articles, error } = useLibrary()
  const lang = i18n.language

  return (
    <section className="library" aria-labelledby="library-title">
      <header className="page-header">
        <div>
          <h1 id="library-title">{t('library.title')}</h1>
          {articles && <p className="muted">{t('library.count', { count: articles.length })}</p>}
        </div>
        <ImportControls />
      </header>
      {error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
      {!articles && !error && <p className="muted">{t('library.loading')}</p>}
      {articles?.length === 0 && (
        <div className="empty">
          <p>{t('library.empty')}</p>
          <p className="muted">{t('library.emptyHint')}</p>
        </div>
      )}
      {articles && articles.length > 0 && (
        <ul className="article-list">
          {articles.map((article) => (
            <li key={article.id}>
              <a className="article-row" href={hrefFor({ view: 'reader', id: article.id })}>
                <span className="article-title" lang={article.language ?? undefined}>
                  {article.title}
                </span>
                <span className="article-meta">
                  <span>{article.outlet ?? t('library.unknownOutlet')}</span>
                  <span>
                    {article.publishedAt
                      ? formatDate(article.publishedAt, lang)
                      : t('library.importedOn', { date: formatDate(article.importedAt, lang) })}
                  </span>
                  <span>{t('library.words', { count: article.wordCount })}</span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
