import type { CliCommand } from '../command'
import { importCommand } from './import'
import { listCommand } from './list'
import { serveCommand } from './serve'
import { showCommand } from './show'

/** Every `sorot` command, in the order the usage lists them. */
export const commands: CliCommand[] = [importCommand, listCommand, showCommand, serveCommand]
