import './quotes.css'
import { useEffect, useId, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { SpeakerGroup, SpeakerQuotation, SpeakersResponse } from '../../../../shared/model'
import { api } from '../../api'
import { formatDate, shortenQuote } from '../../format'
import { hrefFor } from '../../route'
import { Label } from '../../components/Gloss'

/** Quotations shown per speaker before "Show all". */
const FIRST_QUOTES = 5
/** Speakers drawn at a time: a big library has thousands. */
const SPEAKER_PAGE = 100
/** How soon to ask again while the core is still reading the library. */
const POLL_MS = 700
const SEARCH_DELAY_MS = 150

/** Asks the core for the speakers matching a query, again while it answers `partial`. */
function useSpeakers(query: string): { response: SpeakersResponse | null; error: string | null } {
  const [response, setResponse] = useState<SpeakersResponse | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    let timer: number | undefined
    const load = (): void =>
      void api.call('quotes.speakers', query ? { query } : {}).then((result) => {
        if (cancelled) return
        if (!result.ok) return setError(result.error.message)
        setError(null)
        setResponse(result.value)
        if (result.value.partial) timer = window.setTimeout(load, POLL_MS)
      })
    timer = window.setTimeout(load, query ? SEARCH_DELAY_MS : 0)
    const unsubscribe = api.subscribe((event) => {
      if (event.type === 'library.changed' || event.type === 'annotations.changed') {
        window.clearTimeout(timer)
        timer = window.setTimeout(load, SEARCH_DELAY_MS)
      }
    })
    return () => {
      cancelled = true
      window.clearTimeout(timer)
      unsubscribe()
    }
  }, [query])
  return { response, error }
}

function SpeakerSection({ group }: { group: SpeakerGroup }): ReactElement {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  // Every quotation of the speaker, fetched when asked for (an answer holds the newest few).
  const [all, setAll] = useState<SpeakerQuotation[] | null>(null)
  const shown = all ?? group.quotations.slice(0, FIRST_QUOTES)
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

/**
 * Everyone quoted across the library (#/speakers): a search box, then each person or
 * organisation with their saved and detected quotations, newest first; each opens the
 * article at the quotation.
 */
export function SpeakersView(): ReactElement {
  const { t } = useTranslation()
  const searchId = useId()
  const [query, setQuery] = useState('')
  const [limit, setLimit] = useState(SPEAKER_PAGE)
  const { response, error } = useSpeakers(query.trim())
  const speakers = response?.speakers ?? []
  return (
    <section className="speakers" aria-labelledby="speakers-title">
      <h1 id="speakers-title">{t('quotes.speakersTitle')}</h1>
      <p className="muted">{t('quotes.speakersIntro')}</p>
      <div className="field speakers-search">
        <label htmlFor={searchId}>
          <Label k="quotes.searchLabel" />
        </label>
        <input
          id={searchId}
          type="search"
          value={query}
          placeholder={t('quotes.searchPlaceholder')}
          onChange={(event) => {
            setQuery(event.currentTarget.value)
            setLimit(SPEAKER_PAGE)
          }}
        />
      </div>
      <div role="status" className="muted">
        {response?.partial && t('quotes.computing', { done: response.done, total: response.total })}
      </div>
      {error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
      {response && speakers.length === 0 && !response.partial && (
        <p className="muted">
          {query.trim() ? t('quotes.noMatch', { query: query.trim() }) : t('quotes.noSpeakers')}
        </p>
      )}
      {speakers.slice(0, limit).map((group) => (
        <SpeakerSection key={group.name} group={group} />
      ))}
      {speakers.length > limit && (
        <button
          type="button"
          className="button"
          onClick={() => setLimit((current) => current + SPEAKER_PAGE)}
        >
          {t('quotes.showMoreSpeakers')}
        </button>
      )}
    </section>
  )
}
