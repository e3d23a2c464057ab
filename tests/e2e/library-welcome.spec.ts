import { SorotApp } from '../support/pages/SorotApp'
import { expect, servePerTest, test } from '../support/test'
import { SEED } from '../support/paths'

// `sorot serve` over a new data dir starts with an empty library: the sample article is only
// added by the desktop app on its first run. Deleting the only article empties it again.
const served = servePerTest()

test.describe('in Indonesian', () => {
  test.use({ locale: 'id-ID' })

  test('an empty library welcomes the reader with every way in; a chosen file lands in the list', async ({
    page,
    locale
  }) => {
    const app = new SorotApp(page, served(), locale)
    const { library } = app
    const { welcome } = library
    await library.goto()
    await expect(page.getByRole('heading', { level: 1, name: 'Pustaka' })).toBeVisible()
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
    await expect(library.imports.filePicker).toHaveCount(1)
    await expect(welcome).toContainText('Anda juga bisa menyeret berkas atau folder ke jendela ini')
    await expect(welcome).toContainText(
      'Format yang didukung: teks biasa (.txt), Markdown (.md), dan halaman web (.html).'
    )
    await expect(page.getByRole('list', { name: 'Artikel' })).toHaveCount(0)

    // The keyboard reaches the actions: Enter on "Dari URL…" opens its dialog.
    await library.welcomeImports.urlButton.focus()
    await page.keyboard.press('Enter')
    const urlDialog = page.getByRole('dialog', { name: 'Impor halaman web' })
    await expect(urlDialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(urlDialog).toBeHidden()

    await library.welcomeImports.importFile(SEED)
    await expect(app.status).toHaveText('Diimpor 1, versi baru 0, duplikat 0, gagal 0.')
    const row = library.row(/Kerja sama antara badan intelijen/)
    await expect(row).toBeVisible()
    await expect(page.getByText('1 artikel', { exact: true })).toBeVisible()
    await expect(welcome).toBeHidden()

    // Moving the only article to the trash brings the welcome back.
    await library.checkbox(/Kerja sama antara badan intelijen/).check()
    await page.getByRole('button', { name: 'Pindahkan 1 ke tempat sampah' }).click()
    await expect(welcome).toBeVisible()
    await expect(row).toBeHidden()
  })
})

test.describe('in English', () => {
  test.use({ locale: 'en-US' })

  test('filters that hide every article say so, and clearing them brings the articles back', async ({
    page,
    locale
  }) => {
    const { library } = new SorotApp(page, served(), locale)
    await page.goto(served().url)
    await library.welcomeImports.paste('Banjir di Kemang\n\nHujan deras membuat banjir.')
    const row = library.row(/Banjir di Kemang/)
    await expect(row).toBeVisible()

    await library.filters.readingState('Finished')
    await expect(library.noMatch).toBeVisible()
    await expect(row).toBeHidden()
    await expect(library.welcome).toBeHidden()
    await library.clearFilters()
    await expect(row).toBeVisible()
    await expect(library.filters.reading).toHaveValue('')
  })

  test('a library larger than a screenful: all of it is counted, sorted, scrolled and selected', async ({
    page,
    locale
  }) => {
    const { library, api } = new SorotApp(page, served(), locale)
    const count = 130
    const number = (n: number): string => String(n).padStart(3, '0')
    // Imported oldest first, so the newest import is "Artikel 130".
    await api.importTexts(
      Array.from(
        { length: count },
        (_, i) => `Artikel ${number(i + 1)}\n\nIsi artikel nomor ${i + 1} tentang banjir.`
      )
    )
    await page.goto(served().url)
    await expect(library.count(count)).toBeVisible()
    const firstTitle = async (): Promise<string> => (await library.rowTitles())[0]
    await expect.poll(firstTitle).toBe('Artikel 130')

    // The oldest import is at the bottom, past the first screenful, once the whole list is in.
    await expect(library.list).not.toHaveAttribute('aria-busy', 'true')
    await page.keyboard.press('End')
    await expect(library.row(/Artikel 001/)).toBeVisible()

    await page.keyboard.press('Home')
    await expect.poll(firstTitle).toBe('Artikel 130')
    await library.filters.sort('Title')
    await expect.poll(firstTitle).toBe('Artikel 001')
    await library.selection.selectAll(count)
    await expect(library.selection.selected(count)).toBeVisible()
  })
})
