/// <reference lib="dom" />
import { SorotApp } from '../support/pages/SorotApp'
import { expect, servePerTest, test } from '../support/test'

import { SEED } from '../support/paths'

const served = servePerTest()

const SEED_TITLE = /Kerja sama antara badan intelijen/

test('imports a file through the UI, lists it, opens it and switches language', async ({
  browser
}) => {
  const context = await browser.newContext({ locale: 'id-ID' })
  const app = new SorotApp(await context.newPage(), served(), 'id-ID')
  const { page, library, reader, settings } = app
  await library.goto()
  await expect(page.getByRole('heading', { name: 'Pustaka' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Selamat datang di Sorot' })).toBeVisible()

  await library.imports.importFile(SEED)
  await expect(app.status).toHaveText('Diimpor 1, versi baru 0, duplikat 0, gagal 0.')
  const row = library.row(SEED_TITLE)
  await expect(row).toBeVisible()
  await expect(row).toContainText('299 kata')

  await row.click()
  await expect(reader.article).toHaveAttribute('lang', 'id')
  await expect(reader.article.locator('p').filter({ hasText: 'ujar Presiden Putin' })).toBeVisible()
  await expect(reader.article).not.toContainText('[iklan_2]')
  await expect(reader.article).not.toContainText('Komentar (0)')

  await app.navigate('nav.settings')
  await settings.language.selectOption('en')
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.reload()
  await expect(page.getByRole('link', { name: 'Library' })).toBeVisible()
  await context.close()
})

test('the app page cannot reach beyond 127.0.0.1, and the network guard catches what would', async ({
  page,
  networkGuard
}) => {
  const tryFetch = (): Promise<string> =>
    page.evaluate(() =>
      fetch('http://192.0.2.1/track').then(
        () => 'reached',
        () => 'blocked'
      )
    )
  await page.goto(served().url)
  // The app's CSP stops it before the network: the guard never even sees it.
  expect(await tryFetch()).toBe('blocked')
  expect(networkGuard.takeLeaks()).toEqual([])
  // A page without that CSP: the guard catches and aborts the request.
  await page.goto('about:blank')
  expect(await tryFetch()).toBe('blocked')
  expect(networkGuard.takeLeaks()).toEqual(['http://192.0.2.1/track'])
})

test('translated labels: an Indonesian UI shows English glosses beside its labels, highlight labels too', async ({
  browser
}) => {
  const context = await browser.newContext({ locale: 'id-ID' })
  const app = new SorotApp(await context.newPage(), served(), 'id-ID')
  const { page, library, settings, api } = app
  await settings.goto()
  await settings.gloss.selectOption('en')
  await expect(app.nav.getByRole('link', { name: /^Pustaka\W*Library$/ })).toBeVisible()
  await expect(app.glosses(app.nav, 'en').first()).toHaveText('Library')

  // A highlight with a default label, made through the contract as the reader's UI would.
  await library.goto()
  await library.imports.importFile(SEED)
  await library.openArticle(SEED_TITLE)
  const id = new URL(page.url()).hash.split('/').pop()!.split('?')[0]
  await api.call('annotations.create', {
    articleId: id,
    kind: 'highlight',
    start: 0,
    end: 9,
    labels: ['fact']
  })
  const chip = app.reader.annotations
    .at(0)
    .labels.getByRole('listitem')
    .filter({ hasText: 'Fakta' })
  await expect(chip).toContainText('Fakta')
  await expect(app.glosses(chip, 'en')).toHaveText('Fact')

  await settings.goto()
  await settings.gloss.selectOption('none')
  await expect(app.glosses(app.nav)).toHaveCount(0)
  await context.close()
})
