import { readFileSync } from 'node:fs'
import path from 'node:path'
import { startCouchServer, startFlakyProxy } from '../support/couch-server'
import { SorotApp } from '../support/pages/SorotApp'
import { expect, servePerTest, test } from '../support/test'

// The settings screen of the built app against `sorot serve` and a local pouchdb-server: the
// reader starts sync, sees the indicator and the log, goes offline, pauses and stops.
const served = servePerTest()

test.describe('Sinkronisasi, in Indonesian', () => {
  test.use({ locale: 'id-ID' })

  test('starts sync, shows synced, offline with the reason, pause, and stop that keeps the library', async ({
    page,
    locale
  }) => {
    test.setTimeout(180_000)
    const { settings, library, api } = new SorotApp(page, served(), locale)
    const { sync } = settings
    const couch = await startCouchServer()
    const proxy = await startFlakyProxy(couch.url, { sari: { password: 'rahasia-sekali' } })
    try {
      await api.importTexts(['Harga beras naik\n\nHarga beras di pasar naik lagi.'])
      await settings.goto()
      await expect(sync.status).toHaveText('Tidak disinkronkan')
      await sync.start({
        url: proxy.url,
        database: 'e2e',
        user: 'sari',
        password: 'rahasia-sekali'
      })
      await expect(sync.status).toHaveText('Tersinkron', { timeout: 60_000 })
      await expect(sync.log.first()).toContainText('received')
      const state = readFileSync(path.join(served().dataDir, 'sync.json'), 'utf8')
      expect(state).toContain('"user": "sari"')
      expect(state).not.toContain('rahasia')

      proxy.down()
      await expect(sync.status).toContainText(/Luring: Cannot reach http/, { timeout: 60_000 })
      proxy.up()
      await expect(sync.status).toHaveText('Tersinkron', { timeout: 60_000 })
      await sync.press('sync.pause')
      await expect(sync.status).toHaveText('Dijeda')
      await sync.press('sync.resume')
      await expect(sync.status).toHaveText('Tersinkron', { timeout: 60_000 })
      await sync.press('sync.stop')
      await expect(sync.status).toHaveText('Tidak disinkronkan')
      await page.goto(served().url)
      await expect(library.titles).toHaveText(['Harga beras naik'])
    } finally {
      await proxy.close()
      await couch.stop()
    }
  })
})
