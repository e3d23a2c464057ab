import { downloadedText } from '../support/pages/ExportDialog'
import { SorotApp } from '../support/pages/SorotApp'
import { SEED } from '../support/paths'
import { expect, servePerTest, test } from '../support/test'

const served = servePerTest()
test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

test('keyboard only: import, open, select, highlight, note, export', async ({ page, locale }) => {
  const app = new SorotApp(page, served(), locale)
  const { library, reader } = app
  await library.goto()

  // Import: the file picker opened with the keyboard.
  await app.tabTo(library.imports.filePicker)
  const chooser = page.waitForEvent('filechooser')
  await page.keyboard.press('Space')
  await (await chooser).setFiles(SEED)
  const row = library.row(/Kerja sama antara badan intelijen/)
  await expect(row).toBeVisible()

  // Open the article.
  await app.tabTo(row)
  await page.keyboard.press('Enter')
  await expect(reader.heading(/Kerja sama antara/)).toBeVisible()

  // Select the first words with Shift+arrows and highlight them with h.
  await app.tabTo(reader.body)
  await reader.selectWords(3, { focus: false })
  await page.keyboard.press('h')
  await expect(reader.marks.first()).toHaveText(/Kerja sama/)

  // n: a note on the selection's highlight, typed and saved with the keyboard.
  await reader.selectWords(2, { focus: false })
  await page.keyboard.press('n')
  const note = page.getByRole('textbox', { name: /note/i }).first()
  await expect(note).toBeFocused()
  await page.keyboard.type('Kutipan **penting** dari KTT')
  await app.tabTo(page.getByRole('button', { name: /^Save note/ }).first())
  await page.keyboard.press('Enter')
  await expect(reader.annotations.items.filter({ hasText: 'penting' })).toHaveCount(1)

  // Export the article as Markdown with the keyboard; the download is the real file.
  await app.tabTo(page.getByRole('button', { name: 'Export…' }), { backwards: true })
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog')
  await expect(dialog).toBeVisible()
  await app.tabTo(reader.exportDialog.saveButton)
  const download = page.waitForEvent('download')
  await page.keyboard.press('Enter')
  const text = await downloadedText(await download)
  expect(text).toMatch(/^---\n/)
  expect(text).toContain('Kutipan **penting** dari KTT')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})
