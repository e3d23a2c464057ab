import { promises as fs } from 'node:fs'
import path from 'node:path'
import { Low } from 'lowdb'
import type { z } from 'zod'
import { SorotFailure } from '../../../shared/result'
import { migrateFile, type DataFileKind, type Migration } from './migrations'
import { AtomicJsonFile, type FileSystem } from './atomic-file'
import { SCHEMA_VERSION } from './schemas'
import { fileErrorWords } from '../file-errors'

export interface Recovery {
  file: string
  /** Where the damaged file was kept. */
  movedTo: string
  reason: string
  /** The snapshot (a folder name under backups/) the file was restored from; null if none had it. */
  restoredFrom: string | null
}

/** A copy of a data file found in a snapshot. */
export interface BackupCopy {
  text: string
  /** The snapshot's name. */
  from: string
}

export interface JsonFileOptions<T> {
  kind: DataFileKind
  /** Told the data after every write that landed: derived state follows the file, wherever it was written from. */
  afterWrite?: (data: T) => void
  /** Told before every change is applied (in the same tick as the change). */
  beforeChange?: () => void
  /** Derived fields kept in memory only, never written (e.g. annotation counts on the index). */
  memoryOnly?: string[]
  schema: z.ZodType<T>
  defaults: () => T
  onRecovered?: (recovery: Recovery) => void
  /** The newest copy of `file` in the snapshots that `accept` takes, or null. */
  findBackup?: (file: string, accept: (text: string) => boolean) => Promise<BackupCopy | null>
  /** Called once before a migration rewrites the file: takes the snapshot. */
  beforeMigration?: () => Promise<void>
  migrations?: readonly Migration[]
  /** Refuse update(): the library was opened without the writer lock. */
  readOnly?: boolean
  /** Replaces node:fs for this file's writes (fault injection in tests). */
  fileSystem?: FileSystem
}

/** Turns a file-system error into a plain-words failure that names the file. */
export function storageFailure(file: string, error: unknown, verb = 'save'): SorotFailure {
  if (error instanceof SorotFailure) return error
  const code = (error as NodeJS.ErrnoException)?.code
  const why = fileErrorWords(error) ?? (error instanceof Error ? error.message : String(error))
  return new SorotFailure('storage', `Could not ${verb} ${file}: ${why}${code ? ` (${code})` : ''}`)
}

type Decoded<T> =
  { data: T; migratedFrom?: number } | { damaged: string } | { refused: SorotFailure }

/** Why a file that is not JSON failed, in words (truncation and NUL fill are the usual ones). */
function notJsonReason(text: string, error: Error): string {
  if (text.trim() === '') return 'the file is empty (a write was cut short)'
  if (text.includes('\0')) return 'the file holds NUL bytes (a write was cut short)'
  return `not valid JSON (${error.message})`
}

/**
 * One JSON data file: a lowdb `Low` over the atomic adapter, its schema checked on load.
 * A damaged file is moved aside (kept, never overwritten) and the newest good copy from the
 * snapshots is restored (defaults when there is none); a file from a newer Sorot is refused; an
 * older one is migrated after a snapshot. A failed write rolls memory back to what is on disk.
 */
export class JsonFile<T extends { schemaVersion: number }> {
  readonly file: string
  readonly adapter: AtomicJsonFile<T>
  readonly #db: Low<T>
  readonly #options: JsonFileOptions<T>
  /** The JSON text known to be on disk (what a failed write rolls back to). */
  #durable: string | null = null

  constructor(file: string, options: JsonFileOptions<T>) {
    this.file = file
    this.#options = options
    const memoryOnly = new Set(options.memoryOnly ?? [])
    this.adapter = new AtomicJsonFile<T>(
      file,
      options.fileSystem,
      memoryOnly.size ? (key, value) => (memoryOnly.has(key) ? undefined : value) : undefined
    )
    this.#db = new Low<T>(this.adapter, options.defaults())
  }

  get data(): T {
    return this.#db.data
  }

  /** True when the file exists on disk (after load). */
  exists = false

  /**
   * Moves every time the data in memory may have changed (a load, an update, a rollback), so a
   * view derived from it knows when to be built again.
   */
  revision = 0

  async load(): Promise<void> {
    try {
      await this.#load()
    } finally {
      this.revision += 1
    }
  }

  async #load(): Promise<void> {
    let text: string | null
    try {
      text = await this.adapter.readText()
    } catch (error) {
      throw storageFailure(this.file, error, 'read')
    }
    if (text === null) {
      this.#db.data = this.#options.defaults()
      return
    }
    const decoded = this.#decode(text)
    if ('refused' in decoded) throw decoded.refused
    if ('damaged' in decoded) return this.#recover(decoded.damaged)
    this.exists = true
    this.#durable = text
    this.#db.data = decoded.data
    if (decoded.migratedFrom !== undefined) {
      // The snapshot holds the file as it was: a migration never destroys the only copy.
      await this.#options.beforeMigration?.()
      await this.#persist()
    }
  }

  /** Applies `change` and waits until it is durable on disk. */
  async update(change: (data: T) => void): Promise<void> {
    if (this.#options.readOnly)
      throw new SorotFailure(
        'storage',
        `Could not save ${this.file}: the library was opened read-only (without the writer lock)`
      )
    this.revision += 1
    this.#options.beforeChange?.()
    change(this.#db.data)
    await this.#persist()
  }

  flush(): Promise<void> {
    return this.adapter.flush()
  }

  /** Writes the data in memory; on failure memory goes back to what is on disk. */
  async #persist(): Promise<void> {
    try {
      await this.#db.write()
      this.exists = true
      this.#durable = this.adapter.serialize(this.#db.data)
      this.#options.afterWrite?.(this.#db.data)
    } catch (error) {
      // Let writes queued behind this one land (or fail) first, so memory ends equal to disk.
      await this.adapter.flush()
      const onDisk = this.#durable === null ? null : this.#decode(this.#durable)
      this.#db.data = onDisk && 'data' in onDisk ? onDisk.data : this.#options.defaults()
      this.revision += 1
      throw storageFailure(this.file, error)
    }
  }

  /** Parses, checks the version, migrates and validates one file's text. */
  #decode(text: string): Decoded<T> {
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch (error) {
      return { damaged: notJsonReason(text, error as Error) }
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return { damaged: 'the file does not hold a JSON object' }
    const version = (raw as { schemaVersion?: unknown }).schemaVersion
    if (typeof version !== 'number' || !Number.isInteger(version))
      return { damaged: 'the file has no schemaVersion' }
    if (version > SCHEMA_VERSION)
      return {
        refused: new SorotFailure(
          'storage',
          `${this.file} was written by a newer version of Sorot (schema ${version}, this one reads ${SCHEMA_VERSION}). Update Sorot to open it; the file was not changed.`
        )
      }
    let current = raw as Record<string, unknown>
    if (version < SCHEMA_VERSION) {
      try {
        current = migrateFile(
          this.file,
          this.#options.kind,
          current,
          version,
          this.#options.migrations
        )
      } catch (error) {
        return { refused: storageFailure(this.file, error, 'upgrade') }
      }
    }
    const parsed = this.#options.schema.safeParse(current)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return { damaged: `unexpected content at "${issue?.path.join('.')}": ${issue?.message}` }
    }
    return version < SCHEMA_VERSION
      ? { data: parsed.data, migratedFrom: version }
      : { data: parsed.data }
  }

  /** A name beside the file that nothing else uses, so a kept file is never overwritten. */
  async #asideName(): Promise<string> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const base = path.join(path.dirname(this.file), `${path.basename(this.file)}.damaged-${stamp}`)
    for (let n = 0; ; n++) {
      const candidate = n === 0 ? base : `${base}-${n}`
      try {
        await fs.access(candidate)
      } catch {
        return candidate
      }
    }
  }

  async #recover(reason: string): Promise<void> {
    const movedTo = await this.#asideName()
    try {
      await fs.rename(this.file, movedTo)
    } catch (error) {
      // Never go on with defaults over a damaged file we could not keep: a write would lose it.
      const why = storageFailure(this.file, error, 'move aside').message
      throw new SorotFailure(
        'storage',
        `${this.file} is damaged (${reason}), so Sorot did not open it. ${why}`
      )
    }
    const backup =
      (await this.#options
        .findBackup?.(this.file, (text) => 'data' in this.#decode(text))
        .catch(() => null)) ?? null
    const decoded = backup ? this.#decode(backup.text) : null
    if (backup && decoded && 'data' in decoded) {
      this.#db.data = decoded.data
      await this.#persist()
    } else this.#db.data = this.#options.defaults()
    this.#options.onRecovered?.({
      file: this.file,
      movedTo,
      reason,
      restoredFrom: backup?.from ?? null
    })
  }
}
