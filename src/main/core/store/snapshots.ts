import { promises as fs } from 'node:fs'
import path from 'node:path'
import { syncDirectory } from './atomic-file'
import type { BackupCopy } from './json-file'
import { fsyncFile, missing, VersionStore, type Link } from './version-store'

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

/** Mutable data files: copied into every snapshot. */
const DATA_FILES = ['index.json', 'settings.json', 'speakers.json']
const MUTABLE_FOLDERS = ['annotations']
/** Article files: shared between snapshots through the version store. */
const SHARED_FOLDERS = ['articles']
const DATA_FOLDERS = [...SHARED_FOLDERS, ...MUTABLE_FOLDERS]
const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(daily|migration|restore|manual)$/
const PARTIAL = /\.partial$/
/** Files copied or linked (and then fsynced) at once: enough to keep the disk busy, few handles. */
const BATCH = 32

/** What a snapshot calls that tests replace: the hard link, and a gate before any file is read. */
export interface SnapshotOptions {
  link?: Link
  /** Awaited after the pending writes landed, before the first file is taken. */
  beforeCopy?: () => Promise<void>
}

/** What a snapshot needs of the store (declared here: the store itself takes snapshots). */
export interface SnapshotSource {
  readonly dataDir: string
  /** True for a data dir without index.json yet: nothing to keep. */
  readonly isNew: boolean
  /** Waits for the pending writes, so the snapshot holds them. */
  flush(): Promise<void>
}

const backupsDir = (dataDir: string): string => path.join(dataDir, 'backups')

/** Runs `work` over `items`, BATCH at a time. */
async function inBatches<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += BATCH)
    await Promise.all(items.slice(i, i + BATCH).map(work))
}

/** Copies `from` to `to`; false when `from` does not exist (it was never written). */
async function copyIfPresent(from: string, to: string): Promise<boolean> {
  try {
    await fs.copyFile(from, to)
    return true
  } catch (error) {
    if (missing(error)) return false
    throw error
  }
}

/**
 * What one snapshot took: article files linked to copies earlier snapshots made, article files
 * copied into the version store for the first time, and files copied into the snapshot itself.
 */
export interface SnapshotCounts {
  linked: number
  stored: number
  copied: number
}

/**
 * Takes a snapshot of the library into backups/<time>-<reason>/, after the pending writes
 * have landed, and keeps the newest SNAPSHOTS_KEPT. The mutable files (index, settings,
 * annotations) are copied; article files are hard-linked to their copy in the version store
 * (made the first time a snapshot sees that version), so a snapshot costs what changed.
 * Everything lands under a temp folder renamed when complete, so a crash never leaves a half
 * snapshot that looks whole.
 */
export async function takeSnapshot(
  store: SnapshotSource,
  reason: SnapshotReason,
  options: SnapshotOptions = {}
): Promise<SnapshotInfo & SnapshotCounts> {
  await store.flush()
  await options.beforeCopy?.()
  const dataDir = store.dataDir
  const versions = new VersionStore(
    backupsDir(dataDir),
    options.link ?? ((from, to) => fs.link(from, to))
  )
  await versions.open()
  const takenAt = new Date().toISOString()
  const name = `${takenAt.replace(/[:.]/g, '-')}-${reason}`
  const final = path.join(backupsDir(dataDir), name)
  const temp = `${final}.partial`
  await fs.mkdir(temp, { recursive: true })
  const counts: SnapshotCounts = { linked: 0, stored: 0, copied: 0 }
  try {
    const copies: Array<[string, string]> = DATA_FILES.map((file) => [
      path.join(dataDir, file),
      path.join(temp, file)
    ])
    const shared: Array<[string, string]> = []
    for (const folder of DATA_FOLDERS) {
      await fs.mkdir(path.join(temp, folder), { recursive: true })
      const entries = await fs.readdir(path.join(dataDir, folder)).catch(() => [] as string[])
      const into = SHARED_FOLDERS.includes(folder) ? shared : copies
      for (const entry of entries.filter((e) => e.endsWith('.json') && !e.startsWith('.')))
        into.push([path.join(dataDir, folder, entry), path.join(temp, folder, entry)])
    }
    const copied: string[] = []
    await inBatches(copies, async ([from, to]) => {
      if (await copyIfPresent(from, to)) copied.push(to)
    })
    await inBatches(shared, async ([from, to]) => {
      const taken = await versions.take(from, to)
      if (taken === 'copied') copied.push(to)
      else if (taken) counts[taken]++
    })
    counts.copied = copied.length
    // A linked file is the store's copy, fsynced when the store took it.
    await inBatches(copied, fsyncFile)
    await syncDirectory(versions.dir)
    for (const folder of DATA_FOLDERS) await syncDirectory(path.join(temp, folder))
    await syncDirectory(temp)
    await fs.rename(temp, final)
    await syncDirectory(backupsDir(dataDir))
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined)
    throw error
  }
  if (await pruneSnapshots(dataDir)) await versions.collect()
  return { dir: final, name, reason, takenAt, ...counts }
}

/** The complete snapshots in `<dataDir>/backups/`, newest first. */
export async function listSnapshots(
  store: Pick<SnapshotSource, 'dataDir'>
): Promise<SnapshotInfo[]> {
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
  store: SnapshotSource,
  maxAgeMs = DAILY_MS,
  now = Date.now(),
  options: SnapshotOptions = {}
): Promise<SnapshotInfo | null> {
  const [newest] = await listSnapshots(store)
  if (newest && now - Date.parse(newest.takenAt) < maxAgeMs) return null
  if (!newest && store.isNew) return null
  return takeSnapshot(store, 'daily', options)
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

/** Removes the `.partial` folders and version-store temp copies a crash left behind. */
export async function removePartialSnapshots(dataDir: string): Promise<void> {
  const entries = await fs.readdir(backupsDir(dataDir)).catch(() => [] as string[])
  for (const name of entries.filter((e) => PARTIAL.test(e)))
    await fs.rm(path.join(backupsDir(dataDir), name), { recursive: true, force: true })
  await new VersionStore(backupsDir(dataDir), fs.link).removeTemps()
}

/**
 * Removes the snapshots beyond the newest SNAPSHOTS_KEPT; true when it removed any. Removing a
 * snapshot removes its links: a stored article copy stays while another snapshot names it.
 */
async function pruneSnapshots(dataDir: string): Promise<boolean> {
  const old = (await listSnapshots({ dataDir })).slice(SNAPSHOTS_KEPT)
  for (const snapshot of old) await fs.rm(snapshot.dir, { recursive: true, force: true })
  return old.length > 0
}
