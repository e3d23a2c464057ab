import { promises as fs, statSync } from 'node:fs'
import path from 'node:path'
import { syncDirectory } from './atomic-file'
import type { BackupCopy } from './json-file'
import { namedVersions, readManifest, SnapshotReader, writeManifest } from './snapshot-files'
import { versionStem, VersionStore } from './version-store'

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

/** Data files at the top of the data dir, and the folders whose .json files a snapshot keeps. */
const DATA_FILES = ['index.json', 'settings.json', 'speakers.json']
const DATA_FOLDERS = ['articles', 'annotations']
const NAME = /^(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-(daily|migration|restore|manual)$/
const PARTIAL = /\.partial$/
/** Files stored at once: enough to keep the disk busy, few handles. */
const BATCH = 32
/**
 * Files stat'ed per turn of the event loop. Synchronous stats are three times faster than
 * async ones on a busy machine (100,000 in about 1 s); a turn of 1,000 holds a write ~10 ms.
 */
const STAT_TURN = 1000

/** What tests replace in a snapshot: a gate before any file is read. */
export interface SnapshotOptions {
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

/**
 * What one snapshot took: files whose copy an earlier snapshot stored (shared), and files
 * stored (compressed) for the first time.
 */
export interface SnapshotCounts {
  shared: number
  stored: number
}

/** The data files of the folders a snapshot keeps, as paths inside the data dir. */
async function folderFiles(dataDir: string): Promise<string[]> {
  const files: string[] = []
  for (const folder of DATA_FOLDERS) {
    const entries = await fs.readdir(path.join(dataDir, folder)).catch(() => [] as string[])
    for (const entry of entries)
      if (entry.endsWith('.json') && !entry.startsWith('.')) files.push(`${folder}/${entry}`)
  }
  return files
}

/** Each file's stored name (its stem, see versionStem) and size; gone files are left out. */
async function stems(dataDir: string, files: string[]): Promise<Map<string, [string, number]>> {
  const found = new Map<string, [string, number]>()
  // Joined by hand: path.join's normalising is a tenth of a snapshot's CPU at 100,000 files.
  const root = `${dataDir}${path.sep}`
  for (let i = 0; i < files.length; i += STAT_TURN) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve))
    for (const file of files.slice(i, i + STAT_TURN)) {
      const info = statSync(root + file, { bigint: true, throwIfNoEntry: false })
      if (info) found.set(file, [versionStem(file, info), Number(info.size)])
    }
  }
  return found
}

/** Snapshots of one data dir run one after another: a pruning one never collects another's copies. */
const running = new Map<string, Promise<unknown>>()

/**
 * Takes a snapshot of the library into backups/<time>-<reason>/, after the pending writes
 * have landed, and keeps the newest SNAPSHOTS_KEPT. A snapshot is a manifest naming each data
 * file's copy in the version store, which holds each version once, compressed: a snapshot
 * costs the files that changed since the last one, plus its manifest. Everything lands under a
 * temp folder renamed when complete, so a crash never leaves a half snapshot that looks whole.
 */
export function takeSnapshot(
  store: SnapshotSource,
  reason: SnapshotReason,
  options: SnapshotOptions = {}
): Promise<SnapshotInfo & SnapshotCounts> {
  const previous = running.get(store.dataDir) ?? Promise.resolve()
  const next = previous.catch(() => undefined).then(() => snapshotNow(store, reason, options))
  const settled = next.catch(() => undefined)
  running.set(store.dataDir, settled)
  void settled.then(() => {
    if (running.get(store.dataDir) === settled) running.delete(store.dataDir)
  })
  return next
}

async function snapshotNow(
  store: SnapshotSource,
  reason: SnapshotReason,
  options: SnapshotOptions
): Promise<SnapshotInfo & SnapshotCounts> {
  await store.flush()
  await options.beforeCopy?.()
  const dataDir = store.dataDir
  const versions = new VersionStore(backupsDir(dataDir))
  // Two long listings at 100,000 articles: read side by side.
  const [listed] = await Promise.all([folderFiles(dataDir), versions.open()])
  const takenAt = new Date().toISOString()
  const name = `${takenAt.replace(/[:.]/g, '-')}-${reason}`
  const final = path.join(backupsDir(dataDir), name)
  const temp = `${final}.partial`
  await fs.mkdir(temp, { recursive: true })
  const counts: SnapshotCounts = { shared: 0, stored: 0 }
  try {
    const files: Record<string, string> = {}
    /** Names the store's copy of each file `found` lists, storing the files it has no copy of. */
    const take = async (found: Map<string, [string, number]>): Promise<void> => {
      const toStore: Array<[string, string, number]> = []
      for (const [file, [stem, size]] of found) {
        const stored = versions.find(stem)
        if (stored) {
          files[file] = stored
          counts.shared++
        } else toStore.push([file, stem, size])
      }
      await inBatches(toStore, async ([file, stem, size]) => {
        const stored = await versions.store(path.join(dataDir, file), stem, size)
        if (stored) {
          files[file] = stored
          counts.stored++
        }
      })
    }
    // index.json (43 MB at 100,000 articles) is compressed while the folders are stat'ed.
    await Promise.all([take(await stems(dataDir, DATA_FILES)), stems(dataDir, listed).then(take)])
    await syncDirectory(versions.dir)
    await writeManifest(temp, files)
    await syncDirectory(temp)
    await fs.rename(temp, final)
    await syncDirectory(backupsDir(dataDir))
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true }).catch(() => undefined)
    throw error
  }
  await pruneSnapshots(dataDir, versions)
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
  const relative = path.relative(dataDir, file).split(path.sep).join('/')
  for (const snapshot of await listSnapshots({ dataDir })) {
    // A snapshot whose manifest or copy is damaged is skipped for an older one.
    const text = await SnapshotReader.open(snapshot.dir)
      .then((reader) => reader.read(relative))
      .catch(() => null)
    if (text !== null && accept(text)) return { text, from: snapshot.name }
  }
  return null
}

/** Removes the `.partial` folders and version-store temp copies a crash left behind. */
export async function removePartialSnapshots(dataDir: string): Promise<void> {
  const entries = await fs.readdir(backupsDir(dataDir)).catch(() => [] as string[])
  for (const name of entries.filter((e) => PARTIAL.test(e)))
    await fs.rm(path.join(backupsDir(dataDir), name), { recursive: true, force: true })
  await new VersionStore(backupsDir(dataDir)).removeTemps()
}

/**
 * Removes the snapshots beyond the newest SNAPSHOTS_KEPT, then the stored copies only they
 * named. A copy is named by a run of consecutive snapshots (a changed file gets a new copy,
 * never an old one back), so a removed snapshot's copy that the oldest kept one does not name
 * is named by none: two manifests are read, not ten. A removed snapshot from before manifests
 * makes it read every kept manifest; one that cannot be read stops the collection.
 */
async function pruneSnapshots(dataDir: string, versions: VersionStore): Promise<void> {
  const snapshots = await listSnapshots({ dataDir })
  const old = snapshots.slice(SNAPSHOTS_KEPT)
  if (old.length === 0) return
  const kept = snapshots.slice(0, SNAPSHOTS_KEPT)
  const manifests = await Promise.all(old.map((s) => readManifest(s.dir).catch(() => null)))
  for (const snapshot of old) await fs.rm(snapshot.dir, { recursive: true, force: true })
  if (manifests.some((manifest) => manifest === null)) {
    const named = await namedVersions(kept.map((s) => s.dir)).catch(() => null)
    if (named) await versions.collect(named)
    return
  }
  const stillNamed = await namedVersions([kept[kept.length - 1].dir]).catch(() => null)
  if (!stillNamed) return
  const unnamed = new Set<string>()
  for (const manifest of manifests)
    for (const name of Object.values(manifest?.files ?? {}))
      if (!stillNamed.has(name)) unnamed.add(name)
  await versions.discard(unnamed)
}
