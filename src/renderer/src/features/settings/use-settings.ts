import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings } from '@shared/model'
import { api } from '@renderer/api'
import { systemLanguage } from '@renderer/i18n'

/** The reader's settings, applied live: UI language and theme. */
export function useSettings(): {
  settings: Settings | null
  update: (change: Partial<Settings>) => Promise<void>
} {
  const { i18n } = useTranslation()
  const [settings, setSettings] = useState<Settings | null>(null)

  useEffect(() => {
    void api.call('settings.get', {}).then((result) => result.ok && setSettings(result.value))
    return api.subscribe((event) => {
      if (event.type === 'settings.changed') setSettings(event.settings)
    })
  }, [])

  useEffect(() => {
    if (!settings) return
    // Changing to the language already in use would still re-render every translated text.
    const language = settings.language ?? systemLanguage()
    if (language !== i18n.language) void i18n.changeLanguage(language)
    document.documentElement.dataset.theme = settings.theme
  }, [settings, i18n])

  const update = async (change: Partial<Settings>): Promise<void> => {
    const result = await api.call('settings.set', change)
    if (result.ok) setSettings(result.value)
  }
  return { settings, update }
}
