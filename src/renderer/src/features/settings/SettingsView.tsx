import './settings.css'
import { useEffect, useId, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppInfo } from '../../../../shared/contract'
import { LANGUAGES } from '../../../../shared/i18n'
import type { Language, Settings, Theme } from '../../../../shared/model'
import { api } from '../../api'
import { systemLanguage } from '../../i18n'
import { BackupsSection } from './BackupsSection'

const THEMES: Theme[] = ['system', 'light', 'dark', 'sepia']

interface Props {
  settings: Settings | null
  update: (change: Partial<Settings>) => Promise<void>
}

/** Interface language and theme, saved as soon as they change; then backups. */
export function SettingsView({ settings, update }: Props): ReactElement {
  const { t } = useTranslation()
  const languageId = useId()
  const themeId = useId()
  const [info, setInfo] = useState<AppInfo | null>(null)

  useEffect(() => {
    void api.call('app.info', {}).then((result) => result.ok && setInfo(result.value))
  }, [])

  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <div className="field">
        <label htmlFor={languageId}>{t('settings.language')}</label>
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
        <label htmlFor={themeId}>{t('settings.theme')}</label>
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
      <BackupsSection />
      {info && (
        <dl className="app-info">
          <dt>{t('settings.dataDir')}</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
          <dt className="visually-hidden">{t('app.name')}</dt>
          <dd className="muted">{t('settings.version', { version: info.version })}</dd>
        </dl>
      )}
    </section>
  )
}
