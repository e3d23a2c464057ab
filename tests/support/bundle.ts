import path from 'node:path'
import { ROOT } from './paths'

/**
 * Builds TypeScript entry points into plain ES modules that Node runs as child processes, with
 * the same Vite transforms the app is built with (import.meta.glob for the locale files, the
 * version define). Packages stay in node_modules. Returns the path of each built entry.
 */
export async function bundleForNode(
  entries: Record<string, string>,
  outDir: string
): Promise<Record<string, string>> {
  const { build } = await import('vite')
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    define: { __SOROT_VERSION__: JSON.stringify('test') },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: { input: entries, output: { format: 'esm', entryFileNames: '[name].mjs' } }
    }
  })
  return Object.fromEntries(
    Object.keys(entries).map((name) => [name, path.join(outDir, `${name}.mjs`)])
  )
}
