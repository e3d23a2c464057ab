import type { LibraryApi } from '../support/pages/LibraryApi'
import { SorotApp } from '../support/pages/SorotApp'
import { expect, servePerTest, test } from '../support/test'

const served = servePerTest()

test.use({ locale: 'en-US' })

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
async function fillLibrary(api: LibraryApi): Promise<Record<string, string>> {
  const ids: Record<string, string> = {}
  for (const article of ARTICLES) {
    const id = await api.importText(`${article.title}\n\n${article.text}`, `${article.title}.txt`)
    ids[article.title] = id
    await api.call('articles.update', {
      id,
      outlet: article.outlet,
      publishedAt: article.publishedAt,
      language: article.language
    })
  }
  await api.call('annotations.create', {
    articleId: ids['Anggaran Desa Naik'],
    kind: 'highlight',
    start: 0,
    end: 10,
    color: 'yellow',
    labels: [],
    note: 'Cek angka resminya.'
  })
  await api.call('articles.progress', { id: ids['Banjir di Kemang'], progress: 0.4 })
  await api.call('articles.progress', { id: ids['Rice Prices Climb'], progress: 1 })
  return ids
}

test('sorts by publication date and outlet, and filters by outlet, language, reading, notes and dates', async ({
  page,
  locale
}) => {
  const { library, api } = new SorotApp(page, served(), locale)
  const { filters } = library
  await page.goto(served().url)
  await fillLibrary(api)
  await page.reload()
  await expect(library.count(4)).toBeVisible()
  const showing = (titles: string[]): Promise<void> =>
    expect.poll(() => library.rowTitles()).toEqual(titles)

  await filters.sort('Publication date')
  await showing([
    'Anggaran Desa Naik',
    'Banjir di Kemang',
    'Rice Prices Climb',
    'Catatan Tanpa Sumber'
  ])
  await filters.sort('Outlet')
  await showing([
    'Banjir di Kemang',
    'Rice Prices Climb',
    'Anggaran Desa Naik',
    'Catatan Tanpa Sumber'
  ])

  await filters.outlet.selectOption('Kompas.com')
  await showing(['Banjir di Kemang', 'Rice Prices Climb'])
  await filters.language.selectOption('en')
  await showing(['Rice Prices Climb'])
  await filters.outlet.selectOption('')
  await filters.language.selectOption('')

  // Each choice says how many articles it has.
  await expect(filters.outlet.getByRole('option', { name: 'Kompas.com (2)' })).toBeAttached()
  await expect(filters.reading.getByRole('option', { name: 'Unread (2)' })).toBeAttached()
  await filters.readingState('Reading')
  await showing(['Banjir di Kemang'])
  await filters.readingState('Finished')
  await showing(['Rice Prices Climb'])
  await filters.readingState('Unread')
  await showing(['Anggaran Desa Naik', 'Catatan Tanpa Sumber'])
  await filters.readingState('All')

  await filters.notes.check()
  await showing(['Anggaran Desa Naik'])
  await expect(library.row(/Anggaran Desa Naik/)).toContainText('1 note')
  await filters.notes.uncheck()

  // Publication dates between the two ends, inclusive; an article without one is filed under
  // its import date (today), outside this range.
  await filters.from.fill('2024-01-01')
  await filters.to.fill('2024-03-05')
  await showing(['Banjir di Kemang', 'Anggaran Desa Naik'])
  await filters.to.fill('2024-02-01')
  await showing(['Banjir di Kemang'])
  await filters.from.fill('2030-01-01')
  await filters.to.fill('')
  await expect(library.noMatch).toBeVisible()
})

test('gives a tag a colour that the list and the core keep', async ({ page, locale }) => {
  const { library, api } = new SorotApp(page, served(), locale)
  await page.goto(served().url)
  const ids = await fillLibrary(api)
  await api.call('articles.tag', { ids: [ids['Banjir di Kemang']], add: ['cuaca'] })
  await page.reload()
  await library.tags.open(1)
  await library.tags.colourOf('cuaca').selectOption({ label: 'Blue' })
  await expect
    .poll(
      async () =>
        (await api.call<Array<{ name: string; color: string | null }>>('tags.list', {}))[0]
    )
    .toMatchObject({ name: 'cuaca', color: 'blue' })
  await page.reload()
  await library.tags.open(1)
  await expect(library.tags.colourOf('cuaca')).toHaveValue('blue')
})
