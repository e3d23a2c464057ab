import type { Page } from '@playwright/test'
import { expect, servePerTest, test } from '../support/test'
import { SEED } from '../support/paths'

// `sorot serve` over a new data dir starts with an empty library: the sample article is only
// added by the desktop app on its first run. Deleting the only article empties it again.
const served = servePerTest()

/** Imports articles through the contract, before the page is opened. */
async function importTexts(page: Page, texts: string[]): Promise<void> {
  const response = await page.request.post(`${served().origin}/rpc/articles.import`, {
    headers: { Authorization: `Bearer ${served().token}` },
    data: { items: texts.map((text) => ({ text, format: 'text' })) }
  })
  expect((await response.json()).ok).toBe(true)
}

const rowTitles = (page: Page, list: string): Promise<string[]> =>
  page.getByRole('list', { name: list }).locator('.article-title').allTextContents()

test.describe('in Indonesian', () => {
  test.use({ locale: 'id-ID' })

  test('an empty library welcomes the reader with every way in; a chosen file lands in the list', async ({
    page
  }) => {
    await page.goto(served().url)
    await expect(page.getByRole('heading', { level: 1, name: 'Pustaka' })).toBeVisible()
    const welcome = page.getByRole('region', { name: 'Selamat datang di Sorot' })
    await expect(welcome).toBeVisible()
    await expect(welcome).toContainText('Sorot menyimpan berita agar bisa dibaca tanpa internet.')
    await expect(
      welcome.getByRole('heading', { level: 3, name: 'Masukkan artikel pertama Anda' })
    ).toBeVisible()
    // Every way in, as controls of its own, and nothing else to import with on the page.
    await expect(welcome.getByText('Impor berkas…')).toBeVisible()
    await expect(welcome.getByLabel('Pilih berkas artikel untuk diimpor')).toBeEnabled()
    await expect(welcome.getByText('Impor folder…')).toBeVisible()
    await expect(welcome.getByLabel('Pilih folder berisi artikel untuk diimpor')).toBeEnabled()
    await expect(welcome.getByRole('button', { name: 'Tempel…' })).toBeVisible()
    await expect(welcome.getByRole('button', { name: 'Dari URL…' })).toBeVisible()
    await expect(page.getByLabel('Pilih berkas artikel untuk diimpor')).toHaveCount(1)
    await expect(welcome).toContainText('Anda juga bisa menyeret berkas atau folder ke jendela ini')
    await expect(welcome).toContainText(
      'Format yang didukung: teks biasa (.txt), Markdown (.md), dan halaman web (.html).'
    )
    await expect(page.getByRole('list', { name: 'Artikel' })).toHaveCount(0)

    // The keyboard reaches the actions: Enter on "Dari URL…" opens its dialog.
    await welcome.getByRole('button', { name: 'Dari URL…' }).focus()
    await page.keyboard.press('Enter')
    const urlDialog = page.getByRole('dialog', { name: 'Impor halaman web' })
    await expect(urlDialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(urlDialog).toBeHidden()

    await welcome.getByLabel('Pilih berkas artikel untuk diimpor').setInputFiles(SEED)
    await expect(page.getByRole('status')).toHaveText(
      'Diimpor 1, versi baru 0, duplikat 0, gagal 0.'
    )
    const row = page.getByRole('link', { name: /Kerja sama antara badan intelijen/ })
    await expect(row).toBeVisible()
    await expect(page.getByText('1 artikel', { exact: true })).toBeVisible()
    await expect(welcome).toBeHidden()

    // Moving the only article to the trash brings the welcome back.
    await page.getByLabel(/^Pilih Kerja sama antara badan intelijen/).check()
    await page.getByRole('button', { name: 'Pindahkan 1 ke tempat sampah' }).click()
    await expect(welcome).toBeVisible()
    await expect(row).toBeHidden()
  })
})

test.describe('in English', () => {
  test.use({ locale: 'en-US' })

  test('filters that hide every article say so, and clearing them brings the articles back', async ({
    page
  }) => {
    await page.goto(served().url)
    const welcome = page.getByRole('region', { name: 'Welcome to Sorot' })
    await welcome.getByRole('button', { name: 'Paste…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Paste an article' })
    await dialog.getByLabel(/Article text/).fill('Banjir di Kemang\n\nHujan deras membuat banjir.')
    await dialog.getByRole('button', { name: 'Import' }).click()
    const row = page.getByRole('link', { name: /Banjir di Kemang/ })
    await expect(row).toBeVisible()

    await page.getByLabel('Reading').selectOption({ label: 'Finished' })
    await expect(page.getByText('No article matches these filters.')).toBeVisible()
    await expect(row).toBeHidden()
    await expect(welcome).toBeHidden()
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect(row).toBeVisible()
    await expect(page.getByLabel('Reading')).toHaveValue('')
  })

  test('a library larger than a screenful: all of it is counted, sorted, scrolled and selected', async ({
    page
  }) => {
    const count = 130
    const number = (n: number): string => String(n).padStart(3, '0')
    // Imported oldest first, so the newest import is "Artikel 130".
    await importTexts(
      page,
      Array.from(
        { length: count },
        (_, i) => `Artikel ${number(i + 1)}\n\nIsi artikel nomor ${i + 1} tentang banjir.`
      )
    )
    await page.goto(served().url)
    await expect(page.getByText(`${count} articles`, { exact: true })).toBeVisible()
    await expect.poll(async () => (await rowTitles(page, 'Articles'))[0]).toBe('Artikel 130')

    // The oldest import is at the bottom, past the first screenful.
    await page.keyboard.press('End')
    await expect(page.getByRole('link', { name: /Artikel 001/ })).toBeVisible()

    await page.keyboard.press('Home')
    await expect.poll(async () => (await rowTitles(page, 'Articles'))[0]).toBe('Artikel 130')
    await page.getByLabel('Sort by').selectOption({ label: 'Title' })
    await expect.poll(async () => (await rowTitles(page, 'Articles'))[0]).toBe('Artikel 001')
    const selection = page.getByRole('region', { name: 'Selected articles' })
    await selection.getByRole('button', { name: `Select all ${count}` }).click()
    await expect(selection.getByText(`${count} selected`)).toBeVisible()
  })
})
