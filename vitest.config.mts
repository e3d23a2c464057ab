import { defineConfig } from 'vitest/config'

export default defineConfig({
  define: { __SOROT_VERSION__: JSON.stringify('test') },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // The quote detector's common-word lexicon is generated (scripts/build-lexicon.ts).
    globalSetup: ['scripts/build-lexicon-setup.ts']
  }
})
