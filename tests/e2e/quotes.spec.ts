import type { Page } from '@playwright/test'
import { SEED } from '../support/paths'
import { expect, servePerTest, test } from '../support/test'

const served = servePerTest()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

const TITLE = /Kerja sama antara badan intelijen/

/** Imports the seed article through the library's file picker and opens it. */
async function importAndOpenSeed(page: Page): Promise<void> {
  await page.goto(served().url)
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
  await page.getByLabel('Choose article files to import').setInputFiles(SEED)
  const row = page.getByRole('link', { name: TITLE })
  await expect(row).toBeVisible({ timeout: 20_000 })
  await row.click()
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
}

test('saves a detected quotation with its speaker, and finds it again under Speakers', async ({
  page
}) => {
  await importAndOpenSeed(page)
  await page.getByRole('tab', { name: 'Quotes' }).click()
  const quotes = page.getByRole('list', { name: 'Quotations in text order' })
  const putin = quotes.getByRole('listitem').filter({ hasText: 'Kerja sama antara badan' })
  await expect(putin).toContainText('Vladimir Putin')
  // Quoted names are terms: hidden until asked for.
  const term = quotes.getByRole('listitem').filter({ hasText: /^Tentara Bayaran/ })
  await expect(term).toHaveCount(0)
  await page.getByLabel('Show quoted terms and names').check()
  await expect(term).toContainText('term')

  await putin.getByRole('button', { name: /^Save as quote: “Kerja sama antara/ }).click()
  await expect(putin.getByRole('button', { name: /Saved/ })).toBeVisible()
  const mark = page.locator('.article-body mark[data-ids]').first()
  await expect(mark).toHaveAttribute('aria-description', /Said by Vladimir Putin/)

  await putin.getByRole('button', { name: /Saved/ }).click()
  const annotations = page.getByRole('list', { name: 'Annotations in text order' })
  const saved = annotations.getByRole('listitem').filter({ hasText: 'Kerja sama antara badan' })
  await expect(saved).toContainText('Said by Vladimir Putin')

  // The speaker stays editable.
  await saved.getByRole('button', { name: /^Edit/ }).click()
  await saved.getByLabel('Speaker').fill('Presiden Vladimir Putin')
  await saved.getByRole('button', { name: 'Save speaker' }).click()
  await expect(saved).toContainText('Said by Presiden Vladimir Putin')

  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
  await expect(
    page
      .getByRole('list', { name: 'Annotations in text order' })
      .getByRole('listitem')
      .filter({ hasText: 'Kerja sama antara badan' })
  ).toContainText('Said by Presiden Vladimir Putin')
  await page.getByRole('tab', { name: 'Quotes' }).click()
  await expect(
    page
      .getByRole('list', { name: 'Quotations in text order' })
      .getByRole('listitem')
      .filter({ hasText: 'Kerja sama antara badan' })
      .getByRole('button', { name: /Saved/ })
  ).toBeVisible()

  await page.getByRole('navigation').getByRole('link', { name: 'Speakers' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Speakers' })).toBeVisible()
  await page.getByLabel('Search speakers').fill('putin')
  // One person under both names: the saved quote's title is an alias of the detected name.
  const group = page.getByRole('region', { name: 'Vladimir Putin', exact: true })
  await expect(group).toBeVisible()
  await expect(group).toContainText('saved')
  await expect(group).toContainText('Presiden Vladimir Putin')
  await page.getByLabel('Search speakers').fill('nobody-at-all')
  await expect(page.getByText('No speaker matches “nobody-at-all”.')).toBeVisible()
  await page.getByLabel('Search speakers').fill('Putin')
  const link = group.getByRole('link', { name: /Kerja sama antara badan intelijen/ }).first()
  await expect(link).toHaveAttribute('aria-description', /^Open “Kerja sama antara/)
  await link.click()
  await expect(page).toHaveURL(/#\/article\/[\w-]+\?at=\d+$/)
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible()
})
