import { SorotApp } from '../support/pages/SorotApp'
import { expect, servePerTest, test } from '../support/test'

const served = servePerTest()

test.use({ locale: 'en-US' })

test('three quick pastes all appear, though the list answers arrive out of order', async ({
  page,
  locale
}) => {
  const { library } = new SorotApp(page, served(), locale)
  // Each list request waits a different time before it reaches the server and again before
  // its answer reaches the page, so answers overtake each other as on a busy machine.
  const delays = [700, 0, 350, 900, 50, 500, 0, 250]
  let asked = 0
  let pending = 0
  await page.route('**/rpc/articles.summaries', async (route) => {
    pending += 1
    const delay = delays[asked++ % delays.length]
    await new Promise((resolve) => setTimeout(resolve, delay))
    // Playwright's own client may reuse a kept-alive socket the server has just closed
    // (ECONNRESET); a browser retries such a request by itself, so the test does too, once.
    const response = await route.fetch().catch(() => route.fetch())
    await new Promise((resolve) => setTimeout(resolve, delays[(asked + 3) % delays.length]))
    await route.fulfill({ response })
    pending -= 1
  })
  await page.goto(served().url)
  const titles = ['Banjir di Kemang', 'Anggaran Desa Naik', 'Cuaca Cerah di Bali']
  for (const title of titles)
    await library.imports.paste(`${title}\n\nIsi berita singkat tentang ${title}.`)
  // The delays add up to several seconds on a loaded machine: more than expect's default 5 s.
  for (const title of titles)
    await expect(library.list.getByText(title, { exact: true })).toBeVisible({ timeout: 20_000 })
  // Late answers still on their way must not take any of them away again.
  await expect.poll(() => pending).toBe(0)
  await expect(library.titles).toHaveText(
    ['Cuaca Cerah di Bali', 'Anggaran Desa Naik', 'Banjir di Kemang'],
    { useInnerText: true }
  )
})
