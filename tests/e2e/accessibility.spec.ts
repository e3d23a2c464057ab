/// <reference lib="dom" />
import type { Page } from '@playwright/test'
import { SEED } from '../support/paths'
import { seriousViolations } from '../support/axe'
import { startServe, type ServedApp } from '../support/serve'
import { expect, test } from '../support/test'

/** The runs share one library: the first one imports the seed article. */
async function ensureSeed(page: Page): Promise<void> {
  if ((await page.getByRole('link', { name: /Kerja sama antara/ }).count()) === 0) {
    await page.locator('input[type=file]:not([webkitdirectory])').setInputFiles(SEED)
    await expect(page.getByRole('link', { name: /Kerja sama antara/ })).toBeVisible()
  }
}

let app: ServedApp
test.beforeAll(async () => {
  app = await startServe()
})
test.afterAll(async () => {
  await app.stop()
})

for (const locale of ['id-ID', 'en-US']) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${locale}, ${colorScheme}`, () => {
      test.use({ locale, colorScheme })

      test('library, reader, dialogs and settings have no serious or critical axe violations', async ({
        page
      }) => {
        await page.goto(app.url)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        await ensureSeed(page)
        expect(await seriousViolations(page), 'library').toEqual([])

        await page.locator('.import-actions button').first().click()
        await expect(page.getByRole('dialog')).toBeVisible()
        expect(await seriousViolations(page), 'paste dialog').toEqual([])
        await page.keyboard.press('Escape')
        await expect(page.getByRole('dialog')).toBeHidden()

        await page.getByRole('link', { name: /Kerja sama antara/ }).click()
        await expect(page.getByRole('article')).toBeVisible()
        expect(await seriousViolations(page), 'reader').toEqual([])

        // The quotes panel, then the annotation panel holding the quote saved from it.
        const tabs = page.getByRole('tab')
        await tabs.nth(1).click()
        expect(await seriousViolations(page), 'quotes panel').toEqual([])
        // The library is shared by the four runs: the first one saves the quote.
        if ((await page.locator('.quote-actions button.is-saved').count()) === 0)
          await page.locator('.quote-actions button').first().click()
        await expect(page.locator('.quote-actions button.is-saved').first()).toBeVisible()
        await tabs.nth(0).click()
        await expect(page.locator('.article-body mark').first()).toBeVisible()
        expect(await seriousViolations(page), 'annotation panel').toEqual([])

        await page
          .locator('.article-tools button')
          .filter({ hasText: /Ekspor|Export/ })
          .click()
        await expect(page.getByRole('dialog')).toBeVisible()
        expect(await seriousViolations(page), 'export dialog').toEqual([])
        await page.keyboard.press('Escape')

        await page.goto(`${app.url}#/speakers`)
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
        expect(await seriousViolations(page), 'speakers').toEqual([])

        await page.goto(`${app.url}#/settings`)
        await expect(page.getByRole('combobox').first()).toBeVisible()
        expect(await seriousViolations(page), 'settings').toEqual([])
      })
    })
  }
}

test.describe('sepia', () => {
  test.use({ locale: 'id-ID' })

  test('the sepia theme keeps AA contrast in the library and the reader', async ({ page }) => {
    await page.goto(app.url)
    await page.evaluate(async (token) => {
      await fetch('/rpc/settings.set', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ theme: 'sepia' })
      })
    }, app.token)
    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia')
    await ensureSeed(page)
    expect(await seriousViolations(page), 'library').toEqual([])
    await page.getByRole('link', { name: /Kerja sama antara/ }).click()
    await expect(page.getByRole('article')).toBeVisible()
    expect(await seriousViolations(page), 'reader').toEqual([])
    await page.evaluate(async (token) => {
      await fetch('/rpc/settings.set', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ theme: 'system' })
      })
    }, app.token)
  })
})
