import { promises as fs } from 'node:fs'
import path from 'node:path'
import { syncDirectory } from '../store/atomic-file'
import type { BackupCopy } from '../store/json-file'
import type { LibraryStore } from '../store/library-store'

/** Why a snapshot was taken; part of its folder name. */
export type SnapshotReason = 'daily' | 'migration' | 'restore' | 'manual'

export interface SnapshotInfo {
  /** The snapshot's folder under backups/. */
  dir: string
  name: string
  reason: SnapshotReason
  takenAt: string
}

/** How many snapshots are kept; older ones are removed after a new one lands. */
export const SNAPSHOTS_KEPT = 10

/** How old the newest snapshot may be before opening for writing takes a daily one. */
export const DAILY_MS = 24 * 60 * 60 * 1000

const DATA_FILES = ['index.json', 'settings.json', 'speakers.json']
const DATA_FOLDERS = ['articles', 'annotations']
const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(daily|migration|restore|manual)$/
const PARTIAL = /\.partial$/
/** Files copied (and then fsynced) at once: enough to keep the disk busy, few enough handles. */
const BATCH = 32

const backupsDir = (dataDir: string): string => path.join(dataDir, 'backups')

/** Runs `work` over `items`, BATCH at a time. */
async function inBatches<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH)
    await Promise.all(items.slice(i, i + BATCH).map(work))
}

async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Copies `from` to `to`; false when `from` does not exist (it was never written). */
async function copyIfPresent(from: string, to: string): Promise<boolean> {
  try {
    await fs.copyFile(from, to)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/**
 * Takes a snapshot of the library (index, settings, every article and annotations file) into
 * backups/<time>-<reason>/, after the pending writes have landed, and keeps the newest
 * SNAPSHOTS_KEPT. Files are copied and fsynced in parallel batches (a 10,000-article library
 * would take minutes one fsync at a time) under a temp folder that is renamed when complete, so
 * a crash never leaves a half snapshot that looks whole.
 */
export async function takeSnapshot(
  store: LibraryStore,
  reason: SnapshotReason
): Promise<SnapshotInfo> {
  await store.flush()
  const dataDir = store.dataDir
  const takenAt = new Date().toISOString()
  const name = `${takenAt.replace(/[:.]/g, '-')}-${reason}`
  const final = path.join(backupsDir(dataDir), name)
  const temp = `${final}.partial`
  await fs.mkdir(temp, { recursive: true })
  try {
    const copies: Array<[string, string]> = DATA_FILES.map((file) => [
      path.join(dataDir, file),
      path.join(temp, file)
    ])
    for (const folder of DATA_FOLDERS) {
      await fs.mkdir(path.join(temp, folder), { recursive: true })
      const entries = await fs.readdir(path.join(dataDir, folder)).catch(() => [] as string[])
      for (const entry of entries.filter((e) => e.endsWith('.json')))
        copies.push([path.join(dataDir, folder, entry), path.join(temp, folder, entry)])
    }
    const copied: string[] = []
    await inBatches(copies, async ([from, to]) => {
      if (await copyIfPresent(from, to)) copied.push(to)
    })
    await inBatches(copied, fsyncFile)
    for (const folder of DATA_FOLDERS) await syncDirectory(path.join(temp, folder))
    await syncDirectory(temp)
    await fs.rename(temp, final)
    await syncDirectory(backupsDir(dataDir))
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined)
    throw error
  }
  await pruneSnapshots(dataDir)
  return { dir: final, name, reason, takenAt }
}

/** The complete snapshots in `<dataDir>/backups/`, newest first. */
export async function listSnapshots(store: Pick<LibraryStore, 'dataDir'>): Promise<SnapshotInfo[]> {
  const dir = backupsDir(store.dataDir)
  const entries = await fs.readdir(dir).catch(() => [] as string[])
  return entries
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((e): e is { name: string; match: RegExpExecArray } => e.match !== null)
    .map(({ name, match }) => ({
      dir: path.join(dir, name),
      name,
      reason: match[2] as SnapshotReason,
      takenAt: match[1].replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z')
    }))
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt))
}

/**
 * Takes a daily snapshot when the newest snapshot is older than `maxAgeMs` (or there is none
 * and the library holds something). Returns it, or null when none was needed: opening for
 * writing costs one readdir of backups/ on most days.
 */
export async function snapshotIfStale(
  store: LibraryStore,
  maxAgeMs = DAILY_MS,
  now = Date.now()
): Promise<SnapshotInfo | null> {
  const [newest] = await listSnapshots(store)
  if (newest && now - Date.parse(newest.takenAt) < maxAgeMs) return null
  if (!newest && store.isNew) return null
  return takeSnapshot(store, 'daily')
}

/**
 * The newest copy of the data file `file` (a path inside `dataDir`) in the snapshots that
 * `accept` takes: a damaged snapshot copy is skipped for an older good one.
 */
export async function findBackupCopy(
  dataDir: string,
  file: string,
  accept: (text: string) => boolean
): Promise<BackupCopy | null> {
  const relative = path.relative(dataDir, file)
  for (const snapshot of await listSnapshots({ dataDir })) {
    const text = await fs.readFile(path.join(snapshot.dir, relative), 'utf8').catch(() => null)
    if (text !== null && accept(text)) return { text, from: snapshot.name }
  }
  return null
}

/** Removes the `.partial` folders of snapshots a crash interrupted. */
export async function removePartialSnapshots(dataDir: string): Promise<void> {
  const entries = await fs.readdir(backupsDir(dataDir)).catch(() => [] as string[])
  for (const name of entries.filter((e) => PARTIAL.test(e)))
    await fs.rm(path.join(backupsDir(dataDir), name), { recursive: true, force: true })
}

async function pruneSnapshots(dataDir: string): Promise<void> {
  const snapshots = await listSnapshots({ dataDir })
  for (const old of snapshots.slice(SNAPSHOTS_KEPT))
    await fs.rm(old.dir, { recursive: true, force: true })
}
