import './quotes.css'
import { useEffect, useId, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { SpeakerSummaries, SpeakersResponse } from '@shared/model'
import type { Result } from '@shared/result'
import { api } from '@renderer/api'
import { Label } from '@renderer/components/Gloss'
import { SpeakerCharts } from './SpeakerCharts'
import { SpeakerSection } from './SpeakerSection'
/** Speakers drawn at a time: a big library has thousands. */
const SPEAKER_PAGE = 100
/** How soon to ask again while the core is still reading the library. */
const POLL_MS = 700
const SEARCH_DELAY_MS = 150

/**
 * Asks the core with `ask`, again while it answers `partial` (articles still being read) and
 * after the library or its annotations change.
 */
function useLive<T extends { partial: boolean }>(
  ask: () => Promise<Result<T>>,
  key: string,
  delay: number
): { response: T | null; error: string | null } {
  const [response, setResponse] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    let timer: number | undefined
    const load = (): void =>
      void ask().then((result) => {
        if (cancelled) return
        if (!result.ok) return setError(result.error.message)
        setError(null)
        setResponse(result.value)
        if (result.value.partial) timer = window.setTimeout(load, POLL_MS)
      })
    timer = window.setTimeout(load, delay)
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
    // `ask` is made from `key` on every render: the key says when it changed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, delay])
  return { response, error }
}

/**
 * Everyone quoted across the library (#/speakers): a search box, then each person or
 * organisation with their saved and detected quotations, newest first; each opens the
 * article at the quotation.
 */
export function SpeakersView(): ReactElement {
  const { t } = useTranslation()
  const searchId = useId()
  const suggestionsId = useId()
  const [query, setQuery] = useState('')
  const [limit, setLimit] = useState(SPEAKER_PAGE)
  const [selected, setSelected] = useState<string | null>(null)
  const [notice, setNotice] = useState('')
  const wanted = query.trim()
  const { response, error } = useLive<SpeakersResponse>(
    () => api.call('quotes.speakers', wanted ? { query: wanted } : {}),
    wanted,
    wanted ? SEARCH_DELAY_MS : 0
  )
  const { response: summaries } = useLive<SpeakerSummaries>(
    () => api.call('speakers.list', {}),
    'all',
    0
  )
  const speakers = response?.speakers ?? []
  const open = (name: string): void => {
    setSelected(name)
    setQuery(name)
    setLimit(SPEAKER_PAGE)
  }
  return (
    <section className="speakers" aria-labelledby="speakers-title">
      <h1 id="speakers-title">{t('quotes.speakersTitle')}</h1>
      <p className="muted">{t('quotes.speakersIntro')}</p>
      <div className="speakers-layout">
        <div className="speakers-list">
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
            {response?.partial &&
              t('quotes.computing', { done: response.done, total: response.total })}
            {notice}
          </div>
          {error && (
            <p className="error" role="alert">
              {t('errors.generic', { message: error })}
            </p>
          )}
          {response && speakers.length === 0 && !response.partial && (
            <p className="muted">
              {wanted ? t('quotes.noMatch', { query: wanted }) : t('quotes.noSpeakers')}
            </p>
          )}
          {speakers.slice(0, limit).map((group) => (
            <SpeakerSection
              key={group.name}
              group={group}
              suggestionsId={suggestionsId}
              onChanged={setNotice}
            />
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
        </div>
        {summaries && summaries.speakers.length > 0 && (
          <aside className="speakers-aside">
            <SpeakerCharts speakers={summaries.speakers} selected={selected} onOpen={open} />
          </aside>
        )}
      </div>
      <datalist id={suggestionsId}>
        {(summaries?.speakers ?? []).map((s) => (
          <option key={s.name} value={s.name} />
        ))}
      </datalist>
    </section>
  )
}
