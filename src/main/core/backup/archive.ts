import { z } from 'zod'
import type { RestoreReport } from '../../../shared/contract'
import { idProblem } from '../../../shared/ids'
import { ownValue } from '../../../shared/own'
import { defaultSettings, type Annotation, type ArticleMeta } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import { canonicalText, countWords } from '../../../shared/text'
import { reanchorAnnotations } from '../library/versions'
import type { LibraryStore } from '../store/library-store'
import {
  SCHEMA_VERSION,
  annotationsFileSchema,
  articleFileSchema,
  indexFileSchema,
  settingsFileSchema,
  type ArticleFile
} from '../store/schemas'
import { takeSnapshot } from '../store/snapshots'
import type { Emit } from '../events'
import { getSettings } from '../library/settings'

/** Names a Sorot backup file, so a restore refuses some other JSON by name. */
export const BACKUP_FORMAT = 'sorot-backup'
export const BACKUP_FORMAT_VERSION = 1

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  appVersion: z.string().optional(),
  index: indexFileSchema,
  settings: settingsFileSchema,
  articles: z.array(articleFileSchema),
  /** Annotation files by article id; an article that never had one has none here either. */
  annotations: z.record(z.string(), annotationsFileSchema)
})

export type LibraryBackup = z.infer<typeof backupSchema>

/**
 * The whole library in one JSON text: the index, settings, every article file with all its
 * versions, and every annotations file including the trash, exactly as stored.
 */
export async function createBackup(store: LibraryStore, appVersion?: string): Promise<string> {
  await store.flush()
  const articles: ArticleFile[] = []
  const annotations: LibraryBackup['annotations'] = Object.create(null)
  for (const meta of store.index.data.articles) {
    const articleFile = await store.articleFile(meta.id)
    if (articleFile.exists) articles.push(structuredClone(articleFile.data))
    const annotationsFile = await store.annotationsFile(meta.id)
    if (annotationsFile.exists) annotations[meta.id] = structuredClone(annotationsFile.data)
  }
  const backup: LibraryBackup = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    ...(appVersion && { appVersion }),
    index: structuredClone(store.index.data),
    settings: structuredClone(store.settings.data),
    articles,
    annotations
  }
  return `${JSON.stringify(backup, null, 1)}\n`
}

/** Parses and checks a backup text before anything is written; names the first bad field. */
export function parseBackup(content: string): LibraryBackup {
  let raw: unknown
  try {
    raw = JSON.parse(content)
  } catch (error) {
    throw new SorotFailure('bad_input', `content: not valid JSON (${(error as Error).message})`)
  }
  return checkBackup(raw)
}

/** Checks an already parsed backup (a file's or a snapshot's) before anything is written. */
export function checkBackup(raw: unknown): LibraryBackup {
  if ((raw as { format?: unknown })?.format !== BACKUP_FORMAT)
    throw new SorotFailure('bad_input', 'content: not a Sorot backup (no "format": "sorot-backup")')
  // Before zod copies the record: a key "__proto__" would become the copy's prototype there.
  const rawAnnotations = (raw as { annotations?: unknown }).annotations
  if (typeof rawAnnotations === 'object' && rawAnnotations !== null)
    for (const id of Object.keys(rawAnnotations)) checkId(id)
  const parsed = backupSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new SorotFailure(
      'bad_input',
      `content: ${issue?.path.join('.') || 'backup'}${itemOf(raw, issue?.path ?? [])}: ${issue?.message}`
    )
  }
  const backup = parsed.data
  const newest = Math.max(
    backup.formatVersion > BACKUP_FORMAT_VERSION ? Infinity : 0,
    backup.index.schemaVersion,
    backup.settings.schemaVersion,
    ...backup.articles.map((a) => a.schemaVersion),
    ...Object.values(backup.annotations).map((a) => a.schemaVersion)
  )
  if (newest > SCHEMA_VERSION)
    throw new SorotFailure(
      'unsupported',
      'content: this backup was made by a newer version of Sorot; update Sorot to restore it'
    )
  for (const id of [
    ...backup.index.articles.map((a) => a.id),
    ...backup.articles.map((a) => a.id),
    ...Object.keys(backup.annotations)
  ])
    checkId(id)
  for (const file of Object.values(backup.annotations))
    for (const annotation of file.annotations) checkId(annotation.id, 'annotation')
  return backup
}

function checkId(id: string, kind = 'article'): void {
  const problem = idProblem(id)
  if (problem)
    throw new SorotFailure(
      'bad_input',
      `content: ${JSON.stringify(id)} is not a valid ${kind} id (it ${problem}); nothing was restored`
    )
}

/** Names the article or annotation a schema issue is in, by its id, when the path reaches one. */
function itemOf(raw: unknown, issuePath: readonly PropertyKey[]): string {
  let node: unknown = raw
  let named = ''
  for (const key of issuePath) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, key)) break
    node = (node as Record<PropertyKey, unknown>)[key]
    const id = (node as { id?: unknown } | null)?.id
    if (typeof node === 'object' && node !== null && typeof id === 'string')
      named = ` (${'kind' in node ? 'annotation' : 'article'} ${JSON.stringify(id)})`
  }
  return named
}

const isNewer = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b)

/** Adds the backup's versions the library lacks; a different text under one number is kept out. */
function mergeVersions(
  local: ArticleFile,
  incoming: ArticleFile | undefined,
  report: RestoreReport
): ArticleFile['versions'] {
  const added: ArticleFile['versions'] = []
  for (const version of incoming?.versions ?? []) {
    const mine = local.versions.find((v) => v.version === version.version)
    if (!mine) added.push(version)
    else if (mine.contentHash !== version.contentHash)
      report.skipped.push({
        kind: 'version',
        id: `${local.id}@${version.version}`,
        reason: 'the library holds a different text under this version number; it was kept'
      })
  }
  return added
}

/** Merges one annotation list into the library's: adds missing ones, takes newer edits. */
function mergeAnnotations(
  local: Annotation[],
  incoming: Annotation[],
  report: RestoreReport
): { merged: Annotation[]; changed: boolean } {
  const merged = structuredClone(local)
  let changed = false
  for (const annotation of incoming) {
    const index = merged.findIndex((a) => a.id === annotation.id)
    if (index === -1) {
      merged.push(structuredClone(annotation))
      report.annotationsAdded += 1
      changed = true
      continue
    }
    const mine = merged[index]
    if (isNewer(annotation.updatedAt, mine.updatedAt)) {
      // A newer edit from the backup; whether it is in the trash stays the library's choice.
      const taken: Annotation = { ...structuredClone(annotation) }
      delete taken.deletedAt
      if (mine.deletedAt) taken.deletedAt = mine.deletedAt
      merged[index] = taken
      report.annotationsUpdated += 1
      changed = true
    } else if (JSON.stringify(mine) !== JSON.stringify(annotation))
      report.skipped.push({
        kind: 'annotation',
        id: annotation.id,
        reason: 'the library has the same or a newer edit of it; that one was kept'
      })
  }
  return { merged, changed }
}

/** The editable fields of an article record, taken from the backup when its edit is newer. */
function mergedMeta(mine: ArticleMeta, theirs: ArticleMeta): ArticleMeta {
  if (!isNewer(theirs.updatedAt, mine.updatedAt)) return mine
  const { deletedAt, ...rest } = structuredClone(theirs)
  void deletedAt
  return { ...rest, ...(mine.deletedAt && { deletedAt: mine.deletedAt }) }
}

/**
 * Restores a backup. Into an empty library it writes the backup's files as they were; into
 * one with articles it merges: what is missing is added, newer edits (updatedAt) are taken,
 * and nothing of the library is deleted or replaced by something older. A snapshot is taken
 * first, so the restore can be undone.
 */
export async function restoreBackup(
  store: LibraryStore,
  content: string,
  emit: Emit
): Promise<RestoreReport> {
  const report = await mergeBackup(store, parseBackup(content))
  emit({ type: 'library.changed' })
  emit({ type: 'settings.changed', settings: getSettings(store) })
  return report
}

/**
 * The merge behind `restoreBackup`, for a backup already checked (a file's, or a snapshot's
 * read back by restoreSnapshot): takes a 'restore' snapshot, then adds and updates.
 */
export async function mergeBackup(
  store: LibraryStore,
  backup: LibraryBackup
): Promise<RestoreReport> {
  const wasEmpty = store.index.data.articles.length === 0
  const snapshot = await takeSnapshot(store, 'restore')
  const report: RestoreReport = {
    snapshot: snapshot.name,
    articlesAdded: 0,
    articlesUpdated: 0,
    versionsAdded: 0,
    annotationsAdded: 0,
    annotationsUpdated: 0,
    settingsChanged: [],
    skipped: []
  }
  const articleFiles = new Map(backup.articles.map((file) => [file.id, file]))
  const newRecords: ArticleMeta[] = []
  const reanchor: string[] = []

  for (const theirs of backup.index.articles) {
    const mine = store.articleMeta(theirs.id)
    const incoming = articleFiles.get(theirs.id)
    const articleFile = await store.articleFile(theirs.id)
    const annotationsFile = await store.annotationsFile(theirs.id)
    const incomingNotes = ownValue(backup.annotations, theirs.id)
    if (!mine) {
      if (!incoming || incoming.versions.length === 0) {
        report.skipped.push({
          kind: 'article',
          id: theirs.id,
          reason: 'the backup has no text for it'
        })
        continue
      }
      await articleFile.update((data) => Object.assign(data, structuredClone(incoming)))
      if (incomingNotes)
        await annotationsFile.update((data) => Object.assign(data, structuredClone(incomingNotes)))
      newRecords.push(structuredClone(theirs))
      report.articlesAdded += 1
      report.annotationsAdded += incomingNotes?.annotations.length ?? 0
      continue
    }
    let touched = false
    const versions = mergeVersions(articleFile.data, incoming, report)
    if (versions.length) {
      await articleFile.update((data) => {
        data.versions.push(...structuredClone(versions))
        data.versions.sort((a, b) => a.version - b.version)
      })
      report.versionsAdded += versions.length
      touched = true
    }
    const { merged, changed } = mergeAnnotations(
      annotationsFile.data.annotations,
      incomingNotes?.annotations ?? [],
      report
    )
    if (changed) {
      await annotationsFile.update((data) => {
        data.schemaVersion = SCHEMA_VERSION
        data.annotations = merged
      })
      touched = true
    }
    const meta = mergedMeta(mine, theirs)
    const latest = articleFile.data.versions.at(-1)
    const newestChanged = latest !== undefined && latest.contentHash !== mine.contentHash
    if (meta !== mine || newestChanged) {
      await store.index.update((index) => {
        const record = index.articles.find((a) => a.id === mine.id)
        if (!record) return
        Object.assign(record, meta)
        if (latest) {
          record.contentHash = latest.contentHash
          record.versionCount = latest.version
          record.wordCount = countWords(canonicalText(latest.blocks))
        }
      })
      touched = true
    }
    if (newestChanged) reanchor.push(mine.id)
    if (touched) report.articlesUpdated += 1
  }
  if (newRecords.length)
    await store.index.update((index) => {
      index.schemaVersion = SCHEMA_VERSION
      index.articles.push(...newRecords)
    })
  for (const id of reanchor) await reanchorAnnotations(store, id)
  await restoreSettings(store, backup, report, wasEmpty)
  return report
}

/**
 * Into an empty library the backup's settings come back whole; otherwise only the settings
 * the reader never chose (still at their defaults) follow the backup, and chosen ones stay.
 */
async function restoreSettings(
  store: LibraryStore,
  backup: LibraryBackup,
  report: RestoreReport,
  wasEmpty: boolean
): Promise<void> {
  const mine = store.settings.data as Record<string, unknown>
  const theirs = backup.settings as Record<string, unknown>
  const defaults = defaultSettings as unknown as Record<string, unknown>
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)
  const change: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(theirs)) {
    if (key === 'schemaVersion' || same(mine[key], value)) continue
    if (wasEmpty || same(mine[key], defaults[key])) change[key] = value
    else report.skipped.push({ kind: 'setting', id: key, reason: 'the library has its own choice' })
  }
  if (Object.keys(change).length === 0) return
  await store.settings.update((settings) => Object.assign(settings, change))
  report.settingsChanged = Object.keys(change)
}
