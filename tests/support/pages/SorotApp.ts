import type { Locator, Page } from '@playwright/test'
import type { ServedApp } from '../serve'
import { LibraryApi } from './LibraryApi'
import { LibraryPage } from './LibraryPage'
import { ReaderPage } from './ReaderPage'
import { SettingsPage } from './SettingsPage'
import { SpeakersPage } from './SpeakersPage'
import { wordsFor, type Words } from './words'

/**
 * The app as a reader meets it in one page, in the page's language: the library, the reader,
 * the speakers and the settings, plus the served core's contract for setting up data.
 */
export class SorotApp {
  readonly words: Words
  readonly library: LibraryPage
  readonly reader: ReaderPage
  readonly speakers: SpeakersPage
  readonly settings: SettingsPage
  private readonly contract: LibraryApi | null
  readonly nav: Locator

  constructor(
    readonly page: Page,
    served: ServedApp | null,
    locale: string | undefined
  ) {
    this.words = wordsFor(locale)
    // Electron's window has no served address: its views are reached through the UI only.
    const home = (): string => {
      if (!served) throw new Error('this app is not served over HTTP: open views through the UI')
      return served.url
    }
    this.library = new LibraryPage(page, home, this.words)
    this.reader = new ReaderPage(page, home, this.words)
    this.speakers = new SpeakersPage(page, home, this.words)
    this.settings = new SettingsPage(page, home, this.words)
    this.contract = served && new LibraryApi(served)
    this.nav = page.getByRole('navigation')
  }

  /** The served core's contract, for setting up data beside the page. */
  get api(): LibraryApi {
    if (!this.contract) throw new Error('this app is not served over HTTP: it has no RPC contract')
    return this.contract
  }

  /** Goes to a main view through the navigation ("Library", "Speakers", "Settings"). */
  async navigate(view: 'nav.library' | 'quotes.speakersTitle' | 'nav.settings'): Promise<void> {
    await this.nav.getByRole('link', { name: this.words(view) }).click()
  }

  /** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
  async tabTo(target: Locator, { backwards = false } = {}): Promise<void> {
    for (let i = 0; i < 80; i++) {
      if (await target.evaluate((el) => el === el.ownerDocument.activeElement).catch(() => false))
        return
      await this.page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    }
    throw new Error(`Tab never reached ${target}`)
  }

  /** The translated glosses shown beside labels within `part` (all of them, or in one language). */
  glosses(part: Locator, lang?: string): Locator {
    return part.locator(lang ? `.gloss[lang="${lang}"]` : '.gloss')
  }

  /** The announcement region of the page, where imports and deletes report. */
  get status(): Locator {
    return this.page.getByRole('status')
  }
}
