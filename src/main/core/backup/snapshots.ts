import { promises as fs } from 'node:fs'
import path from 'node:path'
import { writeFileAtomic } from '../store/atomic-file'
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

const DATA_FILES = ['index.json', 'settings.json']
const DATA_FOLDERS = ['articles', 'annotations']
const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(daily|migration|restore|manual)$/

const backupsDir = (store: LibraryStore): string => path.join(store.dataDir, 'backups')

/** Copies one data file into the snapshot durably (temp file, fsync, rename). */
async function copyInto(from: string, to: string): Promise<void> {
  let content: string
  try {
    content = await fs.readFile(from, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  await writeFileAtomic(to, content)
}

/**
 * Takes a snapshot of the library (index, settings, every article and annotations file) into
 * backups/<time>-<reason>/, after the pending writes have landed, and keeps the newest
 * SNAPSHOTS_KEPT. The snapshot is written under a temp name and renamed when complete, so a
 * crash never leaves a half snapshot that looks whole.
 */
export async function takeSnapshot(
  store: LibraryStore,
  reason: SnapshotReason
): Promise<SnapshotInfo> {
  await store.flush()
  const takenAt = new Date().toISOString()
  const name = `${takenAt.replace(/[:.]/g, '-')}-${reason}`
  const final = path.join(backupsDir(store), name)
  const temp = `${final}.partial`
  await fs.mkdir(temp, { recursive: true })
  try {
    for (const file of DATA_FILES)
      await copyInto(path.join(store.dataDir, file), path.join(temp, file))
    for (const folder of DATA_FOLDERS) {
      await fs.mkdir(path.join(temp, folder), { recursive: true })
      const entries = await fs.readdir(path.join(store.dataDir, folder)).catch(() => [])
      for (const entry of entries.filter((e) => e.endsWith('.json')))
        await copyInto(path.join(store.dataDir, folder, entry), path.join(temp, folder, entry))
    }
    await fs.rename(temp, final)
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined)
    throw error
  }
  await pruneSnapshots(store)
  return { dir: final, name, reason, takenAt }
}

/** The complete snapshots in backups/, newest first. */
export async function listSnapshots(store: LibraryStore): Promise<SnapshotInfo[]> {
  const entries = await fs.readdir(backupsDir(store)).catch(() => [] as string[])
  return entries
    .map((name) => ({ name, match: NAME.exec(name) }))
    .filter((e): e is { name: string; match: RegExpExecArray } => e.match !== null)
    .map(({ name, match }) => ({
      dir: path.join(backupsDir(store), name),
      name,
      reason: match[2] as SnapshotReason,
      takenAt: match[1].replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z')
    }))
    .sort((a, b) => b.name.localeCompare(a.name))
}

async function pruneSnapshots(store: LibraryStore): Promise<void> {
  const snapshots = await listSnapshots(store)
  for (const old of snapshots.slice(SNAPSHOTS_KEPT))
    await fs.rm(old.dir, { recursive: true, force: true })
}
