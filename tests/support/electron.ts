import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './serve'

/**
 * The installed Electron binary, or null where it was not downloaded (as on CI, which
 * installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1).
 */
export function electronBinary(): string | null {
  const pathFile = path.join(ROOT, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = path.join(
    ROOT,
    'node_modules',
    'electron',
    'dist',
    readFileSync(pathFile, 'utf8').trim()
  )
  return existsSync(binary) ? binary : null
}
