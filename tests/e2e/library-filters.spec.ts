import type { Page } from '@playwright/test'
import { rpc } from '../support/rpc'
import { expect, servePerTest, test } from '../support/test'

const served = servePerTest()

test.use({ locale: 'en-US' })

const call = <T>(page: Page, channel: string, input: unknown): Promise<T> =>
  rpc<T>(page, served(), channel, input)

interface Article {
  title: string
  text: string
  outlet: string | null
  publishedAt: string | null
  language: string
}

const ARTICLES: Article[] = [
  {
    title: 'Banjir di Kemang',
    text: 'Hujan deras membuat banjir di Kemang sejak pagi.',
    outlet: 'Kompas.com',
    publishedAt: '2024-01-10',
    language: 'id'
  },
  {
    title: 'Anggaran Desa Naik',
    text: 'Pemerintah menaikkan anggaran desa tahun ini.',
    outlet: 'Tempo.co',
    publishedAt: '2024-03-05',
    language: 'id'
  },
  {
    title: 'Rice Prices Climb',
    text: 'Rice prices climbed again in Jakarta markets this week.',
    outlet: 'Kompas.com',
    publishedAt: '2023-12-01',
    language: 'en'
  },
  {
    title: 'Catatan Tanpa Sumber',
    text: 'Sebuah catatan tanpa sumber dan tanpa tanggal terbit.',
    outlet: null,
    publishedAt: null,
    language: 'id'
  }
]

/** Imports the articles through the contract, with their details, notes and reading places. */
async function fillLibrary(page: Page): Promise<Record<string, string>> {
  const ids: Record<string, string> = {}
  for (const article of ARTICLES) {
    const [outcome] = await call<Array<{ id: string }>>(page, 'articles.import', {
      items: [{ name: `${article.title}.txt`, text: `${article.title}\n\n${article.text}` }]
    })
    ids[article.title] = outcome.id
    await call(page, 'articles.update', {
      id: outcome.id,
      outlet: article.outlet,
      publishedAt: article.publishedAt,
      language: article.language
    })
  }
  const anggaran = ids['Anggaran Desa Naik']
  await call(page, 'annotations.create', {
    articleId: anggaran,
    kind: 'highlight',
    start: 0,
    end: 10,
    color: 'yellow',
    labels: [],
    note: 'Cek angka resminya.'
  })
  await call(page, 'articles.progress', { id: ids['Banjir di Kemang'], progress: 0.4 })
  await call(page, 'articles.progress', { id: ids['Rice Prices Climb'], progress: 1 })
  return ids
}

const rowTitles = (page: Page): Promise<string[]> =>
  page.getByRole('list', { name: 'Articles' }).locator('.article-title').allTextContents()

test('sorts by publication date and outlet, and filters by outlet, language, reading, notes and dates', async ({
  page
}) => {
  await page.goto(served().url)
  await fillLibrary(page)
  await page.reload()
  await expect(page.getByText('4 articles', { exact: true })).toBeVisible()
  const filters = page.getByRole('group', { name: 'Sort and filter' })
  const showing = (titles: string[]): Promise<void> =>
    expect.poll(() => rowTitles(page)).toEqual(titles)

  await filters.getByLabel('Sort by').selectOption({ label: 'Publication date' })
  await showing([
    'Anggaran Desa Naik',
    'Banjir di Kemang',
    'Rice Prices Climb',
    'Catatan Tanpa Sumber'
  ])
  await filters.getByLabel('Sort by').selectOption({ label: 'Outlet' })
  await showing([
    'Banjir di Kemang',
    'Rice Prices Climb',
    'Anggaran Desa Naik',
    'Catatan Tanpa Sumber'
  ])

  await filters.getByLabel('Outlet').selectOption('Kompas.com')
  await showing(['Banjir di Kemang', 'Rice Prices Climb'])
  await filters.getByLabel('Language').selectOption('en')
  await showing(['Rice Prices Climb'])
  await filters.getByLabel('Outlet').selectOption('')
  await filters.getByLabel('Language').selectOption('')

  await filters.getByLabel('Reading').selectOption({ label: 'Reading' })
  await showing(['Banjir di Kemang'])
  await filters.getByLabel('Reading').selectOption({ label: 'Finished' })
  await showing(['Rice Prices Climb'])
  await filters.getByLabel('Reading').selectOption({ label: 'Unread' })
  await showing(['Anggaran Desa Naik', 'Catatan Tanpa Sumber'])
  await filters.getByLabel('Reading').selectOption({ label: 'All' })

  await filters.getByRole('checkbox', { name: 'Notes' }).check()
  await showing(['Anggaran Desa Naik'])
  await expect(page.getByRole('link', { name: /Anggaran Desa Naik/ })).toContainText('1 note')
  await filters.getByRole('checkbox', { name: 'Notes' }).uncheck()

  // Publication dates between the two ends, inclusive; an article without one is filed under
  // its import date (today), outside this range.
  await filters.getByLabel('From').fill('2024-01-01')
  await filters.getByLabel('To').fill('2024-03-05')
  await showing(['Banjir di Kemang', 'Anggaran Desa Naik'])
  await filters.getByLabel('To').fill('2024-02-01')
  await showing(['Banjir di Kemang'])
  await filters.getByLabel('From').fill('2030-01-01')
  await filters.getByLabel('To').fill('')
  await expect(page.getByText('No article matches these filters.')).toBeVisible()
})

test('gives a tag a colour that the list and the core keep', async ({ page }) => {
  await page.goto(served().url)
  const ids = await fillLibrary(page)
  await call(page, 'articles.tag', { ids: [ids['Banjir di Kemang']], add: ['cuaca'] })
  await page.reload()
  await page.getByText('1 tag').click()
  await page.getByLabel('Colour of cuaca').selectOption({ label: 'Blue' })
  await expect
    .poll(
      async () =>
        (await call<Array<{ name: string; color: string | null }>>(page, 'tags.list', {}))[0]
    )
    .toMatchObject({ name: 'cuaca', color: 'blue' })
  await page.reload()
  await page.getByText('1 tag').click()
  await expect(page.getByLabel('Colour of cuaca')).toHaveValue('blue')
})
