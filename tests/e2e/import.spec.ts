/// <reference lib="dom" />
// page.evaluate bodies run in the page: they need the DOM types.
import type { Page } from '@playwright/test'
import { expect, servePerTest, test } from '../support/test'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { SEED } from '../support/paths'
import { tempDataDir } from '../support/serve'

const served = servePerTest()

async function openApp(page: Page): Promise<void> {
  await page.goto(served().url)
  await expect(page.getByRole('heading', { name: 'Library' })).toBeVisible()
}

test.use({ locale: 'en-US' })

test('imports a whole folder with progress and lists a failure with its reason', async ({
  page
}) => {
  const folder = path.join(tempDataDir('sorot-folder-'), 'kliping')
  mkdirSync(path.join(folder, 'sub'), { recursive: true })
  for (let i = 1; i <= 12; i++) {
    writeFileSync(
      path.join(folder, i % 2 ? '' : 'sub', `berita-${i}.txt`),
      `Berita Nomor ${i} dari Daerah\n\nIsi berita nomor ${i} yang ditulis wartawan kami.`
    )
  }
  writeFileSync(path.join(folder, 'rusak.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d]))
  await openApp(page)
  await page.getByLabel('Choose a folder of articles to import').setInputFiles(folder)
  const status = page.getByRole('status')
  await expect(status).toContainText('Imported 12, new versions 0, duplicates 0, failed 1.', {
    timeout: 20_000
  })
  await expect(status.getByRole('listitem')).toHaveText(/rusak\.txt is a PDF document/)
  await expect(page.getByRole('link', { name: /Berita Nomor \d+ dari Daerah/ })).toHaveCount(12)
})

test('imports pasted text and a dropped file, then shows and restores what cleaning removed', async ({
  page
}) => {
  await openApp(page)
  await page.getByRole('button', { name: 'Paste…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Paste an article' })
  await dialog
    .getByLabel(/Article text/)
    .fill('Banjir Rob di Pesisir Utara\n\nAir laut pasang merendam permukiman warga. [iklan_1]')
  await dialog.getByRole('button', { name: 'Import' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('link', { name: /Banjir Rob di Pesisir Utara/ })).toBeVisible()

  // A file dropped onto the window, as the OS would hand it over.
  const seed = await import('node:fs').then((fs) => fs.readFileSync(SEED, 'utf8'))
  await page.evaluate((text) => {
    const transfer = new DataTransfer()
    transfer.items.add(new File([text], 'seed.txt', { type: 'text/plain' }))
    for (const type of ['dragenter', 'dragover', 'drop'])
      window.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, cancelable: true }))
  }, seed)
  const row = page.getByRole('link', { name: /Kerja sama antara badan intelijen/ })
  await expect(row).toBeVisible()
  await row.click()

  const article = page.getByRole('article')
  await expect(article).not.toContainText('Komentar (0)')
  await page.getByRole('button', { name: 'Show what cleaning removed (3)' }).click()
  const removed = page.getByRole('region', { name: 'What cleaning removed' })
  const comment = removed.getByRole('listitem').filter({ hasText: 'Komentar (0)' })
  await expect(comment).toContainText('Comment counter')
  await comment.getByRole('button', { name: 'Restore' }).click()
  await expect(article.locator('.article-body')).toContainText('Komentar (0)')

  await page.getByRole('button', { name: 'Edit details…' }).click()
  const details = page.getByRole('dialog', { name: 'Article details' })
  await details.getByLabel('Title').fill('KTT CSTO di Minsk')
  await details.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'KTT CSTO di Minsk' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'KTT CSTO di Minsk' })).toBeVisible()
})
