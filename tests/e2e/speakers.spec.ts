import type { Page } from '@playwright/test'
import { seriousViolations } from '../support/axe'
import { rpc } from '../support/rpc'
import { expect, servePerTest, test } from '../support/test'

const served = servePerTest()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

/** Articles the test writes: Jokowi under three names, Putin under two, some unsure speakers. */
const ARTICLES: Array<{ text: string; publishedAt: string; outlet: string | null }> = [
  {
    text: [
      'Banjir di Pesisir Utara',
      '"Kami akan terus membangun tanggul di seluruh pesisir utara," kata Jokowi di Istana.',
      'Ia meninjau lokasi banjir bersama warga.',
      '"Bantuan sudah dikirim sejak kemarin," kata petugas itu.',
      '"Air mulai surut sejak pagi tadi di kampung kami," ujar seorang warga.'
    ].join('\n\n'),
    publishedAt: '2025-01-15',
    outlet: 'Kompas'
  },
  {
    text: 'Bendungan untuk Sawah Baru\n\n"Bendungan ini akan mengairi ribuan hektare sawah milik petani," kata Joko Widodo di lokasi.',
    publishedAt: '2025-03-02',
    outlet: 'Kompas'
  },
  {
    text: 'Kunjungan ke Solo\n\nPresiden Joko Widodo (Jokowi) berkunjung ke Solo.\n\n"Saya senang bisa pulang kampung hari ini bersama keluarga," ujar Presiden Jokowi.',
    publishedAt: '2025-03-20',
    outlet: 'Tempo'
  },
  {
    text: 'Pernyataan dari Moskwa\n\n"Kami siap berunding kapan saja dengan semua pihak yang bersedia," kata Vladimir Putin di Moskwa.',
    publishedAt: '2025-02-10',
    outlet: 'Antara'
  },
  {
    text: 'Syarat Perdamaian\n\n"Perdamaian hanya mungkin jika keamanan kami dijamin sepenuhnya," ujar Putin kepada wartawan.',
    publishedAt: '2025-02-11',
    outlet: 'Antara'
  }
]

/** Imports the articles through the served core and gives each its outlet and date. */
async function seedLibrary(page: Page): Promise<string[]> {
  const app = served()
  const ids: string[] = []
  for (const article of ARTICLES) {
    const [outcome] = await rpc<Array<{ id: string }>>(page, app, 'articles.import', {
      items: [{ text: article.text }]
    })
    await rpc(page, app, 'articles.update', {
      id: outcome.id,
      publishedAt: article.publishedAt,
      outlet: article.outlet
    })
    ids.push(outcome.id)
  }
  return ids
}

async function openSpeakers(page: Page): Promise<void> {
  await page.goto(`${served().url}#/speakers`)
  await expect(page.getByRole('heading', { level: 1, name: 'Speakers' })).toBeVisible()
}

test('an unsure speaker reads "maybe", is confirmed in one click or corrected, and stays so', async ({
  page
}) => {
  const [banjir] = await seedLibrary(page)
  await page.goto(`${served().url}#/article/${banjir}`)
  await page.getByRole('tab', { name: 'Quotes' }).click()
  const quotes = page.getByRole('list', { name: 'Quotations in text order' })
  const sure = quotes.getByRole('listitem').filter({ hasText: 'Kami akan terus membangun' })
  const help = quotes.getByRole('listitem').filter({ hasText: 'Bantuan sudah dikirim' })
  const water = quotes.getByRole('listitem').filter({ hasText: 'Air mulai surut' })
  // The library knows Jokowi's full name: the panel shows the person's identity.
  await expect(sure).toContainText('Joko Widodo')
  await expect(sure).not.toContainText('maybe')
  await expect(help).toContainText('maybe: Joko Widodo')
  // "ujar seorang warga" names no one: no speaker is guessed, and the reader may name one.
  await expect(water).not.toContainText('Joko Widodo')

  await help.getByRole('button', { name: 'Confirm Joko Widodo as the speaker' }).click()
  await expect(help).not.toContainText('maybe')
  await expect(help).toContainText('Joko Widodo')

  await water.getByRole('button', { name: 'Add speaker…' }).click()
  await water.getByLabel('Who said it?').fill('Warga Kampung Melayu')
  await water.getByRole('button', { name: 'Save speaker' }).click()
  await expect(water).toContainText('Warga Kampung Melayu')
  await expect(water).not.toContainText('maybe')

  await page.reload()
  await page.getByRole('tab', { name: 'Quotes' }).click()
  await expect(help).toContainText('Joko Widodo')
  await expect(help).not.toContainText('maybe')
  await expect(water).toContainText('Warga Kampung Melayu')
  await expect(page.getByRole('button', { name: /^Confirm/ })).toHaveCount(0)
})

test('merges and splits speakers by hand in the Speakers view, and keeps the choice', async ({
  page
}) => {
  await seedLibrary(page)
  await openSpeakers(page)
  const list = page.locator('.speakers-list')
  const jokowi = list.getByRole('region', { name: 'Joko Widodo', exact: true })
  await expect(jokowi).toContainText('4 quotations')
  await expect(jokowi).toContainText('Jokowi')

  await jokowi.getByRole('button', { name: 'Split “Jokowi” off' }).click()
  const short = list.getByRole('region', { name: 'Jokowi', exact: true })
  await expect(short).toContainText('2 quotations')
  await expect(jokowi).toContainText('2 quotations')
  await page.reload()
  await expect(short).toContainText('2 quotations')

  await short.getByRole('button', { name: 'Same person as…' }).click()
  await short.getByLabel('Same person as').fill('Joko Widodo')
  await short.getByRole('button', { name: 'Merge' }).click()
  await expect(short).toHaveCount(0)
  await expect(jokowi).toContainText('4 quotations')
  await page.reload()
  await expect(jokowi).toContainText('4 quotations')
  await expect(short).toHaveCount(0)
})

test('charts the most quoted speakers and one speaker over time; a bar opens its speaker', async ({
  page
}) => {
  await seedLibrary(page)
  await openSpeakers(page)
  const charts = page.getByRole('region', { name: 'At a glance' })
  const top = charts.getByRole('figure', { name: 'Most quoted speakers' })
  await expect(top.getByRole('img', { name: /Bar chart of the 2 most quoted/ })).toBeVisible()

  // The table alternative holds the same counts.
  await top.getByText('Show as a table').click()
  const rows = top.getByRole('row')
  await expect(rows).toHaveText([
    /Speaker\s*Quotations\s*Articles/,
    /Joko Widodo\s*4\s*3/,
    /Vladimir Putin\s*2\s*2/
  ])
  await charts.getByLabel('Outlet').selectOption('Antara')
  await expect(rows).toHaveText([/Speaker/, /Vladimir Putin\s*2\s*2/])
  await charts.getByLabel('Outlet').selectOption('')
  await charts.getByLabel('Published from').fill('2025-03-01')
  await expect(rows).toHaveText([/Speaker/, /Joko Widodo\s*2\s*2/])
  await charts.getByLabel('Published from').fill('')

  // The second bar is Putin's: clicking it opens him in the list and in the time chart.
  await top.locator('.recharts-bar-rectangle').nth(1).click()
  await expect(page.getByLabel('Search speakers')).toHaveValue('Vladimir Putin')
  await expect(page.locator('.speakers-list').getByRole('region')).toHaveCount(1)
  const time = charts.getByRole('figure', { name: 'Quotations of Vladimir Putin over time' })
  await expect(time.getByRole('img', { name: /^Quotations of Vladimir Putin per/ })).toBeVisible()
  await time.getByText('Show as a table').click()
  await expect(time.getByRole('row')).toHaveText([/Month or year\s*Quotations/, /2025-02\s*2/])

  // Keyboard users open a speaker from the table.
  await top.getByRole('button', { name: 'Open Joko Widodo' }).click()
  await expect(page.getByLabel('Search speakers')).toHaveValue('Joko Widodo')
  // The time chart's table stays open from one speaker to the next.
  const jokowiTime = charts.getByRole('figure', { name: 'Quotations of Joko Widodo over time' })
  await expect(jokowiTime.getByRole('row')).toHaveText([
    /Month/,
    /2025-01\s*2/,
    /2025-02\s*0/,
    /2025-03\s*2/
  ])
})

test('the Speakers view with its charts and tables open has no serious axe violations', async ({
  page
}) => {
  await seedLibrary(page)
  await openSpeakers(page)
  await expect(page.locator('.chart-top .recharts-bar-rectangle').first()).toBeVisible()
  for (const summary of await page.getByText('Show as a table').all()) await summary.click()
  await page
    .getByRole('region', { name: 'Joko Widodo', exact: true })
    .getByRole('button', { name: 'Same person as…' })
    .click()
  expect(await seriousViolations(page)).toEqual([])
})
