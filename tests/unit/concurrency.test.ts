import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core/core'
import { lockLibrary } from '../../src/main/core/locking'
import {
  annotationsFileSchema,
  articleFileSchema,
  indexFileSchema
} from '../../src/main/core/store/schemas'
import { bundleForNode } from '../support/bundle'
import type { CliRun } from '../support/cli'
import { CORPUS } from '../support/core'
import { ROOT } from '../support/paths'

const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'sorot-concurrency-'))
const real = (name: string): string => path.join(CORPUS, 'real', name)

let bundleDir: string
let sorot: string

/** Runs the `sorot` CLI (built from the current sources) as its own process. */
function runProcess(args: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [sorot, ...args], { cwd: ROOT, stdio: 'pipe' })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += String(chunk)))
    child.stderr.on('data', (chunk) => (stderr += String(chunk)))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
  })
}

/** Starts `sorot serve` on a data dir and resolves once it prints its URL (it holds the lock). */
async function startServe(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [sorot, '--data-dir', dataDir, 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += String(chunk)))
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', () => resolve())
    child.once('exit', (code) => reject(new Error(`sorot serve exited with ${code}: ${stderr}`)))
  })
  return child
}

const stop = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

/** The article ids in index.json, after checking every data file parses with its schema. */
async function libraryOnDisk(dataDir: string): Promise<string[]> {
  const index = indexFileSchema.parse(
    JSON.parse(await readFile(path.join(dataDir, 'index.json'), 'utf8'))
  )
  for (const name of await readdir(path.join(dataDir, 'articles')))
    articleFileSchema.parse(
      JSON.parse(await readFile(path.join(dataDir, 'articles', name), 'utf8'))
    )
  for (const name of await readdir(path.join(dataDir, 'annotations')))
    annotationsFileSchema.parse(
      JSON.parse(await readFile(path.join(dataDir, 'annotations', name), 'utf8'))
    )
  return index.articles.map((a) => a.id).sort()
}

/** The ids a successful `sorot import` printed. */
const importedIds = (run: CliRun): string[] =>
  run.stdout
    .split('\n')
    .filter((line) => line.startsWith('imported'))
    .map((line) => line.split(/\s+/)[1])

const BUSY = (dataDir: string): string =>
  `sorot: Sorot is open on this library (${dataDir}); close it or use the app`

describe('concurrent writers on one data dir', () => {
  beforeAll(async () => {
    bundleDir = path.join(ROOT, 'node_modules/.cache', `sorot-concurrency-${process.pid}`)
    ;({ sorot } = await bundleForNode(
      { sorot: path.join(ROOT, 'tests/support/cli-process.ts') },
      bundleDir
    ))
  }, 60_000)

  afterAll(async () => {
    await rm(bundleDir, { recursive: true, force: true })
  })

  it('serialises two CLI imports started together: the library holds exactly the successes', async () => {
    const dataDir = await tempDir()
    const rounds = [
      ['01-kompas-pilot-susi-air.txt', '02-kompas-orangtua-bima.txt'],
      ['03-kompas-baliho-rusia-bali.txt', '04-kompas-kulkas-ramah-lingkungan.txt'],
      ['05-kompas-youtube-tombol-hype.txt', '06-detik-ancelotti-belum-pensiun.txt']
    ]
    const succeeded: string[] = []
    for (const pair of rounds) {
      const runs = await Promise.all(
        pair.map((file) => runProcess(['--data-dir', dataDir, 'import', real(file)]))
      )
      for (const run of runs) {
        if (run.code === 0) succeeded.push(...importedIds(run))
        // The only acceptable failure is the clear one, with nothing written.
        else expect(run.stderr.trim()).toBe(BUSY(dataDir))
      }
      expect(await libraryOnDisk(dataDir)).toEqual([...succeeded].sort())
    }
    expect(succeeded.length).toBeGreaterThanOrEqual(rounds.length)
    expect(await readdir(dataDir)).not.toContain('sorot.lock')
  }, 60_000)

  it('refuses a CLI import while sorot serve holds the library, with a clear message and no change', async () => {
    const dataDir = await tempDir()
    const first = await runProcess([
      '--data-dir',
      dataDir,
      'import',
      real('07-detik-ronaldo-lamine-yamal.txt')
    ])
    expect(first.code).toBe(0)
    const before = await libraryOnDisk(dataDir)
    const serve = await startServe(dataDir)
    try {
      const refused = await runProcess([
        '--data-dir',
        dataDir,
        'import',
        real('08-detik-persib-port-fc.txt')
      ])
      expect(refused.code).toBe(1)
      expect(refused.stderr.trim()).toBe(BUSY(dataDir))
      expect(await libraryOnDisk(dataDir)).toEqual(before)
      // Reading needs no lock: list works beside the running server.
      const list = await runProcess(['--data-dir', dataDir, 'list'])
      expect(list.code).toBe(0)
      expect(list.stdout).toContain(before[0])
    } finally {
      await stop(serve)
    }
    const after = await runProcess([
      '--data-dir',
      dataDir,
      'import',
      real('08-detik-persib-port-fc.txt')
    ])
    expect(after.code).toBe(0)
    expect(await libraryOnDisk(dataDir)).toHaveLength(2)
  }, 60_000)

  it('lets one holder have the lock at a time, and a released lock be taken again', async () => {
    const dataDir = await tempDir()
    const core = await openCore({ dataDir, version: 'test', lock: { holder: 'app', waitMs: 0 } })
    await expect(lockLibrary(dataDir, { holder: 'cli', waitMs: 200 })).rejects.toThrow(
      `Sorot is open on this library (${dataDir}); close it or use the app`
    )
    await expect(
      openCore({ dataDir, version: 'test', lock: { holder: 'app', waitMs: 0 } })
    ).rejects.toThrow(/Another Sorot process .* is writing to this library/)
    await core.close()
    const again = await lockLibrary(dataDir, { holder: 'cli', waitMs: 0 })
    await again.release()
  })

  it('refuses saves in a core opened read-only, naming the file', async () => {
    const dataDir = await tempDir()
    await (await openCore({ dataDir, version: 'test' })).close()
    const core = await openCore({ dataDir, version: 'test', readOnly: true })
    const result = await core.dispatch('settings.set', { theme: 'dark' })
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'storage',
        message: `Could not save ${path.join(dataDir, 'settings.json')}: the library was opened read-only (without the writer lock)`
      }
    })
  })
})
