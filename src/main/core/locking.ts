import { lock } from 'proper-lockfile'
import path from 'node:path'
import { SorotFailure } from '../../shared/result'

/** The lock folder inside the data dir (proper-lockfile makes it with mkdir, atomic everywhere). */
export const LOCK_NAME = 'sorot.lock'

/** Who asks for the lock: the words of the refusal differ. */
export type LockHolder = 'app' | 'cli'

export interface LockOptions {
  holder: LockHolder
  /** How long to wait for a writer that holds the lock to finish, in milliseconds. */
  waitMs: number
}

/** A held writer lock; release() gives it back (after the last write has landed). */
export interface LibraryLock {
  release(): Promise<void>
}

const RETRY_EVERY_MS = 100
/** A lock whose holder stopped refreshing it (a crash) for this long is taken over. */
const STALE_MS = 10_000

function busy(dataDir: string, holder: LockHolder): SorotFailure {
  return new SorotFailure(
    'storage',
    holder === 'cli'
      ? `Sorot is open on this library (${dataDir}); close it or use the app`
      : `Another Sorot process (sorot serve or a sorot command) is writing to this library (${dataDir}); stop it and open Sorot again`
  )
}

/**
 * Takes the one writer lock of a data dir, waiting up to `waitMs` for the current holder. The
 * app and `sorot serve` hold it for their lifetime; CLI write commands for one command. The
 * lock is refreshed in the background and counts as abandoned when a holder was killed.
 */
export async function lockLibrary(dataDir: string, options: LockOptions): Promise<LibraryLock> {
  const retries = Math.max(0, Math.ceil(options.waitMs / RETRY_EVERY_MS))
  let release: () => Promise<void>
  try {
    release = await lock(dataDir, {
      lockfilePath: path.join(dataDir, LOCK_NAME),
      stale: STALE_MS,
      retries: { retries, factor: 1, minTimeout: RETRY_EVERY_MS, maxTimeout: RETRY_EVERY_MS },
      // A lost lock (its folder removed by hand, a frozen machine) must not kill the app: the
      // writes themselves stay atomic, so say so and carry on.
      onCompromised: (error) =>
        process.stderr.write(`sorot: the lock on ${dataDir} was lost (${error.message})\n`)
    })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw busy(dataDir, options.holder)
    throw new SorotFailure(
      'storage',
      `Could not lock ${path.join(dataDir, LOCK_NAME)}: ${(error as Error).message}`
    )
  }
  let released = false
  return {
    release: async () => {
      if (released) return
      released = true
      await release().catch(() => undefined)
    }
  }
}
