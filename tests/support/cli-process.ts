/**
 * `sorot` as a child process for tests that need several at once (locking): the same runCli as
 * src/main/cli.ts, built by bundleForNode from the current sources. Run with the repository
 * root as the working directory (the built renderer is served from out/renderer).
 */
import path from 'node:path'
import { runCli } from '../../src/main/core/cli/run-cli'

const readStdin = async (): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

process.exitCode = await runCli(
  process.argv.slice(2),
  {
    stdout: (text) => process.stdout.write(`${text}\n`),
    stderr: (text) => process.stderr.write(`${text}\n`),
    readStdin,
    waitForStop: () =>
      new Promise((resolve) => {
        process.once('SIGINT', () => resolve())
        process.once('SIGTERM', () => resolve())
      })
  },
  { version: 'test', rendererDir: path.join(process.cwd(), 'out/renderer') }
)
