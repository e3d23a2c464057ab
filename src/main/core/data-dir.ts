import os from 'node:os'
import path from 'node:path'

/** The app name Electron derives userData from (package.json productName). */
export const APP_NAME = 'Sorot'

export interface DataDirContext {
  platform: NodeJS.Platform
  env: NodeJS.ProcessEnv
  home: string
}

const currentContext = (): DataDirContext => ({
  platform: process.platform,
  env: process.env,
  home: os.homedir()
})

/**
 * Electron's `userData` for "Sorot", computed without Electron so the CLI and the app agree:
 * %APPDATA%\Sorot on Windows, ~/Library/Application Support/Sorot on macOS,
 * $XDG_CONFIG_HOME/Sorot (default ~/.config/Sorot) elsewhere.
 */
export function defaultDataDir(context: DataDirContext = currentContext()): string {
  const { platform, env, home } = context
  if (platform === 'win32') {
    const appData = env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming')
    return path.win32.join(appData, APP_NAME)
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', APP_NAME)
  }
  const config = env.XDG_CONFIG_HOME || path.posix.join(home, '.config')
  return path.posix.join(config, APP_NAME)
}

/** `--data-dir` wins, then SOROT_DATA_DIR, then the per-OS default. */
export function resolveDataDir(
  flag: string | undefined,
  context: DataDirContext = currentContext()
): string {
  const chosen = flag || context.env.SOROT_DATA_DIR
  return chosen ? path.resolve(chosen) : defaultDataDir(context)
}
