/// <reference lib="dom" />
import { expect, servePerTest, test } from '../support/test'

import { SEED } from '../support/paths'

const served = servePerTest()

test('imports a file through the UI, lists it, opens it and switches language', async ({
  browser
}) => {
  const context = await browser.newContext({ locale: 'id-ID' })
  const page = await context.newPage()
  await page.goto(served().url)
  await expect(page.getByRole('heading', { name: 'Pustaka' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Selamat datang di Sorot' })).toBeVisible()

  await page.getByLabel('Pilih berkas artikel untuk diimpor').setInputFiles(SEED)
  await expect(page.getByRole('status')).toHaveText('Diimpor 1, versi baru 0, duplikat 0, gagal 0.')
  const row = page.getByRole('link', { name: /Kerja sama antara badan intelijen/ })
  await expect(row).toBeVisible()
  await expect(row).toContainText('299 kata')

  await row.click()
  const article = page.getByRole('article')
  await expect(article).toHaveAttribute('lang', 'id')
  await expect(article.locator('p').filter({ hasText: 'ujar Presiden Putin' })).toBeVisible()
  await expect(article).not.toContainText('[iklan_2]')
  await expect(article).not.toContainText('Komentar (0)')

  await page.getByRole('link', { name: 'Pengaturan' }).click()
  await page.getByLabel('Bahasa antarmuka').selectOption('en')
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
  const page = await context.newPage()
  await page.goto(`${served().url}#/settings`)
  await page.getByLabel('Label terjemahan').selectOption('en')
  const nav = page.getByRole('navigation')
  await expect(nav.getByRole('link', { name: /^Pustaka\W*Library$/ })).toBeVisible()
  await expect(nav.locator('.gloss[lang="en"]').first()).toHaveText('Library')

  // A highlight with a default label, made through the API as the reader's UI would.
  await page.goto(served().url)
  await page.getByLabel('Pilih berkas artikel untuk diimpor').setInputFiles(SEED)
  await page.getByRole('link', { name: /Kerja sama antara badan intelijen/ }).click()
  const id = new URL(page.url()).hash.split('/').pop()!.split('?')[0]
  const created = await page.evaluate(
    async ([token, articleId]) => {
      const response = await fetch('/rpc/annotations.create', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ articleId, kind: 'highlight', start: 0, end: 9, labels: ['fact'] })
      })
      return (await response.json()).ok as boolean
    },
    [served().token, id]
  )
  expect(created).toBe(true)
  const chip = page.locator('.label-chip').filter({ hasText: 'Fakta' }).first()
  await expect(chip).toContainText('Fakta')
  await expect(chip.locator('.gloss[lang="en"]')).toHaveText('Fact')

  await page.goto(`${served().url}#/settings`)
  await page.getByLabel('Label terjemahan').selectOption('none')
  await expect(page.getByRole('navigation').locator('.gloss')).toHaveCount(0)
  await context.close()
})
