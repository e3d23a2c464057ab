import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { RestoreReport, SnapshotSummary } from '../../../shared/contract'
import { defaultSettings } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import type { LibraryStore } from '../store/library-store'
import { SCHEMA_VERSION } from '../store/schemas'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, checkBackup, mergeBackup } from './archive'
import { migrateFile, type DataFileKind } from '../store/migrations'
import { listSnapshots, type SnapshotInfo } from '../store/snapshots'
import type { Emit } from '../events'
import { getSettings } from '../library/settings'

/** The snapshots the settings screen lists, newest first, without their folder paths. */
export async function listSnapshotSummaries(
  store: Pick<LibraryStore, 'dataDir'>
): Promise<SnapshotSummary[]> {
  return (await listSnapshots(store)).map(({ name, reason, takenAt }) => ({
    name,
    reason,
    takenAt
  }))
}

/**
 * Reads one data file of a snapshot, brought up to this build's schema (a 'migration'
 * snapshot holds files from before a migration); null when the snapshot has no such file.
 */
async function readSnapshotFile(
  snapshot: SnapshotInfo,
  relative: string,
  kind: DataFileKind
): Promise<Record<string, unknown> | null> {
  let text: string
  try {
    text = await fs.readFile(path.join(snapshot.dir, relative), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  let file: Record<string, unknown>
  try {
    file = JSON.parse(text) as Record<string, unknown>
  } catch (error) {
    throw new SorotFailure(
      'storage',
      `backups/${snapshot.name}/${relative} is damaged (${(error as Error).message}); nothing was restored`
    )
  }
  const version = typeof file.schemaVersion === 'number' ? file.schemaVersion : SCHEMA_VERSION
  return version < SCHEMA_VERSION
    ? migrateFile(`backups/${snapshot.name}/${relative}`, kind, file, version)
    : file
}

/** The .json files of one folder of a snapshot, sorted so the merge runs in a stable order. */
async function jsonFilesIn(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir).catch(() => [] as string[])
  return entries.filter((name) => name.endsWith('.json')).sort()
}

/**
 * Restores the snapshot `name` (one of backup.list's) through the same merge as a backup file:
 * nothing newer in the library is deleted or overwritten, a 'restore' snapshot is taken first,
 * and the report says what was skipped. The snapshot is read whole before that new snapshot
 * is taken, since taking one may prune the oldest.
 */
export async function restoreSnapshot(
  store: LibraryStore,
  name: string,
  emit: Emit
): Promise<RestoreReport> {
  const snapshot = (await listSnapshots(store)).find((s) => s.name === name)
  if (!snapshot)
    throw new SorotFailure('not_found', `name: there is no snapshot ${JSON.stringify(name)}`)
  const articles: unknown[] = []
  for (const file of await jsonFilesIn(path.join(snapshot.dir, 'articles'))) {
    const article = await readSnapshotFile(snapshot, `articles/${file}`, 'article')
    if (article) articles.push(article)
  }
  // No prototype: a file named __proto__.json becomes a key the id check refuses by name.
  const annotations: Record<string, unknown> = Object.create(null)
  for (const file of await jsonFilesIn(path.join(snapshot.dir, 'annotations'))) {
    const notes = await readSnapshotFile(snapshot, `annotations/${file}`, 'annotations')
    if (notes) annotations[file.slice(0, -'.json'.length)] = notes
  }
  const backup = checkBackup({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: snapshot.takenAt,
    index: (await readSnapshotFile(snapshot, 'index.json', 'index')) ?? {
      schemaVersion: SCHEMA_VERSION,
      articles: []
    },
    settings: (await readSnapshotFile(snapshot, 'settings.json', 'settings')) ?? {
      schemaVersion: SCHEMA_VERSION,
      ...defaultSettings
    },
    articles,
    annotations
  })
  const report = await mergeBackup(store, backup)
  emit({ type: 'library.changed' })
  emit({ type: 'settings.changed', settings: getSettings(store) })
  return report
}
