import './settings.css'
import { useEffect, useId, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '@shared/contract'
import type { Language, Settings, Theme } from '@shared/model'
import { api } from '@renderer/api'
import { systemLanguage } from '@renderer/i18n'
import { Label } from '@renderer/components/Gloss'
import { LANGUAGES, THEMES } from '@shared/enums'
import { BackupsSection } from './BackupsSection'
import { SyncSection } from './SyncSection'

interface Props {
  settings: Settings | null
  update: (change: Partial<Settings>) => Promise<void>
}

/** Interface language, theme and translated labels, saved as soon as they change; then backups. */
export function SettingsView({ settings, update }: Props): ReactElement {
  const { t } = useTranslation()
  const languageId = useId()
  const themeId = useId()
  const glossId = useId()
  const glossHint = useId()
  const [info, setInfo] = useState<AppInfo | null>(null)

  useEffect(() => {
    void api.call('app.info', {}).then((result) => result.ok && setInfo(result.value))
  }, [])

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <div className="field">
        <label htmlFor={languageId}>
          <Label k="settings.language" />
        </label>
        <select
          id={languageId}
          value={settings?.language ?? 'system'}
          disabled={!settings}
          onChange={(event) => {
            const value = event.currentTarget.value
            void update({ language: value === 'system' ? null : (value as Language) })
          }}
        >
          <option value="system">
            {t('settings.languageSystem', { language: t(`languages.${systemLanguage()}`) })}
          </option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`languages.${language}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={themeId}>
          <Label k="settings.theme" />
        </label>
        <select
          id={themeId}
          value={settings?.theme ?? 'system'}
          disabled={!settings}
          onChange={(event) => void update({ theme: event.currentTarget.value as Theme })}
        >
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(`settings.themes.${theme}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={glossId}>
          <Label k="settings.gloss" />
        </label>
        <select
          id={glossId}
          aria-describedby={glossHint}
          value={settings?.glossLanguage ?? 'none'}
          disabled={!settings}
          onChange={(event) => {
            const value = event.currentTarget.value
            void update({ glossLanguage: value === 'none' ? null : (value as Language) })
          }}
        >
          <option value="none">{t('settings.glossNone')}</option>
          {LANGUAGES.map((language) => (
            <option key={language} value={language} lang={language}>
              {t(`languages.${language}`)}
            </option>
          ))}
        </select>
        <p id={glossHint} className="muted">
          {t('settings.glossHint')}
        </p>
      </div>
      <BackupsSection />
      <SyncSection />
      {info && (
        <dl className="app-info">
          <dt>
            <Label k="settings.dataDir" />
          </dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
          <dt className="visually-hidden">
            <Label k="app.name" />
          </dt>
          <dd className="muted">{t('settings.version', { version: info.version })}</dd>
        </dl>
      )}
    </section>
  )
}
