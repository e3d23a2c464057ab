/// <reference lib="dom" />
// The drop runs in the page: it needs the DOM types.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'
import type { Words } from './words'

/**
 * The ways into the library: the file and folder pickers, Paste…, From URL…, a drop on the
 * window, and the import's status line. `within` is the toolbar's or the welcome's part of
 * the page (both hold the same controls).
 */
export class ImportPanel {
  readonly status: Locator

  constructor(
    private readonly page: Page,
    private readonly within: Locator | Page,
    private readonly words: Words
  ) {
    this.status = page.getByRole('status')
  }

  /** The file picker, named for screen readers. */
  get filePicker(): Locator {
    return this.within.getByLabel(this.words('import.choose'))
  }

  get folderPicker(): Locator {
    return this.within.getByLabel(this.words('import.chooseFolder'))
  }

  get pasteButton(): Locator {
    return this.within.getByRole('button', { name: this.words('import.paste') })
  }

  get urlButton(): Locator {
    return this.within.getByRole('button', { name: this.words('import.url') })
  }

  /** The From URL dialog, open or not. */
  get urlDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.words('import.urlTitle') })
  }

  /** The Paste dialog, open or not. */
  get pasteDialog(): Locator {
    return this.page.getByRole('dialog', { name: this.words('import.pasteTitle') })
  }

  /** Chooses files in the file picker. */
  async importFile(...files: string[]): Promise<void> {
    await this.filePicker.setInputFiles(files)
  }

  /** Chooses a folder in the folder picker. */
  async importFolder(folder: string): Promise<void> {
    await this.folderPicker.setInputFiles(folder)
  }

  /** Pastes `text` into the Paste dialog and imports it; waits for the dialog to close. */
  async paste(text: string): Promise<void> {
    await this.pasteButton.click()
    await this.pasteDialog.getByLabel(this.words('import.pasteLabel')).fill(text)
    await this.pasteDialog.getByRole('button', { name: this.words('import.pasteSubmit') }).click()
    await expect(this.pasteDialog).toBeHidden()
  }

  /** Drops a file from disk onto the window, as the OS would hand it over. */
  async dropFile(file: string, name = path.basename(file)): Promise<void> {
    const text = readFileSync(file, 'utf8')
    await this.page.evaluate(
      ([content, fileName]) => {
        const transfer = new DataTransfer()
        transfer.items.add(new File([content], fileName, { type: 'text/plain' }))
        for (const type of ['dragenter', 'dragover', 'drop'])
          window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, cancelable: true }))
      },
      [text, name]
    )
  }
}
