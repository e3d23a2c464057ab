import type { Locator, Page } from '@playwright/test'
import { startingWith, wordsLike, type Words } from './words'

/** One detected quotation in the Quotes tab. */
export class QuoteItem {
  constructor(
    readonly root: Locator,
    private readonly words: Words
  ) {}

  /** The "✓ Saved" button of a quotation saved as a quote annotation. */
  get saved(): Locator {
    return this.root.getByRole('button', { name: new RegExp(this.words('quotes.saved')) })
  }

  async save(): Promise<void> {
    await this.root
      .getByRole('button', { name: wordsLike(this.words, 'quotes.saveNamed', ['quote']) })
      .click()
  }

  /** Opens the saved quote in the annotation panel. */
  async openSaved(): Promise<void> {
    await this.saved.click()
  }

  async confirmSpeaker(speaker: string): Promise<void> {
    await this.root
      .getByRole('button', { name: this.words('quotes.confirmNamed', { speaker }) })
      .click()
  }

  /** Names the speaker of a quotation that has none. */
  async addSpeaker(name: string): Promise<void> {
    await this.root.getByRole('button', { name: this.words('quotes.addSpeaker') }).click()
    await this.root.getByLabel(this.words('quotes.correctLabel')).fill(name)
    await this.root.getByRole('button', { name: this.words('quotes.saveSpeaker') }).click()
  }
}

/** The reader's Quotes tab: quotations in text order with their speakers. */
export class QuotesPanel {
  readonly tab: Locator
  readonly list: Locator
  readonly showTerms: Locator
  /** Any "Confirm … as the speaker" button left. */
  readonly confirmButtons: Locator
  /** The "Save as quote" buttons of quotations not saved yet, and the "✓ Saved" ones. */
  readonly saveButtons: Locator
  readonly savedButtons: Locator

  constructor(
    page: Page,
    private readonly words: Words
  ) {
    this.tab = page.getByRole('tab', { name: words('quotes.quotesTab') })
    this.list = page.getByRole('list', { name: words('quotes.listLabel') })
    this.showTerms = page.getByLabel(words('quotes.showTerms'))
    this.saveButtons = this.list.getByRole('button', {
      name: wordsLike(words, 'quotes.saveNamed', ['quote'])
    })
    this.savedButtons = this.list.getByRole('button', { name: new RegExp(words('quotes.saved')) })
    this.confirmButtons = page.getByRole('button', { name: startingWith(words('quotes.confirm')) })
  }

  async open(): Promise<void> {
    await this.tab.click()
  }

  /** The quotation whose row shows `text` (a pattern for where it must start). */
  quote(text: string | RegExp): QuoteItem {
    return new QuoteItem(this.list.getByRole('listitem').filter({ hasText: text }), this.words)
  }
}
