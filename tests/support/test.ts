import { test as base, expect } from '@playwright/test'
import { startServe, type ServedApp } from './serve'

/** True for requests that stay on this machine: the served app, data: and blob: URLs. */
export function staysLocal(url: string): boolean {
  const { protocol, hostname } = new URL(url)
  if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true
  return hostname === '127.0.0.1'
}

/**
 * The browser end-to-end `test`: every page's requests are watched, and a test fails when the
 * app asked for anything beyond 127.0.0.1 (the offline guarantee). Such a request is also
 * aborted, so nothing leaves the machine even while the test is failing.
 */
export const test = base.extend<{ networkGuard: { takeLeaks: () => string[] } }>({
  networkGuard: [
    async ({ context }, use) => {
      const leaks: string[] = []
      await context.route('**/*', (route) => {
        const url = route.request().url()
        if (staysLocal(url)) return route.continue()
        leaks.push(url)
        return route.abort('blockedbyclient')
      })
      // takeLeaks lets the guard's own test see (and clear) what it caught.
      await use({ takeLeaks: () => leaks.splice(0) })
      expect(leaks, 'requests that left 127.0.0.1').toEqual([])
    },
    { auto: true }
  ]
})

export { expect }

/**
 * Starts a fresh `sorot serve` over a new temp data dir before each test of the file and stops
 * it after; the returned getter gives the running one.
 */
export function servePerTest(): () => ServedApp {
  let app: ServedApp | undefined
  test.beforeEach(async () => {
    app = await startServe()
  })
  test.afterEach(async () => {
    await app?.stop()
  })
  return () => {
    if (!app) throw new Error('sorot serve is not running (used outside a test?)')
    return app
  }
}
