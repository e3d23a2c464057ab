import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './tests/support/chromium'

// The shell lane's browser mode: the page talks through the built preload to the recorded
// ipcMain handlers of the built main bundle (tests/shell/support/electron-page.ts), not HTTP.
export default defineConfig({
  testDir: './tests',
  testMatch: ['shell/**/*.spec.ts'],
  timeout: 90_000,
  workers: 1,
  reporter: [['list']],
  // The built bundles are loaded as they are: Playwright would otherwise transpile megabytes.
  build: { external: ['**/out/**'] },
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure'
  }
})
