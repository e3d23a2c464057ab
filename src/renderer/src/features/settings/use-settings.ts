import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings } from '@shared/model'
import { api } from '@renderer/api'
import { systemLanguage } from '@renderer/i18n'
import { createStore, useStore } from '@renderer/state/store'

/** The reader's settings, one copy for the whole app; null until the core has answered. */
const settingsStore = createStore<{ settings: Settings | null }>({ settings: null })
let listening = false

/** Asks the core once, and follows its changes from then on (another window, the CLI). */
function startSettings(): void {
  if (listening) return
  listening = true
  void api.call('settings.get', {}).then((result) => {
    if (result.ok) settingsStore.set({ settings: result.value })
  })
  api.subscribe((event) => {
    if (event.type === 'settings.changed') settingsStore.set({ settings: event.settings })
  })
}

async function updateSettings(change: Partial<Settings>): Promise<void> {
  const result = await api.call('settings.set', change)
  if (result.ok) settingsStore.set({ settings: result.value })
}

/** The reader's settings, applied live: UI language and theme. */
export function useSettings(): {
  settings: Settings | null
  update: (change: Partial<Settings>) => Promise<void>
} {
  const { i18n } = useTranslation()
  const { settings } = useStore(settingsStore)
  useEffect(startSettings, [])

  useEffect(() => {
    if (!settings) return
    // Changing to the language already in use would still re-render every translated text.
    const language = settings.language ?? systemLanguage()
    if (language !== i18n.language) void i18n.changeLanguage(language)
    document.documentElement.dataset.theme = settings.theme
  }, [settings, i18n])

  return { settings, update: updateSettings }
}
