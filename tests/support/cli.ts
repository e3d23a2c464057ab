import path from 'node:path'
import { runCli } from '../../src/main/core/cli/run-cli'
import { ROOT } from './paths'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs the `sorot` CLI in-process with real files, capturing what it prints. */
export async function runSorot(args: string[], stdin = ''): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(
    args,
    {
      stdout: (text) => (stdout += `${text}\n`),
      stderr: (text) => (stderr += `${text}\n`),
      readStdin: async () => Buffer.from(stdin),
      waitForStop: async () => undefined
    },
    { version: '9.9.9', rendererDir: path.join(ROOT, 'out/renderer') }
  )
  return { code, stdout, stderr }
}
