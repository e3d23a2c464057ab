#!/usr/bin/env node
// `npm test`: every test lane, in order. Lint and the build (with typecheck) come first; the
// browser and Electron end-to-end lanes run against the build. Exit 1 when any lane fails.
// The summary at the end names every failed test, so a CI log cut to its last lines still says
// what failed.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const reports = mkdtempSync(path.join(os.tmpdir(), 'sorot-test-'))
const vitestJson = (name) => ({
  args: `--reporter=default --reporter=json --outputFile.json=${path.join(reports, name)}`,
  report: path.join(reports, name),
  read: failedVitestTests
})

const lanes = [
  { name: 'lint', command: 'npm run lint' },
  { name: 'build (typecheck + electron-vite)', command: 'npm run build', required: true },
  { name: 'unit (vitest: shared + core)', command: 'npx vitest run', ...vitestJson('unit.json') },
  {
    name: 'renderer unit (vitest + jsdom)',
    command: 'npx vitest run --config vitest.renderer.config.mts',
    ...vitestJson('renderer.json')
  },
  {
    // The built main and preload bundles, executed against a recorded stand-in of Electron.
    name: 'shell (recorded Electron API)',
    command: 'npm run test:shell'
  },
  {
    name: 'end-to-end (playwright: browser via sorot serve, and Electron)',
    command: 'npx playwright test',
    args: '--reporter=list,json',
    env: { PLAYWRIGHT_JSON_OUTPUT_FILE: path.join(reports, 'e2e.json') },
    report: path.join(reports, 'e2e.json'),
    read: failedPlaywrightTests
  }
]

/** "file › test: first line of the error" for each failed test of a vitest JSON report. */
function failedVitestTests(report) {
  return report.testResults.flatMap((file) => {
    const where = path.relative(process.cwd(), file.name)
    const failed = file.assertionResults
      .filter((t) => t.status === 'failed')
      .map((t) => `${where} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`)
    // A file that fails before its tests run (a syntax error, a failed import) has no results.
    return failed.length === 0 && file.status === 'failed'
      ? [`${where}: ${firstLine(file.message)}`]
      : failed
  })
}

/** The same for a Playwright JSON report: tests whose last attempt failed. */
function failedPlaywrightTests(report) {
  const out = []
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? [])
      for (const test of spec.tests ?? []) {
        const last = test.results?.at(-1)
        if (test.status === 'unexpected')
          out.push(
            `${spec.file} › ${[...titles, spec.title].join(' › ')}: ${firstLine(last?.error?.message)}`
          )
      }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title].filter(Boolean))
  }
  for (const suite of report.suites ?? []) walk(suite, [])
  return out
}

function firstLine(text) {
  // eslint-disable-next-line no-control-regex
  const plain = String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '')
  return (
    plain
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.trim()
      .slice(0, 300) ?? ''
  )
}

const results = []
for (const lane of lanes) {
  process.stdout.write(`\n=== ${lane.name}\n`)
  const started = Date.now()
  const command = lane.args ? `${lane.command} ${lane.args}` : lane.command
  const { status } = spawnSync(command, {
    stdio: 'inherit',
    shell: true,
    env: { ...process.env, ...lane.env }
  })
  const passed = status === 0
  let failures = []
  if (!passed && lane.report && existsSync(lane.report)) {
    try {
      failures = lane.read(JSON.parse(readFileSync(lane.report, 'utf8')))
    } catch (error) {
      failures = [`(could not read the report ${lane.report}: ${error.message})`]
    }
  }
  results.push({
    name: lane.name,
    passed,
    failures,
    seconds: ((Date.now() - started) / 1000).toFixed(1)
  })
  if (!passed && lane.required) break
}

process.stdout.write('\n=== summary\n')
for (const r of results) {
  process.stdout.write(`${r.passed ? 'ok  ' : 'FAIL'}  ${r.name} (${r.seconds}s)\n`)
  for (const failure of r.failures) process.stdout.write(`        ✗ ${failure}\n`)
}
const failed = results.filter((r) => !r.passed).length + (lanes.length - results.length)
process.stdout.write(`lanes: ${lanes.length - failed} passed, ${failed} failed\n`)
process.exit(failed === 0 ? 0 : 1)
