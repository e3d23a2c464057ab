import path from 'node:path'
import { runCli } from './core/cli/run-cli'

/** `sorot` on the command line: the same core as the app, no window. */
const stdinChunks = async (): Promise<Buffer> => {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function main(): Promise<void> {
  process.exitCode = await runCli(
    process.argv.slice(2),
    {
      stdout: (text) => process.stdout.write(`${text}\n`),
      stderr: (text) => process.stderr.write(`${text}\n`),
      readStdin: stdinChunks,
      waitForStop: () =>
        new Promise((resolve) => {
          process.once('SIGINT', () => resolve())
          process.once('SIGTERM', () => resolve())
        })
    },
    { version: __SOROT_VERSION__, rendererDir: path.join(__dirname, '../renderer') }
  )
}

void main()
