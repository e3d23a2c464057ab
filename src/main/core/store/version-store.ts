import { randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'

/**
 * The copies of article files that snapshots share, in backups/versions/. An article file is
 * only ever replaced by rename (a new version), never rewritten in place, so its size and
 * nanosecond mtime name one content: a snapshot copies a file here once, the first time it
 * sees it, and every snapshot after that hard-links the same copy. The copy is the snapshot's
 * own (not a link to the live file), so damage to the live file never reaches it.
 */
export const VERSIONS_DIR = 'versions'

const TEMP = /^\./

export type Link = (from: string, to: string) => Promise<void>

export const missing = (error: unknown): boolean =>
  (error as NodeJS.ErrnoException).code === 'ENOENT'

export async function fsyncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** How a file got into a snapshot. */
export type Taken = 'linked' | 'stored' | 'copied' | null

export class VersionStore {
  readonly dir: string
  #known: Set<string> | undefined

  constructor(
    backupsDir: string,
    private readonly link: Link
  ) {
    this.dir = path.join(backupsDir, VERSIONS_DIR)
  }

  /** Reads the store's names once (temp copies, named with a leading dot, are not entries). */
  async open(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true })
    this.#known = new Set((await fs.readdir(this.dir)).filter((n) => !TEMP.test(n)))
  }

  /** Removes the temp copies a killed snapshot left (at opening, before any snapshot runs). */
  async removeTemps(): Promise<void> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[])
    for (const name of names.filter((n) => TEMP.test(n)))
      await fs.rm(path.join(this.dir, name), { force: true })
  }

  /**
   * Puts the article file `from` into the snapshot at `to`: linked to the store's copy (made
   * now when the store has none). 'stored' when a new copy was made (fsynced here), 'copied'
   * when the file system cannot link (`to` is a plain copy, to fsync), null when `from` is gone.
   */
  async take(from: string, to: string): Promise<Taken> {
    const known = this.#known
    if (!known) throw new Error('VersionStore.open() was not called')
    let key: string
    try {
      const info = await fs.stat(from, { bigint: true })
      key = `${path.basename(from, '.json')}-${info.size}-${info.mtimeNs}.json`
    } catch (error) {
      if (missing(error)) return null
      throw error
    }
    const stored = path.join(this.dir, key)
    let made = false
    if (!known.has(key)) {
      // Its own temp name: two snapshots at once may both copy the same version.
      const temp = path.join(this.dir, `.${key}.${randomBytes(6).toString('hex')}.tmp`)
      try {
        await fs.copyFile(from, temp)
      } catch (error) {
        if (missing(error)) return null
        throw error
      }
      await fsyncFile(temp)
      await fs.rename(temp, stored)
      known.add(key)
      made = true
    }
    try {
      await this.link(stored, to)
      return made ? 'stored' : 'linked'
    } catch {
      // No hard links here (EXDEV, FAT and network volumes, Windows' EPERM, EMLINK, ...): a copy
      // always does; when the copy fails too, its error is the one reported.
      await fs.copyFile(stored, to)
      return 'copied'
    }
  }

  /** Removes the copies no snapshot links any more (their only name is the store's). */
  async collect(): Promise<number> {
    await fs.mkdir(this.dir, { recursive: true })
    let removed = 0
    for (const name of await fs.readdir(this.dir)) {
      const file = path.join(this.dir, name)
      const info = await fs.stat(file).catch(() => null)
      if (info && info.nlink <= 1) {
        await fs.rm(file, { force: true })
        this.#known?.delete(name)
        removed++
      }
    }
    return removed
  }
}
