/// <reference lib="dom" />
import type { Locator, Page } from '@playwright/test'
import { SEED } from '../support/paths'
import { expect, servePerTest, test } from '../support/test'

const served = servePerTest()
test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

/** Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would. */
async function tabTo(page: Page, target: Locator, backwards = false): Promise<void> {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tab never reached ${target}`)
}

test('keyboard only: import, open, select, highlight, note, export', async ({ page }) => {
  await page.goto(served().url)
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()

  // Import: the file picker opened with the keyboard.
  await tabTo(page, page.getByLabel('Choose article files to import'))
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Space')
  await (await chooser).setFiles(SEED)
  const row = page.getByRole('link', { name: /Kerja sama antara badan intelijen/ })
  await expect(row).toBeVisible()

  // Open the article.
  await tabTo(page, row)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: /Kerja sama antara/ })).toBeVisible()

  // Select the first words with Shift+arrows and highlight them with h.
  const body = page.locator('.article-body')
  await tabTo(page, body)
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight')
  await page.keyboard.press('h')
  const mark = page.locator('.article-body mark').first()
  await expect(mark).toHaveText(/Kerja sama/)

  // n: a note on the selection's highlight, typed and saved with the keyboard.
  for (let i = 0; i < 2; i++) await page.keyboard.press('Shift+Control+ArrowRight')
  await page.keyboard.press('n')
  const note = page.getByRole('textbox', { name: /note/i }).first()
  await expect(note).toBeFocused()
  await page.keyboard.type('Kutipan **penting** dari KTT')
  await tabTo(page, page.getByRole('button', { name: /^Save note/ }).first())
  await page.keyboard.press('Enter')
  await expect(page.locator('.annotation-item').filter({ hasText: 'penting' })).toHaveCount(1)

  // Export the article as Markdown with the keyboard; the download is the real file.
  await tabTo(page, page.getByRole('button', { name: 'Export…' }), true)
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await tabTo(page, dialog.getByRole('button', { name: 'Save…' }))
  const download = page.waitForEvent('download')
  await page.keyboard.press('Enter')
  const file = await (await download).path()
  const text = await import('node:fs').then((fs) => fs.readFileSync(file, 'utf8'))
  expect(text).toMatch(/^---\n/)
  expect(text).toContain('Kutipan **penting** dari KTT')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})
