import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { SorotFailure } from '../../../shared/result'
import { writeFileAtomic } from '../store/atomic-file'

/** sync.json (DESIGN.md §3): where the library syncs to and how far. Never a secret. */
export const syncStateSchema = z.object({
  schemaVersion: z.number(),
  url: z.string(),
  database: z.string(),
  user: z.string().nullable(),
  deviceId: z.string(),
  /** The server's update sequence this device has pulled up to. */
  lastSeq: z.string().nullable(),
  /** When the last sync finished: edits after it are this device's own, not yet sent. */
  lastSyncAt: z.string().nullable(),
  /** The reader document's entries as last agreed with the server: the base of its merge. */
  readerBase: z.record(z.string(), z.unknown()).optional()
})

export type SyncState = z.infer<typeof syncStateSchema>

const fileOf = (dataDir: string): string => path.join(dataDir, 'sync.json')

/** Reads sync.json, or null when this library has never synced. */
export async function readSyncState(dataDir: string): Promise<SyncState | null> {
  let text: string
  try {
    text = await fs.readFile(fileOf(dataDir), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new SorotFailure(
      'storage',
      `Could not read ${fileOf(dataDir)}: ${(error as Error).message}`
    )
  }
  const parsed = syncStateSchema.safeParse(JSON.parse(text))
  if (!parsed.success)
    throw new SorotFailure('storage', `${fileOf(dataDir)} is damaged: delete it to sync afresh`)
  return parsed.data
}

/**
 * The state for syncing with `url`/`database`: the stored one when it is the same server, else a
 * fresh one (another server starts from its first change, keeping the device id).
 */
export function stateFor(
  stored: SyncState | null,
  url: string,
  database: string,
  user: string | null
): SyncState {
  if (stored && stored.url === url && stored.database === database) return { ...stored, user }
  return {
    schemaVersion: 1,
    url,
    database,
    user,
    deviceId: stored?.deviceId ?? randomUUID(),
    lastSeq: null,
    lastSyncAt: null
  }
}

export async function writeSyncState(dataDir: string, state: SyncState): Promise<void> {
  await writeFileAtomic(fileOf(dataDir), `${JSON.stringify(state, null, 2)}\n`)
}

/** "Stop syncing this library": forgets the server; everything local stays. */
export async function forgetSyncState(dataDir: string): Promise<void> {
  await fs.rm(fileOf(dataDir), { force: true })
}
