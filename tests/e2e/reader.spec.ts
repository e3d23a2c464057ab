/// <reference lib="dom" />
// page.evaluate bodies run in the page: they need the DOM types.
import type { Locator, Page } from '@playwright/test'
import { dragOver } from '../support/selection'
import { expect, servePerTest, test } from '../support/test'

const served = servePerTest()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

const TITLE = 'Bendungan Baru Diresmikan di Jawa Tengah'
const PARAGRAPHS = [
  'Presiden meresmikan bendungan baru di Kabupaten Grobogan pada Senin pagi. Bendungan itu mampu mengairi dua puluh ribu hektare sawah.',
  'Menurut Menteri Pekerjaan Umum, pembangunan bendungan menelan biaya empat triliun rupiah dan melibatkan tiga ribu pekerja lokal.',
  'Warga sekitar berharap bendungan juga mengurangi banjir yang setiap tahun merendam desa mereka di musim hujan.'
]

/** Imports an article through the same HTTP API the page uses (with the token from the URL). */
async function importText(text: string, name: string): Promise<string> {
  const response = await fetch(`${served().origin}/rpc/articles.import`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${served().token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ items: [{ name, text }] })
  })
  const result = (await response.json()) as { ok: boolean; value: Array<{ id: string }> }
  expect(result.ok).toBe(true)
  return result.value[0].id
}

async function openArticle(page: Page, id: string): Promise<void> {
  await page.goto(`${served().url}#/article/${id}`)
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(page.locator('.article-body')).toContainText(PARAGRAPHS[0].slice(0, 40))
}

const paragraph = (page: Page, index: number): Locator =>
  page.locator('.article-body [data-block]').nth(index)
const panel = (page: Page): Locator => page.getByRole('complementary')
const marks = (page: Page): Locator => page.locator('.article-body mark')

async function articleWithText(): Promise<string> {
  return importText([TITLE, ...PARAGRAPHS].join('\n\n'), 'bendungan.txt')
}

test('a mouse selection and h make a highlight; a note on it survives a reload', async ({
  page
}) => {
  const id = await articleWithText()
  await openArticle(page, id)
  await dragOver(page, paragraph(page, 0), 'bendungan baru di Kabupaten Grobogan')
  await expect(page.getByRole('toolbar', { name: 'Highlight the selection' })).toBeVisible()
  await page.keyboard.press('h')
  await expect(marks(page)).toHaveText(['bendungan baru di Kabupaten Grobogan'])
  await expect(page.getByRole('toolbar')).toBeHidden()

  const item = panel(page).getByRole('listitem').filter({ hasText: 'Kabupaten Grobogan' })
  await expect(item).toBeVisible()
  await item.getByRole('button', { name: /^Edit/ }).click()
  await item.getByRole('button', { name: 'Important' }).click()
  await item.getByRole('button', { name: 'Colour: Green' }).click()
  await item.getByLabel('Your own label').fill('Infrastruktur')
  await item.getByRole('button', { name: 'Add', exact: true }).click()
  await item
    .getByLabel('Note (Markdown)')
    .fill('Cek **luas sawah** di [data BPS](https://bps.go.id)')
  await item.getByRole('button', { name: 'Save note' }).click()
  await expect(item.locator('.note-text strong')).toHaveText('luas sawah')
  await expect(item.getByRole('link', { name: 'data BPS' })).toHaveAttribute(
    'href',
    'https://bps.go.id'
  )

  await page.reload()
  const mark = marks(page).first()
  await expect(mark).toHaveText('bendungan baru di Kabupaten Grobogan')
  await expect(mark).toHaveClass(/hl-green/)
  await expect(mark).toHaveClass(/hl-noted/)
  // Read out with the mark: its colour and labels in words, and that it carries a note.
  await expect(mark).toHaveAttribute(
    'aria-description',
    'Green, Important, Infrastruktur, has a note'
  )
  const again = panel(page).getByRole('listitem').filter({ hasText: 'Kabupaten Grobogan' })
  await expect(again.locator('.annotation-labels')).toHaveText(/Important\s*Infrastruktur/)
  await expect(again.locator('.note-text')).toContainText('Cek luas sawah di data BPS')

  // The article note, one per article.
  await panel(page).getByRole('button', { name: 'Write an article note' }).click()
  await panel(page)
    .getByLabel('Note on the whole article (Markdown)')
    .fill('Bahan liputan *irigasi*')
  await panel(page).getByRole('button', { name: 'Save note' }).click()
  await page.reload()
  await expect(panel(page).locator('.article-note em')).toHaveText('irigasi')
})

test('keyboard: Shift+arrows select, h highlights, j/k move between annotations, ? lists keys', async ({
  page
}) => {
  const id = await articleWithText()
  await openArticle(page, id)
  await page.locator('.article-body').focus()
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowRight')
  await page.keyboard.press('h')
  await expect(marks(page)).toHaveCount(1)
  await expect(marks(page).first()).toHaveText(/^Presiden meresmikan/)

  await dragOver(page, paragraph(page, 2), 'mengurangi banjir')
  await page.keyboard.press('h')
  await expect(marks(page)).toHaveCount(2)
  const active = panel(page).locator('.annotation-item.is-active')
  await expect(active).toContainText('mengurangi banjir')
  await page.keyboard.press('k')
  await expect(active).toContainText('Presiden meresmikan')
  await expect(page.locator('mark.hl-active')).toHaveText(/^Presiden meresmikan/)
  await page.keyboard.press('j')
  await expect(active).toContainText('mengurangi banjir')

  // Typing in a field never triggers a shortcut.
  await panel(page).getByRole('button', { name: 'Write an article note' }).click()
  await page.keyboard.type('hjk?')
  await expect(panel(page).getByLabel('Note on the whole article (Markdown)')).toHaveValue('hjk?')
  await page.keyboard.press('Escape')

  await page.locator('.article-body').focus()
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toContainText('Highlight the selection')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
})

test('overlapping highlights are drawn as separate marks, neither merged into the other', async ({
  page
}) => {
  const id = await articleWithText()
  await openArticle(page, id)
  await dragOver(page, paragraph(page, 1), 'pembangunan bendungan menelan biaya')
  await page.keyboard.press('h')
  await expect(marks(page)).toHaveCount(1)
  await dragOver(page, paragraph(page, 1), 'menelan biaya empat triliun rupiah')
  await page.getByRole('button', { name: 'Highlight Blue' }).click()

  await expect(panel(page).locator('.annotation-item')).toHaveCount(2)
  await expect(marks(page)).toHaveText([
    'pembangunan bendungan ',
    'menelan biaya',
    ' empat triliun rupiah'
  ])
  const ids = await marks(page).evaluateAll((list) => list.map((m) => m.dataset.ids?.split(' ')))
  expect(ids[0]).toHaveLength(1)
  expect(ids[1]).toHaveLength(2)
  expect(ids[2]).toHaveLength(1)
  expect(ids[0]?.[0]).not.toBe(ids[2]?.[0])
  await expect(marks(page).nth(0)).toHaveClass(/hl-yellow/)
  await expect(marks(page).nth(1)).toHaveClass(/hl-stack/)
  await expect(marks(page).nth(2)).toHaveClass(/hl-blue/)
})

test('delete, then undo with Ctrl+Z; delete to the trash, restore, and empty the trash', async ({
  page
}) => {
  const id = await articleWithText()
  await openArticle(page, id)
  await dragOver(page, paragraph(page, 0), 'dua puluh ribu hektare sawah')
  await page.keyboard.press('h')
  await expect(marks(page)).toHaveCount(1)

  const item = panel(page).getByRole('listitem').filter({ hasText: 'hektare' })
  await item.getByRole('button', { name: /^Delete/ }).click()
  await expect(marks(page)).toHaveCount(0)
  await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toBeVisible()
  await page.locator('.article-body').focus()
  await page.keyboard.press('Control+z')
  await expect(marks(page)).toHaveText(['dua puluh ribu hektare sawah'])

  await item.getByRole('button', { name: /^Delete/ }).click()
  await expect(marks(page)).toHaveCount(0)
  await panel(page).getByRole('button', { name: 'Trash' }).click()
  const trash = page.getByRole('dialog', { name: 'Deleted annotations' })
  await expect(trash.getByRole('listitem')).toHaveCount(1)
  await trash.getByRole('button', { name: 'Restore' }).click()
  await expect(trash).toContainText('The trash is empty.')
  await trash.getByRole('button', { name: 'Close' }).click()
  await expect(marks(page)).toHaveText(['dua puluh ribu hektare sawah'])

  await item.getByRole('button', { name: /^Delete/ }).click()
  await panel(page).getByRole('button', { name: 'Trash' }).click()
  await expect(trash.getByRole('listitem')).toHaveCount(1)
  await trash.getByRole('button', { name: 'Empty trash' }).click()
  await trash.getByRole('button', { name: 'Delete for good' }).click()
  await expect(trash).toContainText('The trash is empty.')
  await page.keyboard.press('Escape')
  await page.reload()
  await panel(page).getByRole('button', { name: 'Trash' }).click()
  await expect(trash).toContainText('The trash is empty.')
  await expect(marks(page)).toHaveCount(0)
})

test('find shows a match count with next and previous; reader settings persist', async ({
  page
}) => {
  const id = await articleWithText()
  await openArticle(page, id)
  await page.locator('.article-body').focus()
  await page.keyboard.press('Control+f')
  const find = page.getByRole('search', { name: 'Find in the article' })
  await expect(find.getByRole('searchbox')).toBeFocused()
  await page.keyboard.type('bendungan')
  // Case is ignored: "Bendungan" opens the second sentence.
  await expect(find).toContainText('1 of 4')
  await page.keyboard.press('Enter')
  await expect(find).toContainText('2 of 4')
  await find.getByRole('button', { name: 'Previous match' }).click()
  await find.getByRole('button', { name: 'Previous match' }).click()
  await expect(find).toContainText('4 of 4')
  await page.keyboard.press('Escape')
  await expect(find).toBeHidden()
  await expect(page.locator('.article-body')).toBeFocused()

  await page.getByRole('button', { name: 'Aa · Text' }).click()
  const settings = page.getByRole('dialog', { name: 'Reading settings' })
  await settings.getByLabel('Text size').fill('24')
  await settings.getByLabel('Line height').fill('2')
  await settings.getByLabel('Line width (characters)').fill('55')
  await settings.getByLabel('Sepia').check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia')
  await page.keyboard.press('Escape')
  await expect(settings).toBeHidden()
  await page.reload()
  const body = page.locator('.article-body')
  await expect(body).toHaveCSS('font-size', '24px')
  await expect(body).toHaveCSS('line-height', '48px')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia')
  await expect(body).toHaveCSS('hyphens', 'auto')
  await expect(page.getByRole('article')).toHaveAttribute('lang', 'id')
  const font = await body.evaluate(async () => {
    await document.fonts.ready
    return document.fonts.check('16px Literata')
  })
  expect(font).toBe(true)
})

test('a highlight whose text is gone in a new version is an orphan and can be re-attached', async ({
  page
}) => {
  const id = await articleWithText()
  await openArticle(page, id)
  await dragOver(page, paragraph(page, 2), 'merendam desa mereka')
  await page.keyboard.press('h')
  await expect(marks(page)).toHaveCount(1)
  // Drawn at once; stored when its row can be edited (before that it has no id of its own).
  await expect(panel(page).getByRole('button', { name: /^Edit/ })).toBeEnabled()

  const changed = [
    TITLE,
    PARAGRAPHS[0],
    PARAGRAPHS[1],
    'Warga sekitar menyambut gembira karena sawah tadah hujan kini bisa ditanami dua kali setahun.'
  ]
  expect(await importText(changed.join('\n\n'), 'bendungan-v2.txt')).toBe(id)
  const orphans = panel(page).getByRole('region', { name: /Orphans/ })
  await expect(orphans).toContainText('merendam desa mereka')
  await expect(marks(page)).toHaveCount(0)

  const reattach = orphans.getByRole('button', { name: 'Re-attach here' })
  await expect(reattach).toBeDisabled()
  await dragOver(page, paragraph(page, 2), 'sawah tadah hujan')
  await reattach.click()
  await expect(marks(page)).toHaveText(['sawah tadah hujan'])
  await expect(orphans).toBeHidden()
  await page.reload()
  await expect(marks(page)).toHaveText(['sawah tadah hujan'])
})

test('opens at ?at=<offset> and remembers the reading position', async ({ page }) => {
  const long = Array.from({ length: 60 }, (_, i) => `Paragraf nomor ${i + 1}. ${PARAGRAPHS[i % 3]}`)
  const id = await importText([TITLE, ...long].join('\n\n'), 'panjang.txt')
  const text = [TITLE, ...long].join('\n\n')
  const at = text.indexOf('Paragraf nomor 45.')
  await page.goto(`${served().url}#/article/${id}?at=${at}`)
  const target = page.locator('.article-body [data-block]').nth(44)
  await expect(target).toBeInViewport()
  const savedOnce = page.waitForRequest((request) => request.url().endsWith('/articles.progress'))
  await page.mouse.wheel(0, 400)
  const progress = page.getByRole('progressbar', { name: 'Reading progress' })
  await expect(progress).not.toHaveAttribute('aria-valuenow', '0')
  await savedOnce // saved once scrolling pauses
  const saved = Number(await progress.getAttribute('aria-valuenow'))
  const topBlock = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.article-body [data-block]')].findIndex(
      (block) => block.getBoundingClientRect().bottom > 0
    )
  )
  // Away to the library without scrolling up first (closing writes the position), then back.
  await page.evaluate(() => (window.location.hash = '#/'))
  await page.getByRole('link', { name: new RegExp(TITLE) }).click()
  // The same place within a line or so (blocks far above are measured only once seen).
  await expect
    .poll(async () => Math.abs(Number(await progress.getAttribute('aria-valuenow')) - saved))
    .toBeLessThanOrEqual(3)
  // The same passage is on screen again.
  await expect(page.locator('.article-body [data-block]').nth(topBlock)).toBeInViewport()
})
