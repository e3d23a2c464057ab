/// <reference lib="dom" />
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import path from 'node:path'
import { electronBinary } from '../support/electron'
import { ROOT, tempDataDir } from '../support/serve'

const binary = electronBinary()

test.describe('Electron security checklist, on the real window and session', () => {
  test.skip(!binary, 'the Electron binary is not installed on this machine')
  let app: ElectronApplication

  test.beforeAll(async () => {
    app = await electron.launch({
      executablePath: binary!,
      args: [path.join(ROOT, 'out/main/index.js'), '--data-dir', tempDataDir(), '--no-sandbox']
    })
    await app.firstWindow()
  })
  test.afterAll(async () => {
    await app?.close()
  })

  test('the page is isolated and sandboxed: no Node, no ipcRenderer, no <webview>', async () => {
    const page = await app.firstWindow()
    const seen = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>
      return {
        require: typeof g.require,
        process: typeof g.process,
        buffer: typeof g.Buffer,
        ipcRenderer: typeof (g.sorot as Record<string, unknown> | undefined)?.ipcRenderer,
        webview: document.createElement('webview').constructor.name
      }
    })
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      buffer: 'undefined',
      ipcRenderer: 'undefined',
      webview: 'HTMLUnknownElement'
    })
  })

  test('navigation away and new windows are refused; permissions are denied', async () => {
    const page = await app.firstWindow()
    const before = page.url()
    await page.evaluate(() => {
      window.location.href = 'https://example.org/'
    })
    await page.waitForTimeout(500)
    expect(page.url()).toBe(before)
    const opened = await page.evaluate(() => window.open('https://example.org/') === null)
    expect(opened).toBe(true)
    expect(app.windows()).toHaveLength(1)
    const permission = await page.evaluate(() =>
      navigator.permissions.query({ name: 'geolocation' }).then((p) => p.state)
    )
    expect(permission).toBe('denied')
  })

  test('the page has a CSP without remote origins and no Node', async () => {
    const page = await app.firstWindow()
    const seen = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      csp: document
        .querySelector('meta[http-equiv="Content-Security-Policy"]')
        ?.getAttribute('content')
    }))
    expect(seen.require).toBe('undefined')
    expect(seen.csp).toContain("default-src 'self'")
    expect(seen.csp).not.toMatch(/https?:/)
  })

  test("IPC from the app's own main frame passes the sender check (refusals: unit test)", async () => {
    const page = await app.firstWindow()
    const answer = await page.evaluate(async () => {
      const bridge = (
        window as unknown as { sorot: { articles: { list: (i: object) => Promise<unknown> } } }
      ).sorot
      return bridge.articles.list({})
    })
    expect(answer).toMatchObject({ ok: true })
  })
})
