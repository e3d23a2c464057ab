import { promises as fs } from 'node:fs'
import path from 'node:path'
import { Low } from 'lowdb'
import type { z } from 'zod'
import { SorotFailure } from '../../../shared/result'
import { AtomicJsonFile } from './atomic-file'
import { SCHEMA_VERSION } from './schemas'

export interface Recovery {
  file: string
  movedTo: string
  reason: string
}

export interface JsonFileOptions<T> {
  schema: z.ZodType<T>
  defaults: () => T
  onRecovered?: (recovery: Recovery) => void
}

const errnoWords: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  EBUSY: 'the file is locked by another program',
  EMFILE: 'too many files are open'
}

/** Turns a file-system error into a plain-words failure that names the file. */
export function storageFailure(file: string, error: unknown, verb = 'save'): SorotFailure {
  const code = (error as NodeJS.ErrnoException)?.code
  const why = (code && errnoWords[code]) ?? (error instanceof Error ? error.message : String(error))
  return new SorotFailure('storage', `Could not ${verb} ${file}: ${why}${code ? ` (${code})` : ''}`)
}

/**
 * One JSON data file: a lowdb `Low` over the atomic adapter, its schema checked on load.
 * A damaged file is moved aside (kept, never overwritten) and replaced by defaults; a file
 * from a newer Sorot is refused. A failed write rolls memory back to what is on disk.
 */
export class JsonFile<T extends { schemaVersion: number }> {
  readonly file: string
  readonly adapter: AtomicJsonFile<T>
  readonly #db: Low<T>
  readonly #options: JsonFileOptions<T>

  constructor(file: string, options: JsonFileOptions<T>) {
    this.file = file
    this.#options = options
    this.adapter = new AtomicJsonFile<T>(file)
    this.#db = new Low<T>(this.adapter, options.defaults())
  }

  get data(): T {
    return this.#db.data
  }

  /** True when the file exists on disk (after load). */
  exists = false

  async load(): Promise<void> {
    let raw: unknown
    try {
      raw = await this.adapter.read()
    } catch (error) {
      if (error instanceof SyntaxError) return this.#recover(`not valid JSON (${error.message})`)
      throw storageFailure(this.file, error, 'read')
    }
    if (raw === null) {
      this.#db.data = this.#options.defaults()
      return
    }
    this.exists = true
    const version = (raw as { schemaVersion?: unknown })?.schemaVersion
    if (typeof version === 'number' && version > SCHEMA_VERSION) {
      throw new SorotFailure(
        'storage',
        `${this.file} was written by a newer version of Sorot (schema ${version}, this one reads ${SCHEMA_VERSION}). Update Sorot to open it; the file was not changed.`
      )
    }
    const parsed = this.#options.schema.safeParse(raw)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      return this.#recover(`unexpected content at "${issue?.path.join('.')}": ${issue?.message}`)
    }
    this.#db.data = parsed.data
  }

  /** Applies `change` and waits until it is durable on disk. */
  async update(change: (data: T) => void): Promise<void> {
    change(this.#db.data)
    try {
      await this.#db.write()
      this.exists = true
    } catch (error) {
      this.#db.data = (await this.adapter.read().catch(() => null)) ?? this.#options.defaults()
      throw storageFailure(this.file, error)
    }
  }

  flush(): Promise<void> {
    return this.adapter.flush()
  }

  async #recover(reason: string): Promise<void> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-')
    const movedTo = path.join(
      path.dirname(this.file),
      `${path.basename(this.file)}.damaged-${stamp}`
    )
    await fs.rename(this.file, movedTo)
    this.#db.data = this.#options.defaults()
    this.#options.onRecovered?.({ file: this.file, movedTo, reason })
  }
}
