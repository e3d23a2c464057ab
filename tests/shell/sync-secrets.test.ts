import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../src/shared/model'
import { startCouchServer, type CouchServer } from '../support/couch-server'
import type { StandIn } from './support/electron-stand-in'
import { loadMainBundle, tempDir, until } from './support/main-bundle'

// Issue 18: the sync password lives in the OS keychain (safeStorage), never in plain JSON, and
// live sync resumes on the next start without asking for it again.
let server: CouchServer
let running: StandIn | undefined
beforeAll(async () => {
  server = await startCouchServer()
}, 90_000)
afterAll(async () => server?.stop())
afterEach(async () => {
  if (running && !running.records.lifecycle.includes('quit')) await running.quit()
  running = undefined
})

const PASSPHRASE = 'kunci-rahasia-sorot-77'

async function start(dataDir: string, userData: string): Promise<StandIn> {
  const shell = loadMainBundle(dataDir, {}, { userData, keychain: true })
  running = shell
  shell.ready()
  await until(() => shell.records.windows[0], 'the window')
  return shell
}

async function status(shell: StandIn): Promise<SyncStatus> {
  const answer = (await shell.invoke('sync.status', {})) as { ok: boolean; value: SyncStatus }
  return answer.value
}

/** Every file under `dir`, as text. */
function everyFile(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
    .join('\n')
}

describe('sync secrets in the keychain', () => {
  it('keeps the passphrase sealed, resumes live sync on the next start, and forgets it on stop', async () => {
    const [dataDir, userData] = [tempDir(), tempDir('sorot-shell-userdata-')]
    let shell = await start(dataDir, userData)
    const started = (await shell.invoke('sync.start', {
      url: server.url,
      database: 'keychain',
      passphrase: PASSPHRASE
    })) as { ok: boolean }
    expect(started.ok).toBe(true)
    await until(
      async () => ((await status(shell)).indicator.state === 'synced' ? true : null),
      'a sync'
    )
    expect(shell.records.sealed.join()).toContain(PASSPHRASE)
    await shell.quit()
    expect(everyFile(dataDir) + everyFile(userData)).not.toContain(PASSPHRASE)

    shell = await start(dataDir, userData)
    // The server's library is encrypted: syncing again proves the passphrase came back.
    const resumed = await until(async () => {
      const now = await status(shell)
      return now.indicator.state === 'synced' ? now : null
    }, 'the resumed sync')
    expect(resumed).toMatchObject({ url: server.url, database: 'keychain' })
    expect(resumed.log[0]).toMatchObject({ ok: true })

    await shell.invoke('sync.stop', {})
    expect(readdirSync(userData)).not.toContain('sync-secret.txt')
  }, 90_000)
})
