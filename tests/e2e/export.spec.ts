/// <reference lib="dom" />
// page.evaluate bodies run in the page: they need the DOM types.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Download, Page } from '@playwright/test'
import YAML from 'yaml'
import { expect, servePerTest, test } from '../support/test'
import { SEED } from '../support/paths'
import { rpc } from '../support/rpc'
import { tempDataDir } from '../support/serve'

const served = servePerTest()

test.use({ locale: 'en-US' })

const QUOTE = 'CSTO menyatukan enam negara bekas Soviet'
const NOTE = 'Catatan: "enam negara", koma, dan é.'

/** A channel of this test's served core. */
const call = <T>(page: Page, channel: string, input: unknown): Promise<T> =>
  rpc<T>(page, served(), channel, input)

/** Opens the app and imports the seed article by dropping it on the window, as a reader would. */
async function importSeed(page: Page): Promise<string> {
  await page.goto(served().url)
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  const seed = readFileSync(SEED, 'utf8')
  await page.evaluate((text) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([text], 'seed.txt', { type: 'text/plain' }))
    for (const type of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, cancelable: true }))
  }, seed)
  await expect(page.getByRole('link', { name: /Kerja sama antara badan intelijen/ })).toBeVisible()
  const [article] = await call<Array<{ id: string }>>(page, 'articles.list', {})
  return article.id
}

/** A green highlight with a note on QUOTE, made through the contract. */
async function highlight(page: Page, articleId: string): Promise<{ id: string }> {
  const { text } = await call<{ text: string }>(page, 'articles.get', { id: articleId })
  const start = text.indexOf(QUOTE)
  return call(page, 'annotations.create', {
    articleId,
    kind: 'highlight',
    start,
    end: start + QUOTE.length,
    color: 'green',
    labels: ['fact'],
    note: NOTE
  })
}

const textOf = async (download: Download): Promise<string> =>
  readFileSync((await download.path())!, 'utf8')

test('exports an article as Markdown through Save… and copies JSON-LD to the clipboard', async ({
  page,
  context
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: served().origin
  })
  const articleId = await importSeed(page)
  await highlight(page, articleId)
  await page.getByRole('link', { name: /Kerja sama antara badan intelijen/ }).click()
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export notes' })
  await expect(dialog.getByLabel('Format')).toHaveValue('md')
  await expect(dialog.getByLabel('This article')).toBeChecked()

  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Save…' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^sorot-.+\.md$/)
  const markdown = await textOf(download)
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown)
  expect(match, 'front matter').not.toBeNull()
  const fields = YAML.parse(match![1]) as Record<string, unknown>
  expect(String(fields.title)).toMatch(/Kerja sama antara badan intelijen/)
  expect(match![2]).toContain(QUOTE)
  expect(match![2]).toContain('enam negara')
  await expect(dialog.getByRole('status')).toHaveText(`Saved ${download.suggestedFilename()}.`)

  await dialog.getByLabel('Format').selectOption('jsonld')
  await dialog.getByRole('button', { name: 'Copy' }).click()
  await expect(dialog.getByRole('status')).toHaveText('Copied to the clipboard.')
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

test('the library exports the selected articles from its selection bar', async ({ page }) => {
  const articleId = await importSeed(page)
  await highlight(page, articleId)
  await page.getByRole('checkbox', { name: /Select Kerja sama antara badan intelijen/ }).check()
  await page
    .getByRole('region', { name: 'Selected articles' })
    .getByRole('button', { name: 'Export…' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Export notes' })
  await expect(dialog.getByLabel('The selected article')).toBeChecked()
  await dialog.getByLabel('Format').selectOption('html')
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Save…' }).click()
  const html = await textOf(await downloading)
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

test('a split Markdown export of the library downloads one note per article', async ({ page }) => {
  const articleId = await importSeed(page)
  await highlight(page, articleId)
  await page.getByRole('button', { name: 'Paste…' }).click()
  const paste = page.getByRole('dialog', { name: 'Paste an article' })
  await paste
    .getByLabel(/Article text/)
    .fill('Banjir Rob di Pesisir Utara\n\nAir laut pasang merendam permukiman warga.')
  await paste.getByRole('button', { name: 'Import' }).click()
  await expect(page.getByRole('link', { name: /Banjir Rob di Pesisir Utara/ })).toBeVisible()

  const downloads: Download[] = []
  page.on('download', (download) => downloads.push(download))
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export notes' })
  await dialog.getByLabel('One file per article').check()
  await dialog.getByRole('button', { name: 'Save…' }).click()
  await expect.poll(() => downloads.length).toBe(2)
  expect(downloads.map((d) => d.suggestedFilename()).sort()).toEqual([
    'Banjir Rob di Pesisir Utara.md',
    expect.stringMatching(/^Kerja sama antara badan intelijen.*\.md$/)
  ])
  await expect(dialog.getByRole('status')).toContainText('Saved 2 files:')
  const notes = await Promise.all(downloads.map(textOf))
  const seedNote = notes.find((note) => note.includes(QUOTE))!
  const fields = YAML.parse(/^---\n([\s\S]*?)\n---\n/.exec(seedNote)![1]) as { title: string }
  expect(fields.title).toMatch(/Kerja sama antara badan intelijen/)
})

test('settings: backs up the library, restores from the file and from a snapshot, with a report', async ({
  page
}) => {
  const articleId = await importSeed(page)
  const made = await highlight(page, articleId)
  await page.getByRole('link', { name: 'Settings' }).click()
  const backups = page.getByRole('region', { name: 'Backups' })
  await expect(backups.getByText('No snapshots yet.')).toBeVisible()

  const downloading = page.waitForEvent('download')
  await backups.getByRole('button', { name: 'Back up library…' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^sorot-backup-\d{4}-\d{2}-\d{2}\.json$/)
  await expect(backups.getByRole('status')).toHaveText(
    `Backup saved: ${download.suggestedFilename()}.`
  )
  const file = path.join(tempDataDir('sorot-backup-'), download.suggestedFilename())
  await download.saveAs(file)

  // A newer edit after the backup: the restore must keep it and say so.
  await new Promise((resolve) => setTimeout(resolve, 10))
  await call(page, 'annotations.update', { articleId, id: made.id, note: 'Lebih baru.' })
  await backups.getByLabel('Choose a Sorot backup file to restore').setInputFiles(file)
  const confirm = page.getByRole('dialog', { name: 'Restore from a backup?' })
  await expect(confirm).toContainText(`Restore the backup file ${download.suggestedFilename()}?`)
  await confirm.getByRole('button', { name: 'Restore' }).click()
  const report = backups.getByRole('region', { name: 'Restore report' })
  await expect(report).toContainText('Kept as it is in the library (1):')
  await expect(report.getByRole('listitem')).toHaveText(
    `Annotation ${made.id}: the library has the same or a newer edit of it`
  )
  const notes = await call<Array<{ id: string; note: string }>>(page, 'annotations.list', {
    articleId
  })
  expect(notes.find((a) => a.id === made.id)?.note).toBe('Lebih baru.')

  // The restore took a snapshot first; it is listed and can itself be restored.
  const snapshots = backups.getByRole('list', { name: 'Automatic snapshots' })
  await expect(snapshots.getByRole('listitem')).toHaveCount(1)
  await expect(snapshots.getByRole('listitem')).toContainText('Before a restore')
  await snapshots.getByRole('button', { name: 'Restore' }).click()
  await expect(confirm).toContainText('Restore the snapshot of')
  await confirm.getByRole('button', { name: 'Restore' }).click()
  await expect(report).toContainText('Articles added: 0')
  await expect(report).toContainText('Nothing was skipped.')
  await expect(snapshots.getByRole('listitem')).toHaveCount(2)
})
