import { expect, servePerTest, test } from '../support/test'
import { SEED } from '../support/paths'

const served = servePerTest()

test.use({ locale: 'en-US' })

test('types in the search box, sees marked snippets, opens a result at its match', async ({
  page
}) => {
  await page.goto(served().url)
  await page.getByLabel('Choose article files to import').setInputFiles(SEED)
  await expect(page.getByRole('link', { name: /Kerja sama antara badan intelijen/ })).toBeVisible()

  // A word form the text does not contain as typed: the stem finds it.
  await page.getByLabel('Search the library').fill('intelijennya')
  const results = page.getByRole('region', { name: 'Search results' })
  const hit = results.getByRole('link', { name: /Kerja sama antara badan intelijen/ })
  // Once the index is built (the first answer may come from titles only).
  await expect(results.getByRole('status')).toHaveText('1 result')
  await expect(hit.locator('mark').first()).toHaveText(/intelijen/i)

  await hit.click()
  await expect(page).toHaveURL(/#\/article\/[A-Za-z0-9_-]+\?at=\d+$/)
  await expect(
    page.getByRole('heading', { name: /Kerja sama antara badan intelijen/ })
  ).toBeVisible()
})

test('finds a phrase and nothing for words that are not there', async ({ page }) => {
  await page.goto(served().url)
  await page.getByLabel('Choose article files to import').setInputFiles(SEED)
  await expect(page.getByRole('link', { name: /Kerja sama antara badan intelijen/ })).toBeVisible()
  const box = page.getByLabel('Search the library')
  await box.fill('"ujar Presiden Putin"')
  const results = page.getByRole('region', { name: 'Search results' })
  await expect(results.locator('mark')).toHaveText(['ujar Presiden Putin'])
  await box.fill('zzzqqq')
  await expect(results.getByRole('status')).toHaveText('0 results')
})
