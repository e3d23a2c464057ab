import i18next, { type TFunction } from 'i18next'
import { languageFromLocale, resources } from '../shared/i18n'
import type { Language } from '../shared/model'

/**
 * The words of the app's menus and native dialogs, from the same locale files as the page, in
 * the reader's chosen language or else the OS language. An i18next instance of its own, so
 * switching it never touches another.
 */
export class DesktopWords {
  readonly #instance = i18next.createInstance()
  #t: TFunction = ((key: string) => key) as TFunction

  /** Loads the words in `chosen`, or in the language of the OS `locale` when none is chosen. */
  async use(chosen: Language | null, locale: string): Promise<void> {
    const language = chosen ?? languageFromLocale(locale)
    if (!this.#instance.isInitialized) {
      this.#t = await this.#instance.init({
        resources,
        lng: language,
        fallbackLng: 'en',
        interpolation: { escapeValue: false },
        returnNull: false
      })
    } else if (this.#instance.language !== language) {
      this.#t = await this.#instance.changeLanguage(language)
    }
  }

  get t(): TFunction {
    return this.#t
  }
}
