import { useId, useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { SpeakerGroup, SpeakerQuotation } from '@shared/model'
import { api } from '@renderer/api'
import { formatDate, shortenQuote } from '@renderer/format'
import { hrefFor } from '@renderer/route'

/** Quotations shown per speaker before "Show all". */
const FIRST_QUOTES = 5

interface Props {
  group: SpeakerGroup
  /** The datalist of the library's speakers, offered when merging. */
  suggestionsId: string
  /** Tells the view what changed (merged, split), to say so. */
  onChanged: (message: string) => void
}

/** One speaker: their names, merge and split controls, and their quotations, newest first. */
export function SpeakerSection({ group, suggestionsId, onChanged }: Props): ReactElement {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  // Every quotation of the speaker, fetched when asked for (an answer holds the newest few).
  const [all, setAll] = useState<SpeakerQuotation[] | null>(null)
  const shown = all ?? group.quotations.slice(0, FIRST_QUOTES)
  const mergeId = useId()
  const [target, setTarget] = useState('')
  const [merging, setMerging] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const merge = (event: FormEvent): void => {
    event.preventDefault()
    const into = target.trim()
    if (!into) return
    void api.call('speakers.merge', { names: [group.name], into }).then((result) => {
      if (!result.ok) return setError(result.error.message)
      setError(null)
      setTarget('')
      setMerging(false)
      onChanged(t('quotes.merged', { name: result.value.name }))
    })
  }
  const split = (alias: string): void =>
    void api.call('speakers.split', { alias }).then((result) => {
      if (!result.ok) return setError(result.error.message)
      setError(null)
      onChanged(t('quotes.split', { alias }))
    })
  const showAll = (): void =>
    void api
      .call('quotes.speakers', { query: group.name, perSpeaker: group.count })
      .then((result) => {
        const full = result.ok && result.value.speakers.find((g) => g.name === group.name)
        setAll(full ? full.quotations : group.quotations)
      })
  return (
    <section className="speaker-group" aria-labelledby={headingId}>
      <h2 id={headingId} className="speaker-name">
        {group.name}
      </h2>
      <p className="muted speaker-counts">
        {[
          t('quotes.quoteCount', { count: group.count }),
          group.savedCount > 0 && t('quotes.savedCount', { count: group.savedCount })
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {group.aliases.length > 0 && (
        <div className="speaker-aliases">
          <span className="muted">{t('quotes.aliasesLabel')}:</span>
          <ul>
            {group.aliases.map((alias) => (
              <li key={alias}>
                {alias}{' '}
                <button
                  type="button"
                  className="button small"
                  onClick={() => split(alias)}
                  aria-label={t('quotes.splitAlias', { alias })}
                  title={t('quotes.splitAlias', { alias })}
                >
                  ✂
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {merging ? (
        <form
          className="speaker-merge"
          onSubmit={merge}
          aria-label={t('quotes.mergeInto', { name: group.name })}
        >
          <label htmlFor={mergeId}>{t('quotes.mergeLabel')}</label>
          <input
            id={mergeId}
            type="text"
            list={suggestionsId}
            value={target}
            maxLength={300}
            autoFocus
            onChange={(event) => setTarget(event.currentTarget.value)}
            onKeyDown={(event) => event.key === 'Escape' && setMerging(false)}
          />
          <button type="submit" className="button small" disabled={!target.trim()}>
            {t('quotes.mergeButton')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="button small speaker-merge-open"
          onClick={() => setMerging(true)}
        >
          {t('quotes.mergeLabel')}…
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
      <ol className="speaker-quotes">
        {shown.map((q) => (
          <li key={`${q.articleId}:${q.savedId ?? ''}:${q.start ?? ''}`} className="speaker-quote">
            <a
              href={hrefFor({ view: 'reader', id: q.articleId, at: q.start ?? undefined })}
              aria-description={t('quotes.openAt', { title: q.articleTitle })}
            >
              <q lang="id">{shortenQuote(q.quote)}</q>
            </a>
            <p className="muted speaker-quote-meta">
              <span className={`quote-badge${q.savedId ? ' is-saved' : ''}`}>
                {q.savedId ? t('quotes.savedBadge') : t('quotes.detectedBadge')}
              </span>{' '}
              {[
                q.kind === 'partial' && t('quotes.partial'),
                q.articleTitle,
                formatDate(q.date, i18n.language)
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </li>
        ))}
      </ol>
      {!all && group.count > FIRST_QUOTES && (
        <button type="button" className="button small" onClick={showAll}>
          {t('quotes.showAll', { count: group.count })}
        </button>
      )}
    </section>
  )
}
