import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import pkg from './package.json'

const define = { __SOROT_VERSION__: JSON.stringify(pkg.version) }

/** jsdom and its own files: loaded from node_modules at run time, never bundled. */
const JSDOM = ['jsdom', /^jsdom\//]

export default defineConfig({
  main: {
    define,
    build: {
      // Bundle every library (lowdb and marked are ESM-only) but jsdom, which reads its own files
      // at run time and so cannot be bundled: the CLI and the packaged app load it (and the
      // packages it requires) from node_modules. (The object form of externalizeDeps would make
      // every dependency external but those excluded, so jsdom is named here instead.)
      externalizeDeps: false,
      rollupOptions: {
        external: JSDOM,
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          // The search index is built in a worker thread, which needs a file of its own.
          'search-worker': resolve(__dirname, 'src/main/search-worker.ts'),
          // Quote detection of long texts runs in a worker thread too (quotes/detect-off-thread.ts).
          'quotes-worker': resolve(__dirname, 'src/main/quotes-worker.ts')
        }
      }
    }
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages: bundle it whole, as CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    resolve: {
      alias: {
        '@renderer': resolve(__dirname, 'src/renderer/src'),
        '@shared': resolve(__dirname, 'src/shared')
      }
    },
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified; minified, the page parses and starts faster.
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
