import { SorotApp } from '../support/pages/SorotApp'
import { expect, servePerTest, test } from '../support/test'
import { SEED } from '../support/paths'

const served = servePerTest()

test.use({ locale: 'en-US' })

const SEED_TITLE = /Kerja sama antara badan intelijen/

test('types in the search box, sees marked snippets, opens a result at its match', async ({
  page,
  locale
}) => {
  const { library, reader } = new SorotApp(page, served(), locale)
  await page.goto(served().url)
  await library.imports.importFile(SEED)
  await expect(library.row(SEED_TITLE)).toBeVisible()

  // A word form the text does not contain as typed: the stem finds it.
  const results = await library.search('intelijennya')
  const hit = results.getByRole('link', { name: SEED_TITLE })
  // Once the index is built (the first answer may come from titles only).
  await expect(results.getByRole('status')).toHaveText('1 result')
  await expect(hit.locator('mark').first()).toHaveText(/intelijen/i)

  await hit.click()
  await expect(page).toHaveURL(/#\/article\/[A-Za-z0-9_-]+\?at=\d+$/)
  await expect(page.getByRole('heading', { name: SEED_TITLE })).toBeVisible()
  await expect(reader.article).toBeVisible()
})

test('finds a phrase and nothing for words that are not there', async ({ page, locale }) => {
  const { library } = new SorotApp(page, served(), locale)
  await page.goto(served().url)
  await library.imports.importFile(SEED)
  await expect(library.row(SEED_TITLE)).toBeVisible()
  const results = await library.search('"ujar Presiden Putin"')
  await expect(results.locator('mark')).toHaveText(['ujar Presiden Putin'])
  await library.search('zzzqqq')
  await expect(results.getByRole('status')).toHaveText('0 results')
})
