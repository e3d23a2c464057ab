import { randomBytes } from 'node:crypto'
import { promises as nodeFs } from 'node:fs'
import path from 'node:path'
import type { Adapter } from 'lowdb'

/** The part of an open file a write needs. */
export interface WritableHandle {
  writeFile(data: string, encoding: 'utf8'): Promise<void>
  sync(): Promise<void>
  close(): Promise<void>
}

/**
 * Every file-system call a write makes, in one object, so a test can inject a fault (full disk,
 * read-only, locked file) into the real write path. Reads go straight to node:fs.
 */
export interface FileSystem {
  open(file: string, flags: string, mode?: number): Promise<WritableHandle>
  rename(from: string, to: string): Promise<void>
  rm(file: string, options: { force: boolean }): Promise<void>
}

/** node:fs itself. */
export const nodeFileSystem: FileSystem = {
  open: (file, flags, mode) => nodeFs.open(file, flags, mode),
  rename: (from, to) => nodeFs.rename(from, to),
  rm: (file, options) => nodeFs.rm(file, options)
}

let currentFileSystem: FileSystem = nodeFileSystem

/**
 * Makes every later write that was not given its own file system use `fileSystem` (fault
 * injection for tests of the whole core or CLI). Returns the function that undoes it.
 */
export function useFileSystem(fileSystem: FileSystem): () => void {
  const previous = currentFileSystem
  currentFileSystem = fileSystem
  return () => {
    currentFileSystem = previous
  }
}

/** The temp-file names writeFileAtomic uses: `.<name>.<12 hex>.tmp` beside the file. */
export const TEMP_FILE = /^\..+\.[0-9a-f]{12}\.tmp$/

/** The first 6 hex of this process's temp names, so its own sweep never takes its own writes. */
const PROCESS_MARK = randomBytes(3).toString('hex')

/**
 * Writes `content` to `file` so that a crash leaves either the old or the new file, never a
 * mix: temp file in the same folder → fsync → rename → fsync of the folder. On failure the
 * temp file is removed and the old file is untouched.
 */
export async function writeFileAtomic(
  file: string,
  content: string,
  fileSystem: FileSystem = currentFileSystem
): Promise<void> {
  const dir = path.dirname(file)
  const name = `.${path.basename(file)}.${PROCESS_MARK}${randomBytes(3).toString('hex')}.tmp`
  const temp = path.join(dir, name)
  let handle: WritableHandle | undefined
  try {
    handle = await fileSystem.open(temp, 'w', 0o600)
    await handle.writeFile(content, 'utf8')
    await handle.sync()
    await handle.close()
    handle = undefined
    await fileSystem.rename(temp, file)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await fileSystem.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  // The new content is in place now; a folder that cannot be fsynced (some network and FUSE
  // file systems) must not turn a published write into a reported failure.
  await syncDirectory(dir, fileSystem).catch(() => undefined)
}

/** Makes a rename durable on POSIX; Windows cannot open folders for fsync and does not need it. */
export async function syncDirectory(
  dir: string,
  fileSystem: FileSystem = currentFileSystem
): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fileSystem.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Removes the temp files a killed write left in `dir` (they never hold the only copy of
 * anything: the rename that would have published them did not happen), but never this
 * process's own, so it may run while this process writes. Returns their names.
 */
export async function removeTempFiles(dir: string): Promise<string[]> {
  const entries = await nodeFs.readdir(dir).catch(() => [] as string[])
  const temps = entries.filter(
    (name) => TEMP_FILE.test(name) && !name.endsWith(`.${PROCESS_MARK}`, name.length - 10)
  )
  for (const name of temps) await nodeFs.rm(path.join(dir, name), { force: true })
  return temps
}

interface Waiter {
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * lowdb adapter for one JSON file. Writes are ordered and coalesced: while one write is on
 * disk, later calls only remember the newest data; when it lands, that newest data is
 * serialised once and every waiting caller resolves together. A resolved write is durable.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  readonly file: string
  readonly #fileSystem: FileSystem | undefined
  #latest: T | undefined
  #hasPending = false
  #waiters: Waiter[] = []
  #running: Promise<void> | null = null

  /** `fileSystem` replaces node:fs for this file's writes only (fault injection). */
  readonly #replacer: ((key: string, value: unknown) => unknown) | undefined

  /** `replacer` (JSON.stringify's) leaves derived, memory-only fields out of the file. */
  constructor(
    file: string,
    fileSystem?: FileSystem,
    replacer?: (key: string, value: unknown) => unknown
  ) {
    this.file = file
    this.#fileSystem = fileSystem
    this.#replacer = replacer
  }

  /** The file's content for `data`, exactly as a write puts it on disk. */
  serialize(data: T): string {
    return JSON.stringify(data, this.#replacer)
  }

  /** The file's text; null when it does not exist. */
  async readText(): Promise<string | null> {
    try {
      return await nodeFs.readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  /** Reads and parses the file; null when it does not exist. Parse errors are thrown. */
  async read(): Promise<T | null> {
    const content = await this.readText()
    return content === null ? null : (JSON.parse(content) as T)
  }

  write(data: T): Promise<void> {
    this.#latest = data
    this.#hasPending = true
    const done = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }))
    this.#running ??= this.#drain()
    return done
  }

  /** Resolves once every write asked for so far is on disk (or has failed). */
  async flush(): Promise<void> {
    while (this.#running) await this.#running
  }

  async #drain(): Promise<void> {
    // Let a burst of synchronous updates land before the first serialisation.
    await Promise.resolve()
    while (this.#hasPending) {
      const data = this.#latest
      const waiters = this.#waiters.splice(0)
      this.#hasPending = false
      try {
        await writeFileAtomic(
          this.file,
          this.serialize(data as T),
          this.#fileSystem ?? currentFileSystem
        )
        for (const waiter of waiters) waiter.resolve()
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error)
      }
    }
    this.#running = null
  }
}
