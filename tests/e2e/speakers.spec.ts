import { seriousViolations } from '../support/axe'
import type { LibraryApi } from '../support/pages/LibraryApi'
import { SorotApp } from '../support/pages/SorotApp'
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
async function seedLibrary(api: LibraryApi): Promise<string[]> {
  const ids: string[] = []
  for (const article of ARTICLES) {
    const id = await api.importText(article.text)
    await api.call('articles.update', {
      id,
      publishedAt: article.publishedAt,
      outlet: article.outlet
    })
    ids.push(id)
  }
  return ids
}

test('an unsure speaker reads "maybe", is confirmed in one click or corrected, and stays so', async ({
  page,
  locale
}) => {
  const { reader, api } = new SorotApp(page, served(), locale)
  const { quotesPanel } = reader
  const [banjir] = await seedLibrary(api)
  await reader.goto(banjir)
  await quotesPanel.open()
  const sure = quotesPanel.quote('Kami akan terus membangun')
  const help = quotesPanel.quote('Bantuan sudah dikirim')
  const water = quotesPanel.quote('Air mulai surut')
  // The library knows Jokowi's full name: the panel shows the person's identity.
  await expect(sure.root).toContainText('Joko Widodo')
  await expect(sure.root).not.toContainText('maybe')
  await expect(help.root).toContainText('maybe: Joko Widodo')
  // "ujar seorang warga" names no one: no speaker is guessed, and the reader may name one.
  await expect(water.root).not.toContainText('Joko Widodo')

  await help.confirmSpeaker('Joko Widodo')
  await expect(help.root).not.toContainText('maybe')
  await expect(help.root).toContainText('Joko Widodo')

  await water.addSpeaker('Warga Kampung Melayu')
  await expect(water.root).toContainText('Warga Kampung Melayu')
  await expect(water.root).not.toContainText('maybe')

  await page.reload()
  await quotesPanel.open()
  await expect(help.root).toContainText('Joko Widodo')
  await expect(help.root).not.toContainText('maybe')
  await expect(water.root).toContainText('Warga Kampung Melayu')
  await expect(quotesPanel.confirmButtons).toHaveCount(0)
})

test('merges and splits speakers by hand in the Speakers view, and keeps the choice', async ({
  page,
  locale
}) => {
  const { speakers, api } = new SorotApp(page, served(), locale)
  await seedLibrary(api)
  await speakers.goto()
  const jokowi = speakers.speaker('Joko Widodo')
  await expect(jokowi.root).toContainText('4 quotations')
  await expect(jokowi.root).toContainText('Jokowi')

  await jokowi.splitOff('Jokowi')
  const short = speakers.speaker('Jokowi')
  await expect(short.root).toContainText('2 quotations')
  await expect(jokowi.root).toContainText('2 quotations')
  await page.reload()
  await expect(short.root).toContainText('2 quotations')

  await short.mergeInto('Joko Widodo')
  await expect(short.root).toHaveCount(0)
  await expect(jokowi.root).toContainText('4 quotations')
  await page.reload()
  await expect(jokowi.root).toContainText('4 quotations')
  await expect(short.root).toHaveCount(0)
})

test('charts the most quoted speakers and one speaker over time; a bar opens its speaker', async ({
  page,
  locale
}) => {
  const { speakers, api } = new SorotApp(page, served(), locale)
  await seedLibrary(api)
  await speakers.goto()
  const top = speakers.topChart
  await expect(top.chart(/Bar chart of the 2 most quoted/)).toBeVisible()
  // Every bar has its name beside it (a wrapped name is drawn in pieces, hence no spaces).
  await expect(top.barLabels).toHaveText([/Joko\s*Widodo/, /Vladimir\s*Putin/])

  // The table alternative holds the same counts.
  await top.showTable()
  await expect(top.rows).toHaveText([
    /Speaker\s*Quotations\s*Articles/,
    /Joko Widodo\s*4\s*3/,
    /Vladimir Putin\s*2\s*2/
  ])
  await speakers.outlet.selectOption('Antara')
  await expect(top.rows).toHaveText([/Speaker/, /Vladimir Putin\s*2\s*2/])
  await speakers.outlet.selectOption('')
  await speakers.publishedFrom.fill('2025-03-01')
  await expect(top.rows).toHaveText([/Speaker/, /Joko Widodo\s*2\s*2/])
  await speakers.publishedFrom.fill('')

  // The second bar is Putin's: clicking it opens him in the list and in the time chart.
  await top.bars.nth(1).click()
  await expect(speakers.search).toHaveValue('Vladimir Putin')
  await expect(speakers.groups).toHaveCount(1)
  const time = speakers.timeChart('Vladimir Putin')
  await expect(time.chart(/^Quotations of Vladimir Putin per/)).toBeVisible()
  await time.showTable()
  await expect(time.rows).toHaveText([/Month or year\s*Quotations/, /2025-02\s*2/])

  // Keyboard users open a speaker from the table.
  await top.openSpeaker('Joko Widodo')
  await expect(speakers.search).toHaveValue('Joko Widodo')
  // The time chart's table stays open from one speaker to the next.
  await expect(speakers.timeChart('Joko Widodo').rows).toHaveText([
    /Month/,
    /2025-01\s*2/,
    /2025-02\s*0/,
    /2025-03\s*2/
  ])
})

test('the Speakers view with its charts and tables open has no serious axe violations', async ({
  page,
  locale
}) => {
  const { speakers, api } = new SorotApp(page, served(), locale)
  await seedLibrary(api)
  await speakers.goto()
  await expect(speakers.topChart.bars.first()).toBeVisible()
  for (const summary of await page.getByText('Show as a table').all()) await summary.click()
  await speakers.speaker('Joko Widodo').startMerge()
  expect(await seriousViolations(page)).toEqual([])
})
