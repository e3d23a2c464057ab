/** Sync (DESIGN.md §9): what the Settings indicator shows. */
export type SyncIndicator =
  | { state: 'off' }
  | { state: 'paused' }
  | { state: 'syncing' }
  | { state: 'synced'; at: string }
  | { state: 'offline'; reason: string; retryInMs: number }
  | { state: 'error'; reason: string; retryInMs: number }

export interface SyncLogEntry {
  at: string
  ok: boolean
  message: string
  pulled: number
  pushed: number
}

export interface SyncStatus {
  indicator: SyncIndicator
  url: string | null
  database: string | null
  user: string | null
  /** The last syncs, newest first. */
  log: SyncLogEntry[]
}
