import { existsSync } from 'node:fs'

/** Flags that keep Chromium quiet on a machine without network (no background calls home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run'
]

/**
 * The browser to drive: $SOROT_CHROMIUM (or $CHROMIUM_PATH), then the system Chromium, then
 * Playwright's own download (undefined lets Playwright pick it).
 */
export function chromiumPath(): string | undefined {
  const fromEnv = process.env.SOROT_CHROMIUM || process.env.CHROMIUM_PATH
  if (fromEnv) return fromEnv
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((candidate) =>
    existsSync(candidate)
  )
}
