import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { ROOT } from './paths'

export { ROOT }

export const BIN = path.join(ROOT, 'bin', 'sorot.cjs')

export interface ServedApp {
  url: string
  origin: string
  token: string
  dataDir: string
  process: ChildProcess
  stop(): Promise<void>
}

/** A fresh temp data dir. */
export function tempDataDir(prefix = 'sorot-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Starts the built `sorot serve` on a free port and waits for its URL on the first line. */
export async function startServe(dataDir = tempDataDir()): Promise<ServedApp> {
  const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)))
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    lines.once('line', resolve)
    child.once('exit', (code) => reject(new Error(`sorot serve exited with ${code}: ${stderr}`)))
  })
  const url = new URL(firstLine)
  return {
    url: firstLine,
    origin: url.origin,
    token: url.searchParams.get('token') ?? '',
    dataDir,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}
