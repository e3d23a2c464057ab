import { useCallback, useEffect, useId, useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { ChannelResult } from '@shared/contract'
import type { SyncIndicator, SyncStatus } from '@shared/model'
import { api } from '@renderer/api'

const POLL_MS = 1000

/** The indicator in words: synced, syncing, offline or error with the reason. */
function indicatorText(t: TFunction, indicator: SyncIndicator): string {
  if (indicator.state === 'offline' || indicator.state === 'error')
    return t(`sync.states.${indicator.state}`, { reason: indicator.reason })
  return t(`sync.states.${indicator.state}`)
}

/**
 * Settings → Sinkronisasi: the server, database, user, password and passphrase (held in memory
 * by the core, never written to sync.json), start, pause and resume, "stop syncing this
 * library", the indicator and a log of the last syncs.
 */
export function SyncSection(): ReactElement {
  const { t } = useTranslation()
  const id = useId()
  const [status, setStatus] = useState<SyncStatus | null>(null)
  const [form, setForm] = useState({
    url: '',
    database: '',
    user: '',
    password: '',
    passphrase: '',
    author: ''
  })
  const [problem, setProblem] = useState<string | null>(null)

  const apply = useCallback((result: ChannelResult<'sync.status'>): void => {
    if (result.ok) {
      setStatus(result.value)
      setProblem(null)
    } else setProblem(result.error.message)
  }, [])

  useEffect(() => {
    const refresh = (): void => void api.call('sync.status', {}).then(apply)
    refresh()
    const timer = setInterval(refresh, POLL_MS)
    return () => clearInterval(timer)
  }, [apply])

  const start = (event: FormEvent): void => {
    event.preventDefault()
    const optional = (value: string): string | null => (value.trim() ? value : null)
    void api
      .call('sync.start', {
        url: form.url.trim(),
        database: form.database.trim(),
        user: optional(form.user),
        password: optional(form.password),
        passphrase: optional(form.passphrase),
        author: optional(form.author)
      })
      .then(apply)
  }

  const field = (name: keyof typeof form, type = 'text'): ReactElement => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{t(`sync.${name}`)}</label>
      <input
        id={`${id}-${name}`}
        type={type}
        autoComplete="off"
        value={form[name]}
        onChange={(event) => setForm({ ...form, [name]: event.target.value })}
      />
    </div>
  )

  const state = status?.indicator.state ?? 'off'
  return (
    <section className="sync-settings" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('sync.title')}</h2>
      <p className="muted">{t('sync.intro')}</p>
      <p role="status" className={`sync-indicator sync-${state}`}>
        {status ? indicatorText(t, status.indicator) : ''}
      </p>
      {problem && <p role="alert">{problem}</p>}
      <form onSubmit={start}>
        {field('url', 'url')}
        {field('database')}
        {field('user')}
        {field('password', 'password')}
        {field('passphrase', 'password')}
        {field('author')}
        <button type="submit" className="button">
          {t('sync.start')}
        </button>
      </form>
      {state !== 'off' && (
        <div className="sync-controls">
          {state === 'paused' ? (
            <button
              type="button"
              className="button"
              onClick={() => void api.call('sync.resume', {}).then(apply)}
            >
              {t('sync.resume')}
            </button>
          ) : (
            <button
              type="button"
              className="button"
              onClick={() => void api.call('sync.pause', {}).then(apply)}
            >
              {t('sync.pause')}
            </button>
          )}
          <button
            type="button"
            className="button"
            onClick={() => void api.call('sync.stop', {}).then(apply)}
          >
            {t('sync.stop')}
          </button>
          <p className="muted">{t('sync.stopHint')}</p>
        </div>
      )}
      <h3>{t('sync.log')}</h3>
      {status && status.log.length > 0 ? (
        <ul className="sync-log">
          {status.log.map((entry) => (
            <li key={entry.at} className={entry.ok ? 'ok' : 'failed'}>
              <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time> {entry.message}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('sync.logEmpty')}</p>
      )}
    </section>
  )
}
