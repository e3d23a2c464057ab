/**
 * Runs one `sorot` command in a fresh process (started with tsx by cli-lazy-loading.test.ts),
 * then prints as its last line the packages from node_modules the process loaded, as JSON.
 */
import { runCli } from '../../src/main/core/cli/run-cli'

async function main(): Promise<void> {
  const code = await runCli(
    process.argv.slice(2),
    {
      stdout: () => undefined,
      stderr: (text) => process.stderr.write(`${text}\n`),
      readStdin: async () => Buffer.alloc(0),
      waitForStop: async () => undefined
    },
    { version: 'test', rendererDir: '' }
  )
  const packages = new Set<string>()
  for (const file of Object.keys(require.cache)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1]
    if (name) packages.add(name)
  }
  process.stdout.write(`${JSON.stringify({ code, packages: [...packages].sort() })}\n`)
}

void main()
