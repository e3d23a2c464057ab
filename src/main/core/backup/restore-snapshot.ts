import type { RestoreReport, SnapshotSummary } from '../../../shared/contract'
import { defaultSettings } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import type { LibraryStore } from '../store/library-store'
import { SCHEMA_VERSION } from '../store/schemas'
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, checkBackup, mergeBackup } from './archive'
import { migrateFile, type DataFileKind } from '../store/migrations'
import { listSnapshots, type SnapshotInfo } from '../store/snapshots'
import { SnapshotReader } from '../store/snapshot-files'
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
  reader: SnapshotReader,
  relative: string,
  kind: DataFileKind
): Promise<Record<string, unknown> | null> {
  const where = `backups/${snapshot.name}/${relative}`
  let file: Record<string, unknown>
  try {
    const text = await reader.read(relative)
    if (text === null) return null
    file = JSON.parse(text) as Record<string, unknown>
  } catch (error) {
    throw new SorotFailure(
      'storage',
      `${where} is damaged (${(error as Error).message}); nothing was restored`
    )
  }
  const version = typeof file.schemaVersion === 'number' ? file.schemaVersion : SCHEMA_VERSION
  return version < SCHEMA_VERSION ? migrateFile(where, kind, file, version) : file
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
  let reader: SnapshotReader
  try {
    reader = await SnapshotReader.open(snapshot.dir)
  } catch (error) {
    throw new SorotFailure(
      'storage',
      `backups/${snapshot.name} is damaged (${(error as Error).message}); nothing was restored`
    )
  }
  const articles: unknown[] = []
  for (const file of await reader.list('articles')) {
    const article = await readSnapshotFile(snapshot, reader, `articles/${file}`, 'article')
    if (article) articles.push(article)
  }
  // No prototype: a file named __proto__.json becomes a key the id check refuses by name.
  const annotations: Record<string, unknown> = Object.create(null)
  for (const file of await reader.list('annotations')) {
    const notes = await readSnapshotFile(snapshot, reader, `annotations/${file}`, 'annotations')
    if (notes) annotations[file.slice(0, -'.json'.length)] = notes
  }
  const backup = checkBackup({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: snapshot.takenAt,
    index: (await readSnapshotFile(snapshot, reader, 'index.json', 'index')) ?? {
      schemaVersion: SCHEMA_VERSION,
      articles: []
    },
    settings: (await readSnapshotFile(snapshot, reader, 'settings.json', 'settings')) ?? {
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
