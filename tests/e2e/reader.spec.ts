/// <reference lib="dom" />
// page.evaluate bodies run in the page: they need the DOM types.
import type { Page } from '@playwright/test'
import { SorotApp } from '../support/pages/SorotApp'
import { expect, servePerTest, test } from '../support/test'

const served = servePerTest()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

const TITLE = 'Bendungan Baru Diresmikan di Jawa Tengah'
const PARAGRAPHS = [
  'Presiden meresmikan bendungan baru di Kabupaten Grobogan pada Senin pagi. Bendungan itu mampu mengairi dua puluh ribu hektare sawah.',
  'Menurut Menteri Pekerjaan Umum, pembangunan bendungan menelan biaya empat triliun rupiah dan melibatkan tiga ribu pekerja lokal.',
  'Warga sekitar berharap bendungan juga mengurangi banjir yang setiap tahun merendam desa mereka di musim hujan.'
]

/** The app with the dam article imported and open in the reader. */
async function readArticle(page: Page, locale: string | undefined): Promise<[SorotApp, string]> {
  const app = new SorotApp(page, served(), locale)
  const id = await app.api.importText([TITLE, ...PARAGRAPHS].join('\n\n'), 'bendungan.txt')
  await app.reader.goto(id)
  await expect(app.reader.heading(TITLE)).toBeVisible()
  await expect(app.reader.body).toContainText(PARAGRAPHS[0].slice(0, 40))
  return [app, id]
}

test('a mouse selection and h make a highlight; a note on it survives a reload', async ({
  page,
  locale
}) => {
  const [{ reader }] = await readArticle(page, locale)
  await reader.select('bendungan baru di Kabupaten Grobogan', reader.blocks.nth(0))
  await expect(reader.selectionToolbar).toBeVisible()
  await page.keyboard.press('h')
  await expect(reader.marks).toHaveText(['bendungan baru di Kabupaten Grobogan'])
  await expect(page.getByRole('toolbar')).toBeHidden()

  const item = reader.annotations.item('Kabupaten Grobogan')
  await expect(item.root).toBeVisible()
  await item.edit()
  await item.toggleLabel('Important')
  await item.setColour('Green')
  await item.addLabel('Infrastruktur')
  await item.writeNote('Cek **luas sawah** di [data BPS](https://bps.go.id)')
  await expect(item.note.getByRole('strong')).toHaveText('luas sawah')
  await expect(item.root.getByRole('link', { name: 'data BPS' })).toHaveAttribute(
    'href',
    'https://bps.go.id'
  )

  await page.reload()
  const mark = reader.marks.first()
  await expect(mark).toHaveText('bendungan baru di Kabupaten Grobogan')
  await expect(mark).toHaveClass(/hl-green/)
  await expect(mark).toHaveClass(/hl-noted/)
  // Read out with the mark: its colour and labels in words, and that it carries a note.
  await expect(mark).toHaveAttribute(
    'aria-description',
    'Green, Important, Infrastruktur, has a note'
  )
  await expect(item.labels).toHaveText(/Important\s*Infrastruktur/)
  await expect(item.note).toContainText('Cek luas sawah di data BPS')

  // The article note, one per article.
  await reader.annotations.writeArticleNote('Bahan liputan *irigasi*')
  await page.reload()
  await expect(reader.annotations.articleNote.getByRole('emphasis')).toHaveText('irigasi')
})

test('keyboard: Shift+arrows select, h highlights, j/k move between annotations, ? lists keys', async ({
  page,
  locale
}) => {
  const [{ reader }] = await readArticle(page, locale)
  await reader.selectWords(3)
  await page.keyboard.press('h')
  await expect(reader.marks).toHaveCount(1)
  await expect(reader.marks.first()).toHaveText(/^Presiden meresmikan/)

  await reader.highlight('mengurangi banjir', reader.blocks.nth(2))
  await expect(reader.marks).toHaveCount(2)
  const active = reader.annotations.active
  await expect(active).toContainText('mengurangi banjir')
  await page.keyboard.press('k')
  await expect(active).toContainText('Presiden meresmikan')
  await expect(reader.activeMark).toHaveText(/^Presiden meresmikan/)
  await page.keyboard.press('j')
  await expect(active).toContainText('mengurangi banjir')

  // Typing in a field never triggers a shortcut.
  await reader.annotations.startArticleNote()
  await page.keyboard.type('hjk?')
  await expect(reader.annotations.articleNoteField).toHaveValue('hjk?')
  await page.keyboard.press('Escape')

  await reader.shortcut('?')
  await expect(reader.shortcuts).toContainText('Highlight the selection')
  await page.keyboard.press('Escape')
  await expect(reader.shortcuts).toBeHidden()
})

test('overlapping highlights are drawn as separate marks, neither merged into the other', async ({
  page,
  locale
}) => {
  const [{ reader }] = await readArticle(page, locale)
  await reader.highlight('pembangunan bendungan menelan biaya', reader.blocks.nth(1))
  await expect(reader.marks).toHaveCount(1)
  await reader.select('menelan biaya empat triliun rupiah', reader.blocks.nth(1))
  await reader.highlightIn('Blue')

  await expect(reader.annotations.items).toHaveCount(2)
  await expect(reader.marks).toHaveText([
    'pembangunan bendungan ',
    'menelan biaya',
    ' empat triliun rupiah'
  ])
  const ids = await reader.marks.evaluateAll((list) => list.map((m) => m.dataset.ids?.split(' ')))
  expect(ids[0]).toHaveLength(1)
  expect(ids[1]).toHaveLength(2)
  expect(ids[2]).toHaveLength(1)
  expect(ids[0]?.[0]).not.toBe(ids[2]?.[0])
  await expect(reader.marks.nth(0)).toHaveClass(/hl-yellow/)
  await expect(reader.marks.nth(1)).toHaveClass(/hl-stack/)
  await expect(reader.marks.nth(2)).toHaveClass(/hl-blue/)
})

test('delete, then undo with Ctrl+Z; delete to the trash, restore, and empty the trash', async ({
  page,
  locale
}) => {
  const [{ reader }] = await readArticle(page, locale)
  const { annotations } = reader
  await reader.highlight('dua puluh ribu hektare sawah', reader.blocks.nth(0))
  await expect(reader.marks).toHaveCount(1)

  const item = annotations.item('hektare')
  await item.delete()
  await expect(reader.marks).toHaveCount(0)
  await expect(reader.deletedNotice).toBeVisible()
  await reader.shortcut('Control+z')
  await expect(reader.marks).toHaveText(['dua puluh ribu hektare sawah'])

  await item.delete()
  await expect(reader.marks).toHaveCount(0)
  const trash = await annotations.openTrash()
  await expect(trash.getByRole('listitem')).toHaveCount(1)
  await annotations.restoreFromTrash()
  await expect(trash).toContainText('The trash is empty.')
  await annotations.closeTrash()
  await expect(reader.marks).toHaveText(['dua puluh ribu hektare sawah'])

  await item.delete()
  await annotations.openTrash()
  await expect(trash.getByRole('listitem')).toHaveCount(1)
  await annotations.emptyTrash()
  await expect(trash).toContainText('The trash is empty.')
  await page.keyboard.press('Escape')
  await page.reload()
  await annotations.openTrash()
  await expect(trash).toContainText('The trash is empty.')
  await expect(reader.marks).toHaveCount(0)
})

test('find shows a match count with next and previous; reader settings persist', async ({
  page,
  locale
}) => {
  const [{ reader }] = await readArticle(page, locale)
  const { find } = reader
  await reader.shortcut('Control+f')
  await expect(find.box).toBeFocused()
  await find.type('bendungan')
  // Case is ignored: "Bendungan" opens the second sentence.
  await expect(find.root).toContainText('1 of 4')
  await page.keyboard.press('Enter')
  await expect(find.root).toContainText('2 of 4')
  await find.previous()
  await find.previous()
  await expect(find.root).toContainText('4 of 4')
  await page.keyboard.press('Escape')
  await expect(find.root).toBeHidden()
  await expect(reader.body).toBeFocused()

  const settings = await reader.openReadingSettings()
  await settings.getByLabel('Text size').fill('24')
  await settings.getByLabel('Line height').fill('2')
  await settings.getByLabel('Line width (characters)').fill('55')
  await settings.getByLabel('Sepia').check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia')
  await page.keyboard.press('Escape')
  await expect(settings).toBeHidden()
  await page.reload()
  await expect(reader.body).toHaveCSS('font-size', '24px')
  await expect(reader.body).toHaveCSS('line-height', '48px')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia')
  await expect(reader.body).toHaveCSS('hyphens', 'auto')
  await expect(reader.article).toHaveAttribute('lang', 'id')
  const font = await reader.body.evaluate(async () => {
    await document.fonts.ready
    return document.fonts.check('16px Literata')
  })
  expect(font).toBe(true)
})

test('a highlight whose text is gone in a new version is an orphan and can be re-attached', async ({
  page,
  locale
}) => {
  const [{ reader, api }, id] = await readArticle(page, locale)
  const { annotations } = reader
  await reader.highlight('merendam desa mereka', reader.blocks.nth(2))
  await expect(reader.marks).toHaveCount(1)
  // Drawn at once; stored when its row can be edited (before that it has no id of its own).
  await expect(annotations.item('merendam desa mereka').editButton).toBeEnabled()

  const changed = [
    TITLE,
    PARAGRAPHS[0],
    PARAGRAPHS[1],
    'Warga sekitar menyambut gembira karena sawah tadah hujan kini bisa ditanami dua kali setahun.'
  ]
  expect(await api.importText(changed.join('\n\n'), 'bendungan-v2.txt')).toBe(id)
  await expect(annotations.orphans).toContainText('merendam desa mereka')
  await expect(reader.marks).toHaveCount(0)

  await expect(annotations.reattach).toBeDisabled()
  await reader.select('sawah tadah hujan', reader.blocks.nth(2))
  await annotations.reattach.click()
  await expect(reader.marks).toHaveText(['sawah tadah hujan'])
  await expect(annotations.orphans).toBeHidden()
  await page.reload()
  await expect(reader.marks).toHaveText(['sawah tadah hujan'])
})

test('opens at ?at=<offset> and remembers the reading position', async ({ page, locale }) => {
  const { reader, library, api } = new SorotApp(page, served(), locale)
  const long = Array.from({ length: 60 }, (_, i) => `Paragraf nomor ${i + 1}. ${PARAGRAPHS[i % 3]}`)
  const text = [TITLE, ...long].join('\n\n')
  const id = await api.importText(text, 'panjang.txt')
  await reader.goto(id, text.indexOf('Paragraf nomor 45.'))
  await expect(reader.blocks.nth(44)).toBeInViewport()
  const savedOnce = page.waitForRequest((request) => request.url().endsWith('/articles.progress'))
  await page.mouse.wheel(0, 400)
  await expect(reader.progress).not.toHaveAttribute('aria-valuenow', '0')
  await savedOnce // saved once scrolling pauses
  const saved = Number(await reader.progress.getAttribute('aria-valuenow'))
  const topBlock = await reader.blocks.evaluateAll((blocks) =>
    blocks.findIndex((block) => block.getBoundingClientRect().bottom > 0)
  )
  // Away to the library without scrolling up first (closing writes the position), then back.
  await page.evaluate(() => (window.location.hash = '#/'))
  await library.openArticle(new RegExp(TITLE))
  // The same place within a line or so (blocks far above are measured only once seen).
  await expect
    .poll(async () => Math.abs(Number(await reader.progress.getAttribute('aria-valuenow')) - saved))
    .toBeLessThanOrEqual(3)
  // The same passage is on screen again.
  await expect(reader.blocks.nth(topBlock)).toBeInViewport()
})
