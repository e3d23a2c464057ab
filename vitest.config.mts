import { configDefaults, defineConfig } from 'vitest/config'

export default defineConfig({
  define: { __SOROT_VERSION__: JSON.stringify('test') },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // The renderer's tests need a DOM: their own lane (vitest.renderer.config.mts).
    exclude: [...configDefaults.exclude, 'tests/unit/renderer/**'],
    environment: 'node',
    // A hang detector, not a speed check (that is `npm run bench`): generous for a slow CI machine.
    testTimeout: 90_000,
    pool: 'forks',
    // The quote detector's common-word lexicon is generated (scripts/build-lexicon.ts).
    globalSetup: ['scripts/build-lexicon-setup.ts']
  }
})
