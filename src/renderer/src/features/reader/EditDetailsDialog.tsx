import { useId, useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleDetail, ArticleMeta } from '@shared/model'
import { api } from '@renderer/api'
import { Dialog, DialogActions } from '@renderer/components/Dialog'

type Field = 'title' | 'outlet' | 'author' | 'url' | 'publishedAt'
const FIELDS: Field[] = ['title', 'outlet', 'author', 'url', 'publishedAt']

interface Props {
  article: ArticleDetail
  open: boolean
  onClose: () => void
  onSaved: (meta: ArticleMeta) => void
}

/** Edits the title and metadata import found (or could not find). */
export function EditDetailsDialog({ article, open, onClose, onSaved }: Props): ReactElement {
  const { t } = useTranslation()
  const baseId = useId()
  const initial = (): Record<Field, string> => ({
    title: article.title,
    outlet: article.outlet ?? '',
    author: article.author ?? '',
    url: article.url ?? '',
    publishedAt: article.publishedAt?.slice(0, 10) ?? ''
  })
  const [values, setValues] = useState(initial)
  const [error, setError] = useState<string | null>(null)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const empty = (value: string): string | null => value.trim() || null
    const result = await api.call('articles.update', {
      id: article.id,
      title: values.title.trim(),
      outlet: empty(values.outlet),
      author: empty(values.author),
      url: empty(values.url),
      publishedAt:
        values.publishedAt === article.publishedAt?.slice(0, 10)
          ? article.publishedAt
          : empty(values.publishedAt)
    })
    if (!result.ok) return setError(result.error.message)
    setError(null)
    onSaved(result.value)
    onClose()
  }

  return (
    <Dialog open={open} title={t('reader.editTitle')} onClose={onClose}>
      <form className="dialog-form" onSubmit={(event) => void submit(event)}>
        {FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`${baseId}-${field}`}>{t(`reader.fields.${field}`)}</label>
            <input
              id={`${baseId}-${field}`}
              type={field === 'url' ? 'url' : field === 'publishedAt' ? 'date' : 'text'}
              required={field === 'title'}
              value={values[field]}
              onChange={(event) => {
                const value = event.currentTarget.value
                setValues((current) => ({ ...current, [field]: value }))
              }}
            />
          </div>
        ))}
        {error && (
          <p className="error" role="alert">
            {t('errors.generic', { message: error })}
          </p>
        )}
        <DialogActions submitLabel={t('common.save')} onCancel={onClose} />
      </form>
    </Dialog>
  )
}
