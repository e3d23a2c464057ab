import { readFileSync } from 'node:fs'
import type { Download, Locator, Page } from '@playwright/test'
import type { Words } from './words'

/** The Export notes dialog: format, scope, Save… and Copy, and what it says it did. */
export class ExportDialog {
  readonly root: Locator
  readonly format: Locator
  readonly status: Locator
  readonly saveButton: Locator

  constructor(
    private readonly page: Page,
    private readonly words: Words
  ) {
    this.root = page.getByRole('dialog', { name: words('export.dialog.title') })
    this.format = this.root.getByLabel(words('export.dialog.format'))
    this.status = this.root.getByRole('status')
    this.saveButton = this.root.getByRole('button', { name: words('export.dialog.save') })
  }

  /** A scope or option by its label ("This article", "One file per article", …). */
  option(label: string): Locator {
    return this.root.getByLabel(label)
  }

  async chooseFormat(format: string): Promise<void> {
    await this.format.selectOption(format)
  }

  /** Presses Save… and returns the browser's download of the file. */
  async save(): Promise<Download> {
    const downloading = this.page.waitForEvent('download')
    await this.saveButton.click()
    return downloading
  }

  async copy(): Promise<void> {
    await this.root.getByRole('button', { name: this.words('export.dialog.copy') }).click()
  }
}

/** The text of a downloaded file. */
export async function downloadedText(download: Download): Promise<string> {
  return readFileSync((await download.path())!, 'utf8')
}
