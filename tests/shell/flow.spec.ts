/// <reference lib="dom" />
// page.evaluate bodies run in the page: they need the DOM types.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { CORPUS } from '../support/paths'
import { SorotApp } from '../support/pages/SorotApp'
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
  page,
  locale
}) => {
  app = await openElectronPage(page)
  const { library, reader } = new SorotApp(page, null, locale)
  // The page found the preload's API and talks through it, not through HTTP.
  const seen = await page.evaluate(() => {
    const bridge = (window as unknown as { sorot?: Record<string, unknown> }).sorot
    return { groups: Object.keys(bridge ?? {}), ipcRenderer: typeof bridge?.ipcRenderer }
  })
  expect(seen.groups).toEqual(expect.arrayContaining(['articles', 'annotations', 'onEvent']))
  expect(seen.ipcRenderer).toBe('undefined')
  // The library list came through it: the sample article is there.
  await expect(library.row(SAMPLE)).toBeVisible()

  // Import: the reader drops a file on the window.
  await library.imports.dropFile(ARTICLE, 'susi-air.txt')
  await expect(library.row(TITLE)).toBeVisible()
  expect(app.invoked).toContain('articles.import')

  // Highlight: a mouse selection and h, in the article just imported.
  await library.openArticle(TITLE)
  await expect(reader.heading(TITLE)).toBeVisible()
  await reader.select(PHRASE)
  await expect(reader.selectionToolbar).toBeVisible()
  await page.keyboard.press('h')
  await expect(reader.marks).toHaveText([PHRASE])

  // Note: on that highlight, in the side panel.
  const item = reader.annotations.item(PHRASE)
  await item.edit()
  await item.writeNote(NOTE)
  await expect(item.note.getByRole('strong')).toHaveText('lokasi')

  // Export: Save… asks the OS save dialog (the reader picks a file) and main writes it.
  const target = path.join(tempDir('sorot-export-'), 'catatan.md')
  app.shell.dialogAnswers.showSaveDialog = [{ canceled: false, filePath: target }]
  const dialog = await reader.openExport()
  await dialog.saveButton.click()
  await expect(dialog.root).toContainText('catatan.md')
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
