import './quotes.css'
import { useId, useMemo, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { Annotation, ArticleQuotation } from '@shared/model'
import { api } from '@renderer/api'
import { Label } from '@renderer/components/Gloss'
import { shortenQuote } from '@renderer/format'
import { needsCheck, SpeakerCheck } from './SpeakerCheck'
import { useLive } from '@renderer/state/use-live'

interface Props {
  articleId: string
  /** The article version shown: a new one is asked for again. */
  version: number
  /** The live annotations: when a quote is saved or deleted, `savedId` is asked for again. */
  annotations: readonly Annotation[]
  onJump: (quotation: ArticleQuotation) => void
  onSave: (quotation: ArticleQuotation) => void
  onOpenSaved: (annotationId: string) => void
}

/** A key that changes only when the saved quotes change (not on every colour or note edit). */
const savedKey = (annotations: readonly Annotation[]): string =>
  annotations
    .filter((a) => a.kind === 'quote' && !a.id.startsWith('pending-'))
    .map((a) => `${a.id}:${a.target?.selectors[0].start}:${a.target?.selectors[0].end}`)
    .join('|')

/** The library's speaker names and aliases, asked for once some quotation needs a check. */
function useKnownSpeakers(wanted: boolean): string[] {
  const { response } = useLive(() => api.call('speakers.list', {}), 'speakers', { skip: !wanted })
  return useMemo(
    () => (response?.speakers ?? []).flatMap((s) => [s.name, ...s.aliases]),
    [response]
  )
}

/**
 * The quotations detected in the article (from the core's cached `quotes.list`), each with its
 * speaker: click to go there, one click to save it as a quote annotation. Terms (names and
 * scare quotes in quote marks) are hidden unless asked for.
 */
export function QuotesPanel({
  articleId,
  version,
  annotations,
  onJump,
  onSave,
  onOpenSaved
}: Props): ReactElement {
  const { t } = useTranslation()
  const termsId = useId()
  const [showTerms, setShowTerms] = useState(false)
  const [reloads, setReloads] = useState(0)
  const suggestionsId = useId()
  // Asked again for a new version, when a quote is saved or deleted, and after a correction.
  const { response, error } = useLive(
    () => api.call('quotes.list', { articleId }),
    `${articleId}@${version}|${savedKey(annotations)}|${reloads}`
  )
  const quotations = response?.quotations ?? null
  const known = useKnownSpeakers(quotations !== null && quotations.some(needsCheck))

  const shown = (quotations ?? []).filter((q) => showTerms || q.kind !== 'term')
  return (
    <section className="quotes-panel" aria-labelledby="quotes-panel-title">
      <div className="panel-header">
        <h2 id="quotes-panel-title" className="panel-title">
          {t('quotes.panelTitle', { count: shown.length })}
        </h2>
      </div>
      <div className="quotes-terms">
        <input
          id={termsId}
          type="checkbox"
          checked={showTerms}
          onChange={(event) => setShowTerms(event.currentTarget.checked)}
        />
        <label htmlFor={termsId}>
          <Label k="quotes.showTerms" />
        </label>
      </div>
      {error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
      {quotations === null && !error && <p className="muted panel-empty">{t('quotes.loading')}</p>}
      {quotations !== null && shown.length === 0 && (
        <p className="muted panel-empty">{t('quotes.empty')}</p>
      )}
      {shown.length > 0 && (
        <ol className="quote-list" aria-label={t('quotes.listLabel')}>
          {shown.map((q) => {
            const text = shortenQuote(q.quote)
            return (
              <li key={`${q.start}:${q.end}`} className={`quote-item quote-${q.kind}`}>
                <button
                  type="button"
                  className="link-button quote-text"
                  lang="id"
                  onClick={() => onJump(q)}
                  aria-label={t('quotes.jumpTo', { quote: text })}
                >
                  <q>{text}</q>
                </button>
                <SpeakerCheck
                  articleId={articleId}
                  quotation={q}
                  suggestionsId={suggestionsId}
                  onChanged={() => setReloads((n) => n + 1)}
                />
                <div className="quote-actions">
                  {q.savedId ? (
                    <button
                      type="button"
                      className="button small is-saved"
                      onClick={() => onOpenSaved(q.savedId as string)}
                      title={t('quotes.openSaved')}
                    >
                      ✓ {t('quotes.saved')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button small"
                      onClick={() => onSave(q)}
                      aria-label={t('quotes.saveNamed', { quote: text.slice(0, 40) })}
                    >
                      {t('quotes.save')}
                    </button>
                  )}
                </div>
              </li>
            )
          })}
        </ol>
      )}
      <datalist id={suggestionsId}>
        {known.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </section>
  )
}
