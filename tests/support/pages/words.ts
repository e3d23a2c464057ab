import i18next from 'i18next'
import { languageFromLocale, resources } from '../../../src/shared/i18n'

/** The app's words in one language: a locale key (and its values) to the text a user sees. */
export type Words = (key: string, values?: Record<string, unknown>) => string

/** The app's address (without a route), for pages that open a view by its URL. */
export type AppHome = () => string

const made = new Map<string, Words>()

/**
 * The app's own locale files, through i18next as the app uses them: page objects find controls
 * by the names a reader of that language sees, so one page object serves both languages.
 */
export function wordsFor(locale: string | undefined): Words {
  const language = languageFromLocale(locale)
  let words = made.get(language)
  if (!words) {
    const i18n = i18next.createInstance()
    void i18n.init({
      resources,
      lng: language,
      initAsync: false,
      interpolation: { escapeValue: false }
    })
    words = (key, values) => {
      const text = i18n.t(key, values)
      if (text === key) throw new Error(`no words for ${key} in ${language}`)
      return text
    }
    made.set(language, words)
  }
  return words
}

/** `text` as a pattern matching it literally, for labels that carry more after it. */
export const startingWith = (text: string): RegExp => new RegExp(`^${escape(text)}`)

const COUNT = 7919
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A pattern for a text with values not known in advance (`wild`): "Orphans ({{count}})" with
 * `count` wild matches "Orphans (3)". With `open`, it also matches text that goes on after it.
 */
export function wordsLike(
  words: Words,
  key: string,
  wild: string[],
  options: { values?: Record<string, unknown>; open?: boolean } = {}
): RegExp {
  const tokens = Object.fromEntries(
    wild.map((name, i) => [name, name === 'count' ? COUNT : `⟦${i}⟧`])
  )
  const text = escape(words(key, { ...options.values, ...tokens }))
    .replace(/⟦\d+⟧/g, '.*?')
    .replace(String(COUNT), '\\d+')
  return new RegExp(`^${text}${options.open ? '' : '$'}`)
}
