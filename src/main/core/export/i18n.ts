import i18next, { type TFunction } from 'i18next'
import { DEFAULT_LABELS } from '../../../shared/annotations'
import { resources } from '../../../shared/i18n'
import type { Language } from '../../../shared/model'

/** Words and dates of an export in one language, from the same locale files as the UI. */
export interface ExportWords {
  language: Language
  t: TFunction
  /** A date (ISO date or date-time) as a reader of `language` writes it; its own day kept. */
  date: (iso: string | null | undefined) => string
  /** A label's words: default label keys translated, a reader's own labels as they are. */
  label: (key: string) => string
  color: (color: string) => string
}

/** The calendar day an ISO string names, read as written (no shift into another time zone). */
function dayOf(iso: string): Date | null {
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(iso)?.[1]
  const date = day ? new Date(`${day}T00:00:00Z`) : new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

/** An i18next instance of its own (never the UI's global one) for exports in `language`. */
export async function exportWords(language: Language): Promise<ExportWords> {
  const instance = i18next.createInstance()
  const t = await instance.init({
    resources,
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false
  })
  const defaults = new Set<string>(DEFAULT_LABELS)
  return {
    language,
    t,
    date: (iso) => {
      const date = iso ? dayOf(iso) : null
      if (!date) return iso ?? ''
      return t('export.dateValue', {
        date,
        formatParams: { date: { dateStyle: 'long', timeZone: 'UTC' } }
      })
    },
    label: (key) => (defaults.has(key) ? t(`export.labels.${key}`) : key),
    color: (color) => t(`export.colors.${color}`, { defaultValue: color })
  }
}
