import type { Language } from '../model'

/**
 * Locale files live in locales/<language>/<feature>.json, one file per feature so each
 * feature owns its words; they merge into one i18next namespace. The UI and the exports use
 * these same files. A test checks that every language has exactly the same keys.
 */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json', {
  eager: true
})

type Messages = Record<string, unknown>

function collect(language: Language): Messages {
  const messages: Messages = {}
  for (const [file, module] of Object.entries(files)) {
    if (file.startsWith(`./locales/${language}/`)) Object.assign(messages, module.default)
  }
  return messages
}

export const LANGUAGES: readonly Language[] = ['id', 'en']

/** The locale resources for i18next, the same for the UI and for exports. */
export const resources = {
  en: { translation: collect('en') },
  id: { translation: collect('id') }
}

/** Indonesian for `id` and Malay (`ms`) locales, English for everything else. */
export function languageFromLocale(locale: string | undefined | null): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0]
  return primary === 'id' || primary === 'in' || primary === 'ms' ? 'id' : 'en'
}
