import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

// The renderer lane: the page's pure logic (library filters, selection offsets, highlight
// segments as drawn) in jsdom, with the renderer's own aliases.
export default defineConfig({
  define: { __SOROT_VERSION__: JSON.stringify('test') },
  plugins: [react()],
  resolve: {
    alias: {
      '@renderer': resolve(import.meta.dirname, 'src/renderer/src'),
      '@shared': resolve(import.meta.dirname, 'src/shared')
    }
  },
  test: {
    include: ['tests/unit/renderer/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    testTimeout: 30_000
  }
})
