import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { languageFromLocale, resources } from '@shared/i18n'
import type { Language } from '@shared/model'

/** The system language, as the browser or Electron reports it. */
export const systemLanguage = (): Language => languageFromLocale(navigator.language)

/**
 * Starts i18next in the system language; settings may switch it once they load. The locale
 * files are bundled, so it is ready at once and React need not wait for it.
 */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: systemLanguage(),
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false
  })
  document.documentElement.lang = i18next.language
  i18next.on('languageChanged', (lng) => (document.documentElement.lang = lng))
  return i18next
}
