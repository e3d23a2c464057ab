import type { Locator, Page } from '@playwright/test'
import type { Words } from './words'

/** The reader's find bar (Ctrl+F): a search box, a match count, previous and next. */
export class FindBar {
  readonly root: Locator
  readonly box: Locator

  constructor(
    private readonly page: Page,
    private readonly words: Words
  ) {
    this.root = page.getByRole('search', { name: words('reader.find.title') })
    this.box = this.root.getByRole('searchbox')
  }

  async type(text: string): Promise<void> {
    await this.page.keyboard.type(text)
  }

  async previous(): Promise<void> {
    await this.root.getByRole('button', { name: this.words('reader.find.previous') }).click()
  }

  async next(): Promise<void> {
    await this.root.getByRole('button', { name: this.words('reader.find.next') }).click()
  }
}
