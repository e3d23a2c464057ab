import { defineConfig } from 'vitest/config'

// The shell lane: the built main and preload bundles (out/) run under Node against a recorded
// stand-in of Electron's API. Needs `electron-vite build` first.
export default defineConfig({
  define: { __SOROT_VERSION__: JSON.stringify('test') },
  test: {
    include: ['tests/shell/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    pool: 'forks'
  }
})
