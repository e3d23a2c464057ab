#!/usr/bin/env node
// `npm run test:e2e:soak [-- RUNS]`: the whole browser suite RUNS times in a row (10 by
// default) while a CPU hog keeps both cores busy, stopping at the first failing run. It finds
// tests that race on a loaded machine; a pass here is zero failures in every run.
import { spawn, spawnSync } from 'node:child_process'
import os from 'node:os'

const runs = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10)
// Each test's time budget (Playwright's default is 60 s): with both cores taken by the hog a
// test takes several times longer, and the soak looks for races, not for speed.
const testTimeoutMs = Number(process.env.SOAK_TEST_TIMEOUT_MS ?? 180_000)
// And each expectation's (5 s by default): an import or an export beside the hog can take longer.
const expectTimeoutMs = Number(process.env.SOAK_EXPECT_TIMEOUT_MS ?? 20_000)
const hogs = Math.max(1, Math.min(2, os.cpus().length))

/** stress-ng when installed (apt-get install stress-ng), else node children spinning. */
function startHog() {
  const hasStress = spawnSync('stress-ng', ['--version'], { stdio: 'ignore' }).status === 0
  if (hasStress) {
    const child = spawn('stress-ng', ['--cpu', String(hogs), '--quiet'], { stdio: 'ignore' })
    return { name: `stress-ng --cpu ${hogs}`, children: [child] }
  }
  const spin = 'for (;;) { Math.sqrt(Math.random()) }'
  const children = Array.from({ length: hogs }, () =>
    spawn(process.execPath, ['-e', spin], { stdio: 'ignore' })
  )
  return { name: `${hogs} node busy-loop children`, children }
}

function stopHog(hog) {
  for (const child of hog.children) if (child.exitCode === null) child.kill('SIGKILL')
}

const build = spawnSync('npx electron-vite build', { stdio: 'inherit', shell: true })
if (build.status !== 0) process.exit(build.status ?? 1)

const hog = startHog()
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    stopHog(hog)
    process.exit(130)
  })
process.stdout.write(`soak: ${runs} runs of the browser suite beside ${hog.name}\n`)
const results = []
let failed = false
for (let run = 1; run <= runs; run++) {
  const started = Date.now()
  // No retries: the soak looks for the races that the suite's one retry would hide.
  const command = `npx playwright test tests/e2e --retries=0 --timeout=${testTimeoutMs}`
  const { status } = spawnSync(command, {
    stdio: 'inherit',
    shell: true,
    env: { ...process.env, SOROT_EXPECT_TIMEOUT_MS: String(expectTimeoutMs) }
  })
  const seconds = ((Date.now() - started) / 1000).toFixed(0)
  results.push(`run ${run}: ${status === 0 ? 'pass' : 'FAIL'} (${seconds}s)`)
  process.stdout.write(`\nsoak: ${results.at(-1)}\n`)
  if (status !== 0) {
    failed = true
    break
  }
}
stopHog(hog)
process.stdout.write(`\nsoak summary (${hog.name}):\n${results.join('\n')}\n`)
process.exit(failed ? 1 : 0)
