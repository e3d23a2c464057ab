import type { Page } from '@playwright/test'
import { expect, servePerTest, test } from '../support/test'

const served = servePerTest()

test.use({ locale: 'en-US' })

/** Imports pasted text through the Paste dialog, without waiting for the list to follow. */
async function paste(page: Page, text: string): Promise<void> {
  await page.getByRole('button', { name: 'Paste…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Paste an article' })
  await dialog.getByLabel(/Article text/).fill(text)
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toBeHidden()
}

test('three quick pastes all appear, though the list answers arrive out of order', async ({
  page
}) => {
  // Each list request waits a different time before it reaches the server and again before
  // its answer reaches the page, so answers overtake each other as on a busy machine.
  const delays = [700, 0, 350, 900, 50, 500, 0, 250]
  let asked = 0
  let pending = 0
  await page.route('**/rpc/articles.summaries', async (route) => {
    pending += 1
    const delay = delays[asked++ % delays.length]
    await new Promise((resolve) => setTimeout(resolve, delay))
    const response = await route.fetch()
    await new Promise((resolve) => setTimeout(resolve, delays[(asked + 3) % delays.length]))
    await route.fulfill({ response })
    pending -= 1
  })
  await page.goto(served().url)
  const titles = ['Banjir di Kemang', 'Anggaran Desa Naik', 'Cuaca Cerah di Bali']
  for (const title of titles) await paste(page, `${title}\n\nIsi berita singkat tentang ${title}.`)
  const list = page.getByRole('list', { name: 'Articles' })
  for (const title of titles) await expect(list.getByText(title, { exact: true })).toBeVisible()
  // Late answers still on their way must not take any of them away again.
  await expect.poll(() => pending).toBe(0)
  await expect(list.locator('.article-title')).toHaveText(
    ['Cuaca Cerah di Bali', 'Anggaran Desa Naik', 'Banjir di Kemang'],
    { useInnerText: true }
  )
})
