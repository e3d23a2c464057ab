/// <reference lib="dom" />
// page.evaluate bodies run in the page: they need the DOM types.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { CORPUS } from '../support/paths'
import { dragOver } from '../support/selection'
import { expect, test } from '../support/test'
import { openElectronPage, type ElectronPage } from './support/electron-page'
import { tempDir } from './support/main-bundle'

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

const SAMPLE = /Kerja sama antara badan intelijen/
const ARTICLE = path.join(CORPUS, 'real', '01-kompas-pilot-susi-air.txt')
const TITLE = /Pilot Susi Air Sudah Diketahui/
const PHRASE = 'Operasi pencariannya makin terfokus'
const NOTE = 'Cek **lokasi** pilot'

let app: ElectronPage | undefined
test.afterEach(async () => {
  await app?.close()
  app = undefined
})

test('import, highlight, note and export run through the real preload and ipc.ts', async ({
  page
}) => {
  app = await openElectronPage(page)
  // The page found the preload's API and talks through it, not through HTTP.
  const seen = await page.evaluate(() => {
    const bridge = (window as unknown as { sorot?: Record<string, unknown> }).sorot
    return { groups: Object.keys(bridge ?? {}), ipcRenderer: typeof bridge?.ipcRenderer }
  })
  expect(seen.groups).toEqual(expect.arrayContaining(['articles', 'annotations', 'onEvent']))
  expect(seen.ipcRenderer).toBe('undefined')
  // The library list came through it: the sample article is there.
  await expect(page.getByRole('link', { name: SAMPLE })).toBeVisible()

  // Import: the reader drops a file on the window.
  const text = readFileSync(ARTICLE, 'utf8')
  await page.evaluate((content) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([content], 'susi-air.txt', { type: 'text/plain' }))
    for (const type of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, cancelable: true }))
  }, text)
  await expect(page.getByRole('link', { name: TITLE })).toBeVisible()
  expect(app.invoked).toContain('articles.import')

  // Highlight: a mouse selection and h, in the article just imported.
  await page.getByRole('link', { name: TITLE }).click()
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  const body = page.locator('.article-body')
  await dragOver(page, body.locator('[data-block]').filter({ hasText: PHRASE }).first(), PHRASE)
  await expect(page.getByRole('toolbar', { name: 'Highlight the selection' })).toBeVisible()
  await page.keyboard.press('h')
  await expect(body.locator('mark')).toHaveText([PHRASE])

  // Note: on that highlight, in the side panel.
  const item = page.getByRole('complementary').getByRole('listitem').filter({ hasText: PHRASE })
  await item.getByRole('button', { name: /^Edit/ }).click()
  await item.getByLabel('Note (Markdown)').fill(NOTE)
  await item.getByRole('button', { name: 'Save note' }).click()
  await expect(item.locator('.note-text strong')).toHaveText('lokasi')

  // Export: Save… asks the OS save dialog (the reader picks a file) and main writes it.
  const target = path.join(tempDir('sorot-export-'), 'catatan.md')
  app.shell.dialogAnswers.showSaveDialog = [{ canceled: false, filePath: target }]
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export notes' })
  await dialog.getByRole('button', { name: 'Save…' }).click()
  await expect(dialog).toContainText('catatan.md')
  const markdown = readFileSync(target, 'utf8')
  expect(markdown).toContain(PHRASE)
  expect(markdown).toContain('**lokasi**')
  expect(markdown).toMatch(/^title: .*Pilot Susi Air/m)

  // Every call went through ipcMain, and the page never asked for an HTTP API.
  for (const channel of [
    'articles.import',
    'annotations.create',
    'annotations.update',
    'export.render',
    'sorot:save-file'
  ])
    expect(app.invoked, channel).toContain(channel)
  expect(app.fetched.filter((url) => /^\/(rpc|events)\b/.test(url))).toEqual([])
  // Core events reached the page through webContents.send and the preload's onEvent.
  expect(app.window.webContents.sent.map((s) => s.channel)).toContain('sorot:event')
})
