import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/paths'
import { tempDir } from './support/main-bundle'

const requireHere = createRequire(__filename)
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
/** Electron 45's fuse wire: nine fuses, in FuseV1Options order. */
const WIRE = ['RunAsNode', 'EnableCookieEncryption', 'EnableNodeOptionsEnvironmentVariable']
  .concat(['EnableNodeCliInspectArguments', 'EnableEmbeddedAsarIntegrityValidation'])
  .concat(['OnlyLoadAppFromAsar', 'LoadBrowserProcessSpecificV8Snapshot'])
  .concat(['GrantFileProtocolExtraPrivileges', 'WasmTrapHandlers'])

/**
 * A stand-in Linux build: bytes around a fuse wire as Electron's binary carries it (sentinel,
 * version 1, length, one byte per fuse: '1' on as Electron ships them, '0' off).
 */
function fakeBuild(): { appOutDir: string; binary: string } {
  const appOutDir = tempDir('sorot-fuses-')
  mkdirSync(appOutDir, { recursive: true })
  const binary = path.join(appOutDir, 'sorot')
  // As Electron ships them: RunAsNode, NODE_OPTIONS, inspector and file:// privileges on.
  const shipped = '101100011'
  writeFileSync(
    binary,
    Buffer.concat([
      Buffer.alloc(4096, 7),
      Buffer.from(SENTINEL),
      Buffer.from([1, WIRE.length]),
      Buffer.from(shipped),
      Buffer.alloc(4096, 7)
    ])
  )
  return { appOutDir, binary }
}

/** Runs scripts/after-pack.cjs on a fake build with the real @electron/fuses; reads the wire. */
async function packWith(env: Record<string, string>): Promise<Record<string, boolean>> {
  const { appOutDir, binary } = fakeBuild()
  const hook = requireHere(path.join(ROOT, 'scripts/after-pack.cjs')) as {
    default: (context: object) => Promise<void>
  }
  const saved = process.env.SOROT_TEST_BUILD
  Object.assign(process.env, env)
  try {
    await hook.default({
      electronPlatformName: 'linux',
      appOutDir,
      arch: 1,
      packager: { executableName: 'sorot', appInfo: { productFilename: 'Sorot' } }
    })
  } finally {
    if (saved === undefined) delete process.env.SOROT_TEST_BUILD
    else process.env.SOROT_TEST_BUILD = saved
  }
  const fuses = (await import('@electron/fuses')) as {
    getCurrentFuseWire(file: string): Promise<Record<number, number>>
  }
  const wire = await fuses.getCurrentFuseWire(binary)
  // 49 is '1' (on), 48 is '0' (off).
  return Object.fromEntries(WIRE.map((name, i) => [name, wire[i] === 49]))
}

describe('the fuses hook (scripts/after-pack.cjs) on a packaged binary', () => {
  it('turns RunAsNode, NODE_OPTIONS, the inspector and file:// privileges off; asar only', async () => {
    expect(await packWith({})).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
      // Left as Electron ships it.
      WasmTrapHandlers: true
    })
  })

  it('keeps only the inspector for a test build that the end-to-end driver attaches to', async () => {
    const fuses = await packWith({ SOROT_TEST_BUILD: '1' })
    expect(fuses.EnableNodeCliInspectArguments).toBe(true)
    expect(fuses.RunAsNode).toBe(false)
    expect(fuses.GrantFileProtocolExtraPrivileges).toBe(false)
  })
})
