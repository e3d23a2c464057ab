import type { ParseArgsConfig } from 'node:util'
import type { Channel } from '../../../shared/channels'
import type { ChannelInput, ChannelOutput } from '../../../shared/contract'
import { SorotFailure } from '../../../shared/result'
import type { Core } from '../core'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  readStdin: () => Promise<Buffer>
  /** Resolves when the user asks a long-running command (serve) to stop. */
  waitForStop: () => Promise<void>
}

export interface CliEnvironment {
  version: string
  /** The built renderer, served by `sorot serve`. */
  rendererDir: string
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>

export interface CliContext {
  io: CliIo
  env: CliEnvironment
  json: boolean
  /** The core over the chosen data dir, opened on first use and closed after the command. */
  core: () => Promise<Core>
}

/** One `sorot <name>` command. Its options are accepted only after its name. */
export interface CliCommand {
  name: string
  /** One usage line, e.g. `show <id>`. */
  usage: string
  summary: string
  options?: NonNullable<ParseArgsConfig['options']>
  /**
   * True when the command changes the library: it then takes the data dir's writer lock (and
   * fails with "Sorot is open on this library" while the app holds it). Without it the library
   * is opened read-only and every save is refused.
   */
  writes?: boolean
  run(context: CliContext, args: string[], values: OptionValues): Promise<number>
}

/** A mistake in how the command was called: usage is printed and the exit code is 2. */
export class UsageError extends Error {}

/** Calls a channel through dispatch and returns its value, or throws its error. */
export async function call<C extends Channel>(
  core: Core,
  channel: C,
  input: ChannelInput<C>
): Promise<ChannelOutput<C>> {
  const result = await core.dispatch(channel, input)
  if (!result.ok) throw new SorotFailure(result.error.code, result.error.message)
  return result.value as ChannelOutput<C>
}

/** Prints `value` as indented JSON. */
export function printJson(context: CliContext, value: unknown): void {
  context.io.stdout(JSON.stringify(value, null, 2))
}
