import { useId, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleDetail } from '@shared/model'
import { api } from '@renderer/api'

interface Props {
  article: ArticleDetail
  onRestored: (article: ArticleDetail) => void
}

/** What cleaning took out of the article, shown on demand, each piece restorable. */
export function RemovedPanel({ article, onRestored }: Props): ReactElement | null {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const listId = useId()
  if (article.removed.length === 0) return null

  const restore = async (index: number): Promise<void> => {
    setError(null)
    const result = await api.call('articles.restoreRemoval', { id: article.id, removal: index })
    if (result.ok) onRestored(result.value)
    else setError(result.error.message)
  }

  return (
    <section className="removed" aria-label={t('reader.removedTitle')}>
      <button
        type="button"
        className="button small"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
      >
        {open
          ? t('reader.removedHide')
          : t('reader.removedShow', { count: article.removed.length })}
      </button>
      {open && (
        <ul id={listId} className="removed-list">
          {article.removed.map((removal, index) => (
            <li key={`${removal.rule}-${removal.line}-${index}`}>
              <span className="removed-rule">
                {t(`reader.rules.${removal.rule}`, { defaultValue: removal.rule })}
              </span>
              <q className="removed-text">{removal.text.trim()}</q>
              <button type="button" className="button small" onClick={() => void restore(index)}>
                {t('reader.restore')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
    </section>
  )
}
