import type { Language } from '../model'
import en from './en.json'
import id from './id.json'

/** The locale resources for i18next, the same for the UI and for exports. */
export const resources = {
  en: { translation: en },
  id: { translation: id }
} as const

export const LANGUAGES: readonly Language[] = ['id', 'en']

/** Indonesian for `id` and Malay (`ms`) locales, English for everything else. */
export function languageFromLocale(locale: string | undefined | null): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0]
  return primary === 'id' || primary === 'in' || primary === 'ms' ? 'id' : 'en'
}
