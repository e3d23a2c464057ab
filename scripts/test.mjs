#!/usr/bin/env node
// `npm test`: every test lane, in order. Lint and the build (with typecheck) come first; the
// browser and Electron end-to-end lanes run against the build. Exit 1 when any lane fails.
import { spawnSync } from 'node:child_process'

const lanes = [
  { name: 'lint', command: 'npm run lint' },
  { name: 'build (typecheck + electron-vite)', command: 'npm run build', required: true },
  { name: 'unit (vitest: shared + core)', command: 'npx vitest run' },
  { name: 'renderer unit (vitest + jsdom)', command: 'npm run test:renderer' },
  {
    // The built main and preload bundles, executed against a recorded stand-in of Electron.
    name: 'shell (recorded Electron API)',
    command: 'npm run test:shell'
  },
  {
    name: 'end-to-end (playwright: browser via sorot serve, and Electron)',
    command: 'npx playwright test'
  }
]

const results = []
for (const lane of lanes) {
  process.stdout.write(`\n=== ${lane.name}\n`)
  const started = Date.now()
  const { status } = spawnSync(lane.command, { stdio: 'inherit', shell: true })
  const passed = status === 0
  results.push({ name: lane.name, passed, seconds: ((Date.now() - started) / 1000).toFixed(1) })
  if (!passed && lane.required) break
}

process.stdout.write('\n=== summary\n')
for (const r of results)
  process.stdout.write(`${r.passed ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds}s)\n`)
const failed = results.filter((r) => !r.passed).length + (lanes.length - results.length)
process.stdout.write(`lanes: ${lanes.length - failed} passed, ${failed} failed\n`)
process.exit(failed === 0 ? 0 : 1)
