import type { SorotEvent, SyncIndicator, SyncLogEntry, SyncStatus } from '../../../shared/model'
import type { LibraryStore } from '../store/library-store'
import { syncLibrary, type SyncOptions, type SyncReport } from './engine'
import { loadSecrets, type SecretKeeper } from './secrets'
import { forgetSyncState, readSyncState } from './state'

export interface LiveSyncTiming {
  /** Between two syncs while all is well: how soon another device's edit arrives. */
  intervalMs: number
  /** The first wait after a failure, doubled on each failure up to `maxBackoffMs`. */
  backoffMs: number
  maxBackoffMs: number
}

const DEFAULT_TIMING: LiveSyncTiming = { intervalMs: 1000, backoffMs: 1000, maxBackoffMs: 60_000 }
const LOG_SIZE = 20

/**
 * Live sync while the app is open: a sync now, then again every interval and soon after each
 * local edit, with backoff while the server is away. Secrets are held in memory only.
 */
export class SyncService {
  readonly #store: LibraryStore
  readonly #emit: (event: SorotEvent) => void
  readonly #timing: LiveSyncTiming
  #options: SyncOptions | null = null
  #indicator: SyncIndicator = { state: 'off' }
  #log: SyncLogEntry[] = []
  #timer: NodeJS.Timeout | undefined
  #running: Promise<void> | null = null
  #failures = 0
  #again = false

  readonly #secrets: SecretKeeper | null

  constructor(
    store: LibraryStore,
    emit: (event: SorotEvent) => void,
    timing: Partial<LiveSyncTiming> = {},
    secrets: SecretKeeper | null = null
  ) {
    this.#store = store
    this.#emit = emit
    this.#timing = { ...DEFAULT_TIMING, ...timing }
    this.#secrets = secrets
  }

  /**
   * Resumes live sync with the server this library synced with last (the app's start), with
   * the secrets the keychain kept. Nothing happens when the library never synced.
   */
  async resumeSaved(): Promise<SyncStatus> {
    const state = await readSyncState(this.#store.dataDir).catch(() => null)
    if (!state || this.#options) return this.status()
    const secrets = this.#secrets ? await loadSecrets(this.#secrets) : {}
    return this.#begin({ url: state.url, database: state.database, user: state.user, ...secrets })
  }

  status(): SyncStatus {
    return {
      indicator: this.#indicator,
      url: this.#options?.url ?? null,
      database: this.#options?.database ?? null,
      user: this.#options?.user ?? null,
      log: [...this.#log]
    }
  }

  /**
   * Starts live sync with a server (replacing any earlier one). Its password and passphrase
   * are kept in the keychain, so the next start of the app resumes without asking.
   */
  async start(options: Omit<SyncOptions, 'emit'>): Promise<SyncStatus> {
    const { password = null, passphrase = null, author = null } = options
    await this.#secrets?.save(JSON.stringify({ password, passphrase, author }))
    return this.#begin(options)
  }

  #begin(options: Omit<SyncOptions, 'emit'>): SyncStatus {
    this.#options = { ...options, emit: this.#emit }
    this.#failures = 0
    this.#schedule(0)
    return this.status()
  }

  pause(): SyncStatus {
    clearTimeout(this.#timer)
    if (this.#options) this.#indicator = { state: 'paused' }
    return this.status()
  }

  resume(): SyncStatus {
    if (this.#options && this.#indicator.state === 'paused') this.#schedule(0)
    return this.status()
  }

  /** "Stop syncing this library": forgets the server; everything local stays. */
  async stop(): Promise<SyncStatus> {
    clearTimeout(this.#timer)
    this.#options = null
    await this.#running
    await forgetSyncState(this.#store.dataDir)
    await this.#secrets?.forget()
    this.#indicator = { state: 'off' }
    return this.status()
  }

  /** A local edit: sent soon, not at the next interval. */
  notify(event: SorotEvent): void {
    if (event.type !== 'annotations.changed' && event.type !== 'library.changed') return
    if (!this.#options || this.#indicator.state === 'paused') return
    if (this.#running) this.#again = true
    else if (this.#indicator.state === 'synced') this.#schedule(50)
  }

  /** Waits for a sync under way (before quitting). */
  async close(): Promise<void> {
    clearTimeout(this.#timer)
    const running = this.#running
    this.#options = null
    await running
  }

  #schedule(delayMs: number): void {
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => void this.#runOnce(), delayMs)
    this.#timer.unref?.()
  }

  async #runOnce(): Promise<void> {
    const options = this.#options
    if (!options || this.#running) return
    this.#indicator = { state: 'syncing' }
    this.#again = false
    let done: () => void = () => undefined
    this.#running = new Promise((resolve) => (done = resolve))
    let next = this.#timing.intervalMs
    try {
      const report = await syncLibrary(this.#store, options)
      this.#failures = 0
      this.#record(true, messageOf(report), report)
      this.#indicator = { state: 'synced', at: new Date().toISOString() }
      if (this.#again) next = 50
    } catch (error) {
      this.#failures += 1
      next = Math.min(this.#timing.backoffMs * 2 ** (this.#failures - 1), this.#timing.maxBackoffMs)
      const reason = (error as Error).message
      this.#record(false, reason)
      this.#indicator = /^Cannot reach/.test(reason)
        ? { state: 'offline', reason, retryInMs: next }
        : { state: 'error', reason, retryInMs: next }
    } finally {
      this.#running = null
      done()
    }
    if (this.#options === options) this.#schedule(next)
  }

  #record(ok: boolean, message: string, report?: SyncReport): void {
    // Quiet syncs (nothing in, nothing out) would push the useful entries out of the log.
    if (ok && report && report.pulled === 0 && report.pushed === 0 && this.#log[0]?.ok) return
    this.#log.unshift({
      at: new Date().toISOString(),
      ok,
      message,
      pulled: report?.pulled ?? 0,
      pushed: report?.pushed ?? 0
    })
    this.#log.length = Math.min(this.#log.length, LOG_SIZE)
  }
}

function messageOf(report: SyncReport): string {
  const parts = [`${report.pulled} received`, `${report.pushed} sent`]
  if (report.noteConflicts) parts.push(`${report.noteConflicts} notes with two versions`)
  if (report.readOnly) parts.push('read-only: your edits stay on this computer')
  return parts.join(', ')
}
