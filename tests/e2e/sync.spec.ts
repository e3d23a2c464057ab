import { readFileSync } from 'node:fs'
import path from 'node:path'
import { startCouchServer, startFlakyProxy } from '../support/couch-server'
import { expect, servePerTest, test } from '../support/test'

// The settings screen of the built app against `sorot serve` and a local pouchdb-server: the
// reader starts sync, sees the indicator and the log, goes offline, pauses and stops.
const served = servePerTest()

test.describe('Sinkronisasi, in Indonesian', () => {
  test.use({ locale: 'id-ID' })

  test('starts sync, shows synced, offline with the reason, pause, and stop that keeps the library', async ({
    page
  }) => {
    test.setTimeout(180_000)
    const couch = await startCouchServer()
    const proxy = await startFlakyProxy(couch.url, { sari: { password: 'rahasia-sekali' } })
    try {
      const imported = await page.request.post(`${served().origin}/rpc/articles.import`, {
        headers: { Authorization: `Bearer ${served().token}` },
        data: {
          items: [{ text: 'Harga beras naik\n\nHarga beras di pasar naik lagi.', format: 'text' }]
        }
      })
      expect((await imported.json()).ok).toBe(true)
      await page.goto(`${served().url}#/settings`)
      const section = page.getByRole('region', { name: 'Sinkronisasi' })
      await expect(section.getByRole('status')).toHaveText('Tidak disinkronkan')
      await section.getByLabel('Alamat server').fill(proxy.url)
      await section.getByLabel('Basis data').fill('e2e')
      await section.getByLabel('Nama pengguna').fill('sari')
      await section.getByLabel('Kata sandi', { exact: true }).fill('rahasia-sekali')
      await section.getByRole('button', { name: 'Mulai sinkronisasi' }).click()
      await expect(section.getByRole('status')).toHaveText('Tersinkron', { timeout: 60_000 })
      await expect(section.locator('.sync-log li').first()).toContainText('received')
      const state = readFileSync(path.join(served().dataDir, 'sync.json'), 'utf8')
      expect(state).toContain('"user": "sari"')
      expect(state).not.toContain('rahasia')

      proxy.down()
      await expect(section.getByRole('status')).toContainText(/Luring: Cannot reach http/, {
        timeout: 60_000
      })
      proxy.up()
      await expect(section.getByRole('status')).toHaveText('Tersinkron', { timeout: 60_000 })
      await section.getByRole('button', { name: 'Jeda' }).click()
      await expect(section.getByRole('status')).toHaveText('Dijeda')
      await section.getByRole('button', { name: 'Lanjutkan' }).click()
      await expect(section.getByRole('status')).toHaveText('Tersinkron', { timeout: 60_000 })
      await section.getByRole('button', { name: 'Hentikan sinkronisasi pustaka ini' }).click()
      await expect(section.getByRole('status')).toHaveText('Tidak disinkronkan')
      await page.goto(served().url)
      await expect(page.locator('.article-title')).toHaveText(['Harga beras naik'])
    } finally {
      await proxy.close()
      await couch.stop()
    }
  })
})
