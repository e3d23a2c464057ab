import { promises as fs } from 'node:fs'
import path from 'node:path'
import { safeStorage } from 'electron'
import { writeFileAtomic } from './core/store/atomic-file'
import type { SecretKeeper } from './core/sync/secrets'

/**
 * The sync secrets in the OS keychain (issue 18): encrypted with safeStorage (Keychain, DPAPI,
 * libsecret/kwallet) into a file only this OS user on this machine can read back. Where the OS
 * offers no keychain, nothing is written and the reader types the password each run.
 */
export function keychainSecrets(dir: string): SecretKeeper {
  const file = path.join(dir, 'sync-secret.txt')
  const available = safeStorage.isEncryptionAvailable()
  return {
    available,
    async save(text) {
      if (!available) return
      await writeFileAtomic(file, safeStorage.encryptString(text).toString('base64'))
    },
    async load() {
      if (!available) return null
      const sealed = await fs.readFile(file, 'utf8').catch(() => null)
      return sealed ? safeStorage.decryptString(Buffer.from(sealed, 'base64')) : null
    },
    async forget() {
      await fs.rm(file, { force: true })
    }
  }
}
