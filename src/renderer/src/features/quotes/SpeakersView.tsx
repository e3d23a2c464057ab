import './quotes.css'
import { useId, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { SpeakerSummaries, SpeakersResponse } from '@shared/model'
import { api } from '@renderer/api'
import { Label } from '@renderer/components/Gloss'
import { SpeakerCharts } from './SpeakerCharts'
import { SpeakerSection } from './SpeakerSection'
import { useLive } from '@renderer/state/use-live'

/** Speakers drawn at a time: a big library has thousands. */
const SPEAKER_PAGE = 100
/** A pause in typing before the search is asked for. */
const SEARCH_DELAY_MS = 150

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
    { delay: wanted ? SEARCH_DELAY_MS : 0, followChanges: true }
  )
  const { response: summaries } = useLive<SpeakerSummaries>(
    () => api.call('speakers.list', {}),
    'all',
    { followChanges: true }
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
