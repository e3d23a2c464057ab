import { useId, useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleQuotation } from '@shared/model'
import { LOW_CONFIDENCE } from '@shared/quotes/types'
import { api } from '@renderer/api'

interface Props {
  articleId: string
  quotation: ArticleQuotation
  /** Names the library knows, offered while typing a correction. */
  suggestionsId: string
  /** Called once the reader's choice is stored. */
  onChanged: () => void
}

/** True when the panel should ask the reader about this quotation's speaker. */
export const needsCheck = (q: ArticleQuotation): boolean =>
  q.kind !== 'term' && !q.corrected && (q.speaker === null || q.confidence < LOW_CONFIDENCE)

/**
 * The speaker line of a quotation. A sure one is shown as it is; an unsure one as "maybe: X"
 * with one-click confirm, and a small field (the library's speakers as suggestions) to correct
 * it. The choice goes with the saved quote annotation, else into the article's corrections.
 */
export function SpeakerCheck({
  articleId,
  quotation: q,
  suggestionsId,
  onChanged
}: Props): ReactElement {
  const { t } = useTranslation()
  const fieldId = useId()
  const [editing, setEditing] = useState(false)
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)

  const store = async (speaker: string): Promise<void> => {
    const result = q.savedId
      ? await api.call('annotations.update', { articleId, id: q.savedId, speaker })
      : await api.call('quotes.correct', {
          articleId,
          start: q.start,
          end: q.end,
          quote: q.quote,
          speaker
        })
    if (!result.ok) return setError(result.error.message)
    setError(null)
    setEditing(false)
    onChanged()
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (draft.trim()) void store(draft.trim())
  }

  const kind = q.kind !== 'direct' && (
    <span className="muted quote-kind"> · {t(`quotes.${q.kind}`)}</span>
  )
  if (!needsCheck(q))
    return (
      <p className="quote-speaker">
        {q.speaker}
        {kind}
      </p>
    )
  return (
    <div className="quote-check">
      <p className="quote-speaker">
        {q.speaker ? (
          <span className="quote-maybe">{t('quotes.maybe', { speaker: q.speaker })}</span>
        ) : (
          <span className="muted">{t('quotes.unknownSpeaker')}</span>
        )}
        {kind}
      </p>
      <div className="quote-check-actions">
        {q.speaker && (
          <button
            type="button"
            className="button small"
            onClick={() => void store(q.speaker as string)}
            aria-label={t('quotes.confirmNamed', { speaker: q.speaker })}
          >
            ✓ {t('quotes.confirm')}
          </button>
        )}
        {!editing && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              setDraft('')
              setEditing(true)
            }}
          >
            {q.speaker ? t('quotes.correct') : t('quotes.addSpeaker')}
          </button>
        )}
      </div>
      {editing && (
        <form className="quote-correct" onSubmit={submit}>
          <label htmlFor={fieldId}>{t('quotes.correctLabel')}</label>
          <div className="speaker-editor-row">
            <input
              id={fieldId}
              type="text"
              list={suggestionsId}
              value={draft}
              maxLength={300}
              autoFocus
              placeholder={t('quotes.speakerPlaceholder')}
              onChange={(event) => setDraft(event.currentTarget.value)}
              onKeyDown={(event) => event.key === 'Escape' && setEditing(false)}
            />
            <button type="submit" className="button small" disabled={!draft.trim()}>
              {t('quotes.saveSpeaker')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
    </div>
  )
}
