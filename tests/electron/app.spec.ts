import { _electron as electron, expect, test } from '@playwright/test'
import path from 'node:path'
import { electronBinary } from '../support/electron'
import { ROOT, tempDataDir } from '../support/serve'

const binary = electronBinary()
if (!binary) {
  console.log(
    'Electron end-to-end: SKIPPED, the Electron binary is not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD).'
  )
}

test.describe('Electron app', () => {
  test.skip(!binary, 'the Electron binary is not installed on this machine')

  test('opens on the sample article in a locked-down window', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [path.join(ROOT, 'out/main/index.js'), '--data-dir', tempDataDir(), '--no-sandbox'],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' }
    })
    const page = await app.firstWindow()
    // Loaded from the app's own scheme, never from file://.
    expect(page.url()).toMatch(/^app:\/\/sorot\/index\.html/)
    await expect(
      page.getByRole('link', { name: /Kerja sama antara badan intelijen/ })
    ).toBeVisible()
    // What a sandboxed, context-isolated page without Node integration sees.
    const seen = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>
      const bridge = g.sorot as Record<string, unknown> | undefined
      return {
        require: typeof g.require,
        process: typeof g.process,
        bridge: Object.keys(bridge ?? {}).sort(),
        ipcRenderer: typeof (bridge as { ipcRenderer?: unknown } | undefined)?.ipcRenderer
      }
    })
    expect(seen.require).toBe('undefined')
    expect(seen.process).toBe('undefined')
    expect(seen.ipcRenderer).toBe('undefined')
    expect(seen.bridge).toEqual(expect.arrayContaining(['articles', 'settings', 'onEvent']))
    await app.close()
  })
})
