import { SorotApp } from '../support/pages/SorotApp'
import { expect, servePerTest, test } from '../support/test'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { SEED } from '../support/paths'
import { tempDataDir } from '../support/serve'

const served = servePerTest()

test.use({ locale: 'en-US' })

test('imports a whole folder with progress and lists a failure with its reason', async ({
  page,
  locale
}) => {
  const app = new SorotApp(page, served(), locale)
  const folder = path.join(tempDataDir('sorot-folder-'), 'kliping')
  mkdirSync(path.join(folder, 'sub'), { recursive: true })
  for (let i = 1; i <= 12; i++) {
    writeFileSync(
      path.join(folder, i % 2 ? '' : 'sub', `berita-${i}.txt`),
      `Berita Nomor ${i} dari Daerah\n\nIsi berita nomor ${i} yang ditulis wartawan kami.`
    )
  }
  writeFileSync(path.join(folder, 'rusak.txt'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d]))
  await app.library.goto()
  await app.library.imports.importFolder(folder)
  await expect(app.status).toContainText('Imported 12, new versions 0, duplicates 0, failed 1.', {
    timeout: 20_000
  })
  await expect(app.status.getByRole('listitem')).toHaveText(/rusak\.txt is a PDF document/)
  await expect(app.library.row(/Berita Nomor \d+ dari Daerah/)).toHaveCount(12)
})

test('imports pasted text and a dropped file, then shows and restores what cleaning removed', async ({
  page,
  locale
}) => {
  const { library, reader } = new SorotApp(page, served(), locale)
  await library.goto()
  await library.imports.paste(
    'Banjir Rob di Pesisir Utara\n\nAir laut pasang merendam permukiman warga. [iklan_1]'
  )
  await expect(library.row(/Banjir Rob di Pesisir Utara/)).toBeVisible()

  // A file dropped onto the window, as the OS would hand it over.
  await library.imports.dropFile(SEED)
  const row = library.row(/Kerja sama antara badan intelijen/)
  await expect(row).toBeVisible()
  await row.click()

  await expect(reader.article).not.toContainText('Komentar (0)')
  const removed = await reader.showRemoved(3)
  const comment = removed.getByRole('listitem').filter({ hasText: 'Komentar (0)' })
  await expect(comment).toContainText('Comment counter')
  await comment.getByRole('button', { name: 'Restore' }).click()
  await expect(reader.body).toContainText('Komentar (0)')

  await reader.editDetails({ Title: 'KTT CSTO di Minsk' })
  await expect(reader.heading('KTT CSTO di Minsk')).toBeVisible()
  await page.reload()
  await expect(reader.heading('KTT CSTO di Minsk')).toBeVisible()
})
