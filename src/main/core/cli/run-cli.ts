import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { Core } from '../core'
import type { Recovery } from '../store/json-file'
import { resolveDataDir } from '../data-dir'
import {
  UsageError,
  type CliCommand,
  type CliEnvironment,
  type CliIo,
  type OptionValues
} from './command'
import { commands } from './commands'

export type { CliEnvironment, CliIo } from './command'

const globalOptions: NonNullable<ParseArgsConfig['options']> = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' }
}

/** How long a write command waits for another writer (a CLI import) before giving up. */
const LOCK_WAIT_MS = 3000

/** What happened to a damaged file, for stderr: where it was kept and what replaced it. */
function recoveryMessage(recovery: Recovery): string {
  const replaced = recovery.restoredFrom
    ? `restored from the snapshot backups/${recovery.restoredFrom}`
    : 'no snapshot held a good copy, so it starts empty'
  return `sorot: ${recovery.file} was damaged (${recovery.reason}); it was kept as ${recovery.movedTo} and ${replaced}`
}

/** The usage text, made from the command registry. */
export function usage(): string {
  const width = Math.max(...commands.map((c) => c.usage.length)) + 2
  const lines = commands.map((c) => `  ${c.usage.padEnd(width)} ${c.summary}`)
  return [
    'Usage: sorot [--data-dir DIR] <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    `  ${'--data-dir DIR'.padEnd(width)} the library folder (default: SOROT_DATA_DIR, then the app's data dir)`,
    `  ${'--json'.padEnd(width)} print machine-readable JSON`,
    `  ${'-h, --help'.padEnd(width)} show this help`,
    `  ${'-v, --version'.padEnd(width)} show the version`
  ].join('\n')
}

function parse(argv: string[]): {
  command?: CliCommand
  args: string[]
  values: OptionValues
  name?: string
} {
  const allOptions = Object.assign({}, globalOptions, ...commands.map((c) => c.options ?? {}))
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: allOptions
  })
  const [name, ...args] = positionals
  const command = commands.find((c) => c.name === name)
  if (command) {
    const allowed = new Set([...Object.keys(globalOptions), ...Object.keys(command.options ?? {})])
    const stray = Object.keys(values).find((key) => !allowed.has(key))
    if (stray) throw new UsageError(`${command.name} does not take --${stray}`)
  }
  return { command, args, values: values as OptionValues, name }
}

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 failure, 2 usage error. */
export async function runCli(argv: string[], io: CliIo, env: CliEnvironment): Promise<number> {
  let core: Core | undefined
  try {
    const { command, args, values, name } = parse(argv)
    if (values.help) {
      io.stdout(usage())
      return 0
    }
    if (values.version) {
      io.stdout(env.version)
      return 0
    }
    if (!command) throw new UsageError(name ? `unknown command "${name}"` : 'no command given')
    const context = {
      io,
      env,
      json: values.json === true,
      core: async (): Promise<Core> => {
        const writes = command.writes === true
        // Loaded when a command first needs the library: help and usage errors never do.
        const { openCore } = await import('../core')
        // Only writers take the lock (and the daily snapshot): reads run beside the app.
        core ??= await openCore({
          dataDir: resolveDataDir(values['data-dir'] as string | undefined),
          version: env.version,
          readOnly: !writes,
          lock: writes ? { holder: 'cli', waitMs: LOCK_WAIT_MS } : undefined,
          dailySnapshot: writes
        })
        for (const recovery of core.recoveries.splice(0)) io.stderr(recoveryMessage(recovery))
        for (const warning of core.warnings.splice(0)) io.stderr(`sorot: ${warning}`)
        return core
      }
    }
    return await command.run(context, args, values)
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.stderr(`sorot: ${(error as Error).message}\n\n${usage()}`)
      return 2
    }
    io.stderr(`sorot: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    // Files opened during the command (an article, its annotations) may have been repaired too.
    for (const recovery of core?.recoveries.splice(0) ?? []) io.stderr(recoveryMessage(recovery))
    await core?.close()
    // The daily snapshot ran in the background: its failure is known only once it ended.
    for (const warning of core?.warnings.splice(0) ?? []) io.stderr(`sorot: ${warning}`)
  }
}
