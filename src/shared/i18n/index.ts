import type { Language } from '../model'
import enAnnotations from './locales/en/annotations.json'
import enApp from './locales/en/app.json'
import enDesktop from './locales/en/desktop.json'
import enExport from './locales/en/export.json'
import enLibrary from './locales/en/library.json'
import enQuotes from './locales/en/quotes.json'
import enReader from './locales/en/reader.json'
import enSearch from './locales/en/search.json'
import enSettings from './locales/en/settings.json'
import enSync from './locales/en/sync.json'
import idAnnotations from './locales/id/annotations.json'
import idApp from './locales/id/app.json'
import idDesktop from './locales/id/desktop.json'
import idExport from './locales/id/export.json'
import idLibrary from './locales/id/library.json'
import idQuotes from './locales/id/quotes.json'
import idReader from './locales/id/reader.json'
import idSearch from './locales/id/search.json'
import idSettings from './locales/id/settings.json'
import idSync from './locales/id/sync.json'

/**
 * Locale files live in locales/<language>/<feature>.json, one file per feature so each
 * feature owns its words; they merge into one i18next namespace. The UI and the exports use
 * these same files. They are imported by name (not globbed) so plain Node tools (tsx, the CLI)
 * load them too; a test checks that every file on disk is listed here, that no two files
 * define the same top-level key, and that every language has exactly the same keys.
 */
export const localeFiles = {
  en: {
    annotations: enAnnotations,
    app: enApp,
    desktop: enDesktop,
    export: enExport,
    library: enLibrary,
    quotes: enQuotes,
    reader: enReader,
    search: enSearch,
    settings: enSettings,
    sync: enSync
  },
  id: {
    annotations: idAnnotations,
    app: idApp,
    desktop: idDesktop,
    export: idExport,
    library: idLibrary,
    quotes: idQuotes,
    reader: idReader,
    search: idSearch,
    settings: idSettings,
    sync: idSync
  }
} satisfies Record<Language, Record<string, Record<string, unknown>>>

type Messages = Record<string, unknown>

const collect = (language: Language): Messages =>
  Object.assign({}, ...Object.values(localeFiles[language])) as Messages

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
