import { SorotApp } from '../support/pages/SorotApp'
import { SEED } from '../support/paths'
import { expect, servePerTest, test } from '../support/test'

const served = servePerTest()

test.use({ locale: 'en-US', viewport: { width: 1400, height: 900 } })

const TITLE = /Kerja sama antara badan intelijen/

test('saves a detected quotation with its speaker, and finds it again under Speakers', async ({
  page,
  locale
}) => {
  const app = new SorotApp(page, served(), locale)
  const { library, reader, speakers } = app
  const { quotesPanel, annotations } = reader
  await library.goto()
  await library.imports.importFile(SEED)
  await expect(library.row(TITLE)).toBeVisible({ timeout: 20_000 })
  await library.openArticle(TITLE)
  await expect(reader.heading(TITLE)).toBeVisible()

  await quotesPanel.open()
  const putin = quotesPanel.quote('Kerja sama antara badan')
  await expect(putin.root).toContainText('Vladimir Putin')
  // Quoted names are terms: hidden until asked for.
  const term = quotesPanel.quote(/^Tentara Bayaran/)
  await expect(term.root).toHaveCount(0)
  await quotesPanel.showTerms.check()
  await expect(term.root).toContainText('term')

  await putin.save()
  await expect(putin.saved).toBeVisible()
  const mark = reader.marks.first()
  await expect(mark).toHaveAttribute('aria-description', /Said by Vladimir Putin/)

  await putin.openSaved()
  const saved = annotations.item('Kerja sama antara badan')
  await expect(saved.root).toContainText('Said by Vladimir Putin')

  // The speaker stays editable.
  await saved.edit()
  await saved.setSpeaker('Presiden Vladimir Putin')
  await expect(saved.root).toContainText('Said by Presiden Vladimir Putin')

  await page.reload()
  await expect(reader.heading(TITLE)).toBeVisible()
  await expect(saved.root).toContainText('Said by Presiden Vladimir Putin')
  await quotesPanel.open()
  await expect(putin.saved).toBeVisible()

  await app.navigate('quotes.speakersTitle')
  await expect(speakers.heading).toBeVisible()
  await speakers.search.fill('putin')
  // One person under both names: the saved quote's title is an alias of the detected name.
  const group = speakers.speaker('Vladimir Putin')
  await expect(group.root).toBeVisible()
  await expect(group.root).toContainText('saved')
  await expect(group.root).toContainText('Presiden Vladimir Putin')
  await speakers.search.fill('nobody-at-all')
  await expect(speakers.noMatch('nobody-at-all')).toBeVisible()
  await speakers.search.fill('Putin')
  const link = group.articleLink(TITLE)
  await expect(link).toHaveAttribute('aria-description', /^Open “Kerja sama antara/)
  await link.click()
  await expect(page).toHaveURL(/#\/article\/[\w-]+\?at=\d+$/)
  await expect(reader.heading(TITLE)).toBeVisible()
})
