import type { CliCommand } from '../command'
import { annotationsCommand } from './annotations'
import { exportCommands } from './export'
import { highlightCommand } from './highlight'
import { importCommand } from './import'
import { listCommand } from './list'
import { quotesCommand } from './quotes'
import { searchCommand } from './search'
import { serveCommand } from './serve'
import { showCommand } from './show'
import { speakersCommand } from './speakers'
import { syncCommand } from './sync'

/** Every `sorot` command, in the order the usage lists them. */
export const commands: CliCommand[] = [
  importCommand,
  listCommand,
  showCommand,
  highlightCommand,
  annotationsCommand,
  quotesCommand,
  speakersCommand,
  searchCommand,
  ...exportCommands,
  serveCommand,
  syncCommand
]
