import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { Adapter } from 'lowdb'

/**
 * Writes `content` to `file` so that a crash leaves either the old or the new file, never a
 * mix: temp file in the same folder → fsync → rename → fsync of the folder. On failure the
 * temp file is removed and the old file is untouched.
 */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = path.dirname(file)
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(temp, 'w', 0o600)
    await handle.writeFile(content, 'utf8')
    await handle.sync()
    await handle.close()
    handle = undefined
    await fs.rename(temp, file)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw error
  }
  await syncDirectory(dir)
}

/** Makes a rename durable on POSIX; Windows cannot open folders for fsync and does not need it. */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
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
  #latest: T | undefined
  #hasPending = false
  #waiters: Waiter[] = []
  #running: Promise<void> | null = null

  constructor(file: string) {
    this.file = file
  }

  /** Reads and parses the file; null when it does not exist. Parse errors are thrown. */
  async read(): Promise<T | null> {
    let content: string
    try {
      content = await fs.readFile(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return JSON.parse(content) as T
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
        await writeFileAtomic(this.file, JSON.stringify(data))
        for (const waiter of waiters) waiter.resolve()
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error)
      }
    }
    this.#running = null
  }
}
