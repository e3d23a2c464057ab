import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from './tests/support/chromium'

export default defineConfig({
  testDir: './tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  timeout: 60_000,
  // The soak (scripts/e2e-soak.mjs) runs beside a CPU hog and looks for races, not speed: it
  // gives each expectation longer than the default 5 s.
  expect: { timeout: Number(process.env.SOROT_EXPECT_TIMEOUT_MS) || 5_000 },
  workers: 2,
  // One retry, so a timing flake on a busy machine does not stop a landing; Playwright still
  // reports such a test as "flaky" in the list and the summary, with the first run's trace.
  retries: 1,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
    trace: 'retain-on-first-failure'
  }
})
