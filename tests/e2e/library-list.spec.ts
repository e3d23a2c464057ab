import type { Page } from '@playwright/test'
import { expect, servePerTest, test } from '../support/test'

const served = servePerTest()

test.use({ locale: 'en-US' })

/** Imports pasted articles through the Paste dialog, as a reader would. */
async function paste(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Paste…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Paste an article' })
  await dialog.getByLabel(/Article text/).fill(text)
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toBeHidden()
}

const rowTitles = (page: Page): Promise<string[]> =>
  page.getByRole('list', { name: 'Articles' }).locator('.article-title').allTextContents()

test('sorts, filters by tag, tags several articles and moves them to the trash', async ({
  page
}) => {
  await page.goto(served().url)
  await paste(page, 'Banjir di Kemang\n\nHujan deras membuat banjir.')
  await paste(page, 'Anggaran Desa Naik\n\nPemerintah menaikkan anggaran desa.')
  await paste(page, 'Cuaca Cerah di Bali\n\nWisatawan menikmati pantai.')
  await expect(page.getByRole('link', { name: /Cuaca Cerah di Bali/ })).toBeVisible()

  // Newest import first, then by title.
  expect(await rowTitles(page)).toEqual([
    'Cuaca Cerah di Bali',
    'Anggaran Desa Naik',
    'Banjir di Kemang'
  ])
  await page.getByLabel('Sort by').selectOption({ label: 'Title' })
  expect(await rowTitles(page)).toEqual([
    'Anggaran Desa Naik',
    'Banjir di Kemang',
    'Cuaca Cerah di Bali'
  ])

  const filters = page.getByRole('group', { name: 'Sort and filter' })
  // Tag two articles at once.
  await page.getByLabel('Select Banjir di Kemang').check()
  await page.getByLabel('Select Cuaca Cerah di Bali').check()
  const selection = page.getByRole('region', { name: 'Selected articles' })
  await expect(selection.getByText('2 selected')).toBeVisible()
  await selection.getByLabel('Tag').fill('cuaca')
  await selection.getByRole('button', { name: 'Add tag' }).click()
  const banjir = page.getByRole('link', { name: /Banjir di Kemang/ })
  await expect(banjir).toContainText('cuaca')

  await filters.getByLabel('Tag').selectOption('cuaca')
  await expect.poll(() => rowTitles(page)).toEqual(['Banjir di Kemang', 'Cuaca Cerah di Bali'])

  // Rename the tag.
  await filters.getByLabel('Tag').selectOption('')
  await page.getByText('1 tag').click()
  await page.getByRole('button', { name: 'Rename cuaca' }).click()
  await page.getByLabel('New name for cuaca').fill('alam')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(banjir).toContainText('alam')

  // Move both to the trash.
  await selection.getByRole('button', { name: 'Move 2 to trash' }).click()
  await expect.poll(() => rowTitles(page)).toEqual(['Anggaran Desa Naik'])
  await expect(page.getByText('1 article', { exact: true })).toBeVisible()
})
