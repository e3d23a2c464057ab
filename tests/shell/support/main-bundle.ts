import { existsSync, mkdtempSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from '../../support/paths'
import { createStandIn, type StandIn } from './electron-stand-in'

export const OUT = path.join(ROOT, 'out')
export const MAIN_BUNDLE = path.join(OUT, 'main', 'index.js')
export const PRELOAD_BUNDLE = path.join(OUT, 'preload', 'index.js')
export const RENDERER_DIR = path.join(OUT, 'renderer')

/** The id the stand-in is cached under: what `require('electron')` resolves to while loaded. */
const STAND_IN_ID = path.join(ROOT, 'tests/shell/support/electron.stand-in.cjs')
const requireHere = createRequire(__filename)

type Resolve = (request: string, ...rest: unknown[]) => string
const loader = Module as unknown as { _resolveFilename: Resolve }
let hooked = false

/** Routes `require('electron')` (from anywhere) to the stand-in in require.cache. */
function hookElectron(): void {
  if (hooked) return
  hooked = true
  const resolve = loader._resolveFilename
  loader._resolveFilename = function (request, ...rest) {
    return request === 'electron' ? STAND_IN_ID : resolve.call(this, request, ...rest)
  }
}

function cacheStandIn(exports: Record<string, unknown>): void {
  const module = new Module(STAND_IN_ID)
  module.filename = STAND_IN_ID
  module.loaded = true
  module.exports = exports
  requireHere.cache[STAND_IN_ID] = module
}

/** A fresh temp folder. */
export const tempDir = (prefix = 'sorot-shell-'): string =>
  mkdtempSync(path.join(os.tmpdir(), prefix))

/**
 * Loads the built main bundle (out/main/index.js) afresh under Node, with `electron` replaced
 * by a new recorded stand-in and SOROT_DATA_DIR set to `dataDir`. Returns the stand-in; the
 * app is not ready until the test calls `ready()`.
 */
export function loadMainBundle(
  dataDir = tempDir(),
  env: Record<string, string | undefined> = {},
  machine: { userData?: string; keychain?: boolean } = {}
): StandIn {
  if (!existsSync(MAIN_BUNDLE)) throw new Error(`${MAIN_BUNDLE} is missing: run the build first`)
  hookElectron()
  const standIn = createStandIn(
    machine.userData ?? tempDir('sorot-shell-userdata-'),
    machine.keychain ?? false
  )
  cacheStandIn(standIn.module)
  for (const id of Object.keys(requireHere.cache))
    if (id.startsWith(path.join(OUT, 'main') + path.sep)) delete requireHere.cache[id]
  // Kept set: the shell reads some of them later (ELECTRON_RENDERER_URL when the window opens).
  Object.assign(process.env, { SOROT_DATA_DIR: dataDir, ...env })
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete process.env[name]
  requireHere(MAIN_BUNDLE)
  return standIn
}

/** Waits until `probe` answers something (the shell's start is asynchronous). */
export async function until<T>(
  probe: () => T | undefined | null | Promise<T | undefined | null>,
  what: string
): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const value = await probe()
    if (value !== undefined && value !== null) return value
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`gave up waiting for ${what}`)
}
