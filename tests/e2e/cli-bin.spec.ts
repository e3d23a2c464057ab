import { expect, test } from '../support/test'
import { spawnSync } from 'node:child_process'
import { BIN, tempDataDir } from '../support/serve'

import { SEED } from '../support/paths'

/** Runs the built `sorot` command as a user would. */
function sorot(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr }
}

test('the built bin imports, lists and shows an article (issue "Done when")', () => {
  const dir = tempDataDir()
  const imported = sorot('--data-dir', dir, 'import', SEED, '--json')
  expect(imported.status, imported.stderr).toBe(0)
  const [{ id, status }] = JSON.parse(imported.stdout)
  expect(status).toBe('imported')

  const listed = sorot('--data-dir', dir, 'list', '--json')
  expect(JSON.parse(listed.stdout).map((a: { id: string }) => a.id)).toEqual([id])

  const shown = sorot('--data-dir', dir, 'show', id, '--json')
  const article = JSON.parse(shown.stdout)
  expect(article.text).toContain('ujar Presiden Putin')
  expect(article.text).not.toContain('[iklan_2]')
})

test('the built bin answers a usage error with exit 2 and its version with -v', () => {
  const usage = sorot('nonsense')
  expect(usage.status).toBe(2)
  expect(usage.stderr).toContain('Usage: sorot')
  const version = sorot('--version')
  expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
})
