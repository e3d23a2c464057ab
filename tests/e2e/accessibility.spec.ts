import { seriousViolations } from '../support/axe'
import { SorotApp } from '../support/pages/SorotApp'
import { SEED } from '../support/paths'
import { startServe, type ServedApp } from '../support/serve'
import { expect, test } from '../support/test'

const SEED_TITLE = /Kerja sama antara/

/** The runs share one library: the first one imports the seed article. */
async function ensureSeed({ library }: SorotApp): Promise<void> {
  if ((await library.row(SEED_TITLE).count()) === 0) {
    await library.imports.importFile(SEED)
    await expect(library.row(SEED_TITLE)).toBeVisible()
  }
}

let served: ServedApp
test.beforeAll(async () => {
  served = await startServe()
})
test.afterAll(async () => {
  await served.stop()
})

for (const locale of ['id-ID', 'en-US']) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${locale}, ${colorScheme}`, () => {
      test.use({ locale, colorScheme })

      test('library, reader, dialogs and settings have no serious or critical axe violations', async ({
        page
      }) => {
        const app = new SorotApp(page, served, locale)
        const { library, reader, speakers, settings } = app
        await library.goto()
        await ensureSeed(app)
        expect(await seriousViolations(page), 'library').toEqual([])

        await library.imports.pasteButton.click()
        await expect(library.imports.pasteDialog).toBeVisible()
        expect(await seriousViolations(page), 'paste dialog').toEqual([])
        await page.keyboard.press('Escape')
        await expect(page.getByRole('dialog')).toBeHidden()

        await library.openArticle(SEED_TITLE)
        await expect(reader.article).toBeVisible()
        expect(await seriousViolations(page), 'reader').toEqual([])

        // The quotes panel, then the annotation panel holding the quote saved from it.
        const { quotesPanel } = reader
        await quotesPanel.open()
        expect(await seriousViolations(page), 'quotes panel').toEqual([])
        // The library is shared by the four runs: the first one saves the quote.
        if ((await quotesPanel.savedButtons.count()) === 0)
          await quotesPanel.saveButtons.first().click()
        await expect(quotesPanel.savedButtons.first()).toBeVisible()
        await reader.annotationsTab.click()
        await expect(reader.marks.first()).toBeVisible()
        expect(await seriousViolations(page), 'annotation panel').toEqual([])

        const exportDialog = await reader.openExport()
        await expect(exportDialog.root).toBeVisible()
        expect(await seriousViolations(page), 'export dialog').toEqual([])
        await page.keyboard.press('Escape')

        await speakers.goto()
        expect(await seriousViolations(page), 'speakers').toEqual([])

        await settings.goto()
        await expect(page.getByRole('combobox').first()).toBeVisible()
        expect(await seriousViolations(page), 'settings').toEqual([])
      })
    })
  }
}

test.describe('sepia', () => {
  test.use({ locale: 'id-ID' })

  test('the sepia theme keeps AA contrast in the library and the reader', async ({
    page,
    locale
  }) => {
    const app = new SorotApp(page, served, locale)
    await app.api.call('settings.set', { theme: 'sepia' })
    await app.library.goto()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia')
    await ensureSeed(app)
    expect(await seriousViolations(page), 'library').toEqual([])
    await app.library.openArticle(SEED_TITLE)
    await expect(app.reader.article).toBeVisible()
    expect(await seriousViolations(page), 'reader').toEqual([])
    await app.api.call('settings.set', { theme: 'system' })
  })
})
