import { randomBytes } from 'node:crypto'
import { createReadStream, createWriteStream, promises as fs, type BigIntStats } from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import { promisify } from 'node:util'
import {
  brotliCompress,
  constants,
  createBrotliCompress,
  createBrotliDecompress,
  type BrotliOptions
} from 'node:zlib'

/**
 * The copies of data files that snapshots share, in backups/versions/. A data file is only ever
 * replaced by rename (atomic-file.ts), never rewritten in place, so its name, size, nanosecond
 * mtime and inode name one content: a snapshot stores a file here once, brotli-compressed, the
 * first time it sees it, and every snapshot after that names the same copy in its manifest. The
 * copy is the snapshots' own, so damage to the live file never reaches it.
 */
export const VERSIONS_DIR = 'versions'

const TEMP = /^\./
/** Compressed copies; a plain `.json` is a copy from before snapshots were compressed. */
const BROTLI = '.br'
/** The fastest level: a 43 MB index.json takes about 0.4 s and keeps a quarter of its size. */
const QUALITY = 1
/** Files larger than this are compressed as a stream. */
const STREAM_FROM = 4 * 1024 * 1024
const brotli = promisify(brotliCompress)

const options = (size: number): BrotliOptions => ({
  params: {
    [constants.BROTLI_PARAM_QUALITY]: QUALITY,
    [constants.BROTLI_PARAM_SIZE_HINT]: size
  }
})

async function writeSynced(file: string, bytes: Buffer): Promise<void> {
  const handle = await fs.open(file, 'w')
  try {
    await handle.writeFile(bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

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

/**
 * The stored name of the data file `relative` (a path inside the data dir) as `info` describes
 * it. Article files keep the name copies had before compression (`<id>-<size>-<mtime>`), so
 * those copies are shared too; other files are rewritten often, so their inode joins the name.
 */
export function versionStem(relative: string, info: BigIntStats): string {
  const [folder, file] = relative.includes('/') ? relative.split('/') : ['', relative]
  const name = path.basename(file, '.json')
  if (folder === 'articles') return `${name}-${info.size}-${info.mtimeNs}`
  return `~${folder ? `${folder}~` : ''}${name}-${info.size}-${info.mtimeNs}-${info.ino}`
}

/** The stem of a stored copy's name: the name without `.json` or `.json.br`. */
const stemOf = (name: string): string =>
  name.slice(0, name.length - (name.endsWith(BROTLI) ? '.json.br' : '.json').length)

export class VersionStore {
  readonly dir: string
  /** Stem → stored name; a compressed copy wins over an older plain one. */
  #known: Map<string, string> | undefined

  constructor(backupsDir: string) {
    this.dir = path.join(backupsDir, VERSIONS_DIR)
  }

  /** Reads the store's names once (temp copies, named with a leading dot, are not entries). */
  async open(): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true })
    const known = new Map<string, string>()
    for (const name of await fs.readdir(this.dir)) {
      if (TEMP.test(name) || !/\.json(\.br)?$/.test(name)) continue
      const stem = stemOf(name)
      if (name.endsWith(BROTLI) || !known.has(stem)) known.set(stem, name)
    }
    this.#known = known
  }

  /** Removes the temp copies a killed snapshot left (at opening, before any snapshot runs). */
  async removeTemps(): Promise<void> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[])
    for (const name of names.filter((n) => TEMP.test(n)))
      await fs.rm(path.join(this.dir, name), { force: true })
  }

  /** The stored copy named `stem` when the store has one (a compressed or an older plain one). */
  find(stem: string): string | null {
    const known = this.#known
    if (!known) throw new Error('VersionStore.open() was not called')
    return known.get(stem) ?? null
  }

  /**
   * Stores a compressed copy of `from` as `stem` (fsynced, under a temp name renamed when
   * complete) and returns its name; null when `from` has gone since it was listed.
   */
  async store(from: string, stem: string, size: number): Promise<string | null> {
    const name = `${stem}.json${BROTLI}`
    // Its own temp name: two snapshots at once may both store the same version.
    const temp = path.join(this.dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`)
    try {
      // A small file in one step (a stream costs several turns of the loop); a large one
      // (index.json of a big library) streamed, so it is never held whole.
      if (size <= STREAM_FROM) {
        const packed = await brotli(await fs.readFile(from), options(size))
        await writeSynced(temp, packed)
      } else {
        await pipeline(
          createReadStream(from),
          createBrotliCompress(options(size)),
          createWriteStream(temp)
        )
        await fsyncFile(temp)
      }
    } catch (error) {
      await fs.rm(temp, { force: true })
      if (missing(error)) return null
      throw error
    }
    await fs.rename(temp, path.join(this.dir, name))
    this.#known?.set(stem, name)
    return name
  }

  /**
   * Removes every copy that neither a manifest in `named` nor a snapshot from before manifests
   * (a hard link: more than one name) still uses.
   */
  async collect(named: Set<string>): Promise<number> {
    await fs.mkdir(this.dir, { recursive: true })
    const names = await fs.readdir(this.dir)
    return this.discard(names.filter((name) => !named.has(name) && !TEMP.test(name)))
  }

  /** Removes the copies `names` that no snapshot from before manifests still links. */
  async discard(names: Iterable<string>): Promise<number> {
    let removed = 0
    for (const name of names) {
      const file = path.join(this.dir, name)
      const info = await fs.stat(file).catch(() => null)
      if (info && info.nlink <= 1) {
        await fs.rm(file, { force: true })
        if (this.#known?.get(stemOf(name)) === name) this.#known.delete(stemOf(name))
        removed++
      }
    }
    return removed
  }
}

/** The text of `file`, decompressed when its name says it is compressed. */
export async function readStoredText(file: string): Promise<string> {
  if (!file.endsWith(BROTLI)) return fs.readFile(file, 'utf8')
  const chunks: Buffer[] = []
  await pipeline(createReadStream(file), createBrotliDecompress(), async (source) => {
    for await (const chunk of source) chunks.push(chunk as Buffer)
  })
  return Buffer.concat(chunks).toString('utf8')
}

/** Compresses `text` into `file` (the snapshot manifest), fsynced. */
export async function writeCompressed(file: string, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8')
  await writeSynced(file, await brotli(bytes, options(bytes.length)))
}
