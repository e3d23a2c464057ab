/** The reader's settings and the ranges they may take. */
import type { Language, Theme } from '../enums'

export interface Settings {
  /** null until the reader picks one: the UI then follows the system language. */
  language: Language | null
  theme: Theme
  /** Reading text size in CSS pixels. */
  fontSize: number
  /** Reading line height, a multiple of the font size. */
  lineHeight: number
  /** Reading column width in characters (CSS `ch`). */
  measure: number
  /** Optional translated labels: each UI and highlight label also shown in this language. */
  glossLanguage: Language | null
}

export const defaultSettings: Settings = {
  language: null,
  theme: 'system',
  fontSize: 19,
  lineHeight: 1.7,
  measure: 68,
  glossLanguage: null
}

/** The ranges the reader settings may take (the UI's sliders and the zod schemas use them). */
export const READER_LIMITS = {
  fontSize: { min: 14, max: 28, step: 1 },
  lineHeight: { min: 1.3, max: 2.2, step: 0.1 },
  measure: { min: 45, max: 90, step: 1 }
} as const
