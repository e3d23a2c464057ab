import type { CliCommand } from '../command'
import { annotationsCommand } from './annotations'
import { highlightCommand } from './highlight'
import { importCommand } from './import'
import { listCommand } from './list'
import { quotesCommand } from './quotes'
import { serveCommand } from './serve'
import { showCommand } from './show'

/** Every `sorot` command, in the order the usage lists them. */
export const commands: CliCommand[] = [
  importCommand,
  listCommand,
  showCommand,
  highlightCommand,
  annotationsCommand,
  quotesCommand,
  serveCommand
]
