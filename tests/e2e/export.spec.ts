/// <reference lib="dom" />
// page.evaluate bodies run in the page: they need the DOM types.
import path from 'node:path'
import type { Download, Page } from '@playwright/test'
import YAML from 'yaml'
import { downloadedText } from '../support/pages/ExportDialog'
import { SorotApp } from '../support/pages/SorotApp'
import { expect, servePerTest, test } from '../support/test'
import { SEED } from '../support/paths'
import { tempDataDir } from '../support/serve'

const served = servePerTest()

test.use({ locale: 'en-US' })

const QUOTE = 'CSTO menyatukan enam negara bekas Soviet'
const NOTE = 'Catatan: "enam negara", koma, dan é.'
const SEED_TITLE = /Kerja sama antara badan intelijen/

/**
 * The library with the seed article dropped on the window, as a reader would, and a green
 * highlight with a note on QUOTE made through the contract.
 */
async function seedWithHighlight(
  page: Page,
  locale: string | undefined
): Promise<[SorotApp, string, { id: string }]> {
  const app = new SorotApp(page, served(), locale)
  await app.library.goto()
  await app.library.imports.dropFile(SEED)
  await expect(app.library.row(SEED_TITLE)).toBeVisible()
  const [article] = await app.api.articles()
  const made = await app.api.highlight(article.id, QUOTE, {
    color: 'green',
    labels: ['fact'],
    note: NOTE
  })
  return [app, article.id, made]
}

test('exports an article as Markdown through Save… and copies JSON-LD to the clipboard', async ({
  page,
  context,
  locale
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: served().origin
  })
  const [{ library, reader }] = await seedWithHighlight(page, locale)
  await library.openArticle(SEED_TITLE)
  const dialog = await reader.openExport()
  await expect(dialog.format).toHaveValue('md')
  await expect(dialog.option('This article')).toBeChecked()

  const download = await dialog.save()
  expect(download.suggestedFilename()).toMatch(/^sorot-.+\.md$/)
  const markdown = await downloadedText(download)
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown)
  expect(match, 'front matter').not.toBeNull()
  const fields = YAML.parse(match![1]) as Record<string, unknown>
  expect(String(fields.title)).toMatch(SEED_TITLE)
  expect(match![2]).toContain(QUOTE)
  expect(match![2]).toContain('enam negara')
  await expect(dialog.status).toHaveText(`Saved ${download.suggestedFilename()}.`)

  await dialog.chooseFormat('jsonld')
  await dialog.copy()
  await expect(dialog.status).toHaveText('Copied to the clipboard.')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  const collection = JSON.parse(copied) as {
    type: string
    first: { items: Array<{ target: { selector: Array<{ type: string; exact?: string }> } }> }
  }
  expect(collection.type).toBe('AnnotationCollection')
  const quotes = collection.first.items.flatMap((item) =>
    item.target.selector.filter((s) => s.type === 'TextQuoteSelector').map((s) => s.exact)
  )
  expect(quotes).toEqual([QUOTE])
})

test('the library exports the selected articles from its selection bar', async ({
  page,
  locale
}) => {
  const [{ library, reader }] = await seedWithHighlight(page, locale)
  await library.checkbox(SEED_TITLE).check()
  await library.selection.export()
  const dialog = reader.exportDialog
  await expect(dialog.option('The selected article')).toBeChecked()
  await dialog.chooseFormat('html')
  const html = await downloadedText(await dialog.save())
  // The printable copy: the article text with the highlight marked in its colour, no script.
  const marks = await page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html')
    return {
      // The attribute as written: the app page's own CSP keeps inline styles from applying here.
      marks: [...doc.querySelectorAll('mark')].map((m) => [m.textContent, m.getAttribute('style')]),
      scripts: doc.querySelectorAll('script').length
    }
  }, html)
  expect(marks).toEqual({ marks: [[QUOTE, 'background-color: #b9f6ca']], scripts: 0 })
})

test('a split Markdown export of the library downloads one note per article', async ({
  page,
  locale
}) => {
  const [{ library, reader }] = await seedWithHighlight(page, locale)
  await library.imports.paste(
    'Banjir Rob di Pesisir Utara\n\nAir laut pasang merendam permukiman warga.'
  )
  await expect(library.row(/Banjir Rob di Pesisir Utara/)).toBeVisible()

  const downloads: Download[] = []
  page.on('download', (download) => downloads.push(download))
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = reader.exportDialog
  await dialog.option('One file per article').check()
  await dialog.saveButton.click()
  await expect.poll(() => downloads.length).toBe(2)
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual([
    'Banjir Rob di Pesisir Utara.md',
    expect.stringMatching(/^Kerja sama antara badan intelijen.*\.md$/)
  ])
  await expect(dialog.status).toContainText('Saved 2 files:')
  const notes = await Promise.all(downloads.map(downloadedText))
  const seedNote = notes.find((note) => note.includes(QUOTE))!
  const fields = YAML.parse(/^---\n([\s\S]*?)\n---\n/.exec(seedNote)![1]) as { title: string }
  expect(fields.title).toMatch(SEED_TITLE)
})

test('settings: backs up the library, restores from the file and from a snapshot, with a report', async ({
  page,
  locale
}) => {
  const [app, articleId, made] = await seedWithHighlight(page, locale)
  const { backups } = app.settings
  await app.navigate('nav.settings')
  await expect(backups.noSnapshots).toBeVisible()

  const download = await backups.backUp()
  expect(download.suggestedFilename()).toMatch(/^sorot-backup-\d{4}-\d{2}-\d{2}\.json$/)
  await expect(backups.status).toHaveText(`Backup saved: ${download.suggestedFilename()}.`)
  const file = path.join(tempDataDir('sorot-backup-'), download.suggestedFilename())
  await download.saveAs(file)

  // A newer edit after the backup: the restore must keep it and say so.
  await new Promise((resolve) => setTimeout(resolve, 10))
  await app.api.call('annotations.update', { articleId, id: made.id, note: 'Lebih baru.' })
  await backups.chooseBackupFile(file)
  await expect(backups.confirm).toContainText(
    `Restore the backup file ${download.suggestedFilename()}?`
  )
  await backups.confirmRestore()
  await expect(backups.report).toContainText('Kept as it is in the library (1):')
  await expect(backups.report.getByRole('listitem')).toHaveText(
    `Annotation ${made.id}: the library has the same or a newer edit of it`
  )
  const notes = await app.api.call<Array<{ id: string; note: string }>>('annotations.list', {
    articleId
  })
  expect(notes.find((a) => a.id === made.id)?.note).toBe('Lebih baru.')

  // The restore took a snapshot first; it is listed and can itself be restored.
  await expect(backups.snapshots.getByRole('listitem')).toHaveCount(1)
  await expect(backups.snapshots.getByRole('listitem')).toContainText('Before a restore')
  await backups.restoreSnapshot()
  await expect(backups.confirm).toContainText('Restore the snapshot of')
  await backups.confirmRestore()
  await expect(backups.report).toContainText('Articles added: 0')
  await expect(backups.report).toContainText('Nothing was skipped.')
  await expect(backups.snapshots.getByRole('listitem')).toHaveCount(2)
})
