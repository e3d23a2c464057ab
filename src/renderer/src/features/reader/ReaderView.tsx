import './reader.css'
import { useEffect, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleDetail, Block } from '../../../../shared/model'
import { api } from '../../api'
import { formatDate, formatNumber } from '../../format'
import { hrefFor } from '../../route'
import { EditDetailsDialog } from './EditDetailsDialog'
import { RemovedPanel } from './RemovedPanel'

/** Words per minute used for the reading-time estimate. */
const READING_SPEED = 200

function BlockView({ block }: { block: Block }): ReactElement {
  switch (block.type) {
    case 'h':
      return <h2>{block.text}</h2>
    case 'quote':
      return <blockquote>{block.text}</blockquote>
    case 'li':
      return <p className="list-item">{block.text}</p>
    default:
      return <p>{block.text}</p>
  }
}

/** The reading view: title, metadata and the article's blocks, rendered as text only. Keyed by id. */
export function ReaderView({ id }: { id: string }): ReactElement {
  const { t, i18n } = useTranslation()
  const [article, setArticle] = useState<ArticleDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)

  useEffect(() => {
    void api.call('articles.get', { id }).then((result) => {
      if (result.ok) setArticle(result.value)
      else setError(result.error.message)
    })
  }, [id])

  const lang = i18n.language
  if (error) {
    return (
      <section className="reader">
        <p className="error" role="alert">
          {t('reader.notFound')} {error}
        </p>
        <a href={hrefFor({ view: 'library' })}>{t('nav.back')}</a>
      </section>
    )
  }
  if (!article) return <p className="muted">{t('reader.loading')}</p>

  const published = formatDate(article.publishedAt, lang)
  const minutes = Math.max(1, Math.round(article.wordCount / READING_SPEED))
  return (
    <article className="reader" lang={article.language ?? 'id'} aria-labelledby="article-title">
      <a className="back-link" href={hrefFor({ view: 'library' })} lang={lang}>
        ← {t('nav.back')}
      </a>
      <header className="article-header">
        <h1 id="article-title">{article.title}</h1>
        <p className="article-byline muted" lang={lang}>
          {[
            article.outlet,
            article.author,
            published
              ? t('reader.published', { date: published })
              : t('reader.imported', { date: formatDate(article.importedAt, lang) }),
            t('reader.wordsAndMinutes', { words: formatNumber(article.wordCount, lang), minutes })
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <div className="article-tools" lang={lang}>
          <button type="button" className="button small" onClick={() => setEditing(true)}>
            {t('reader.edit')}
          </button>
          <RemovedPanel article={article} onRestored={setArticle} />
        </div>
        <EditDetailsDialog
          key={article.updatedAt}
          article={article}
          open={editing}
          onClose={() => setEditing(false)}
          onSaved={(meta) => setArticle({ ...article, ...meta })}
        />
      </header>
      <div className="article-body">
        {article.blocks.map((block, index) => (
          <BlockView key={index} block={block} />
        ))}
      </div>
      {article.url && (
        <p className="article-source muted" lang={lang}>
          {t('reader.source')}:{' '}
          <a href={article.url} target="_blank" rel="noreferrer noopener">
            {article.url}
          </a>
        </p>
      )}
    </article>
  )
}
