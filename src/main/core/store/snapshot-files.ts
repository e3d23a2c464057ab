import { promises as fs } from 'node:fs'
import path from 'node:path'
import { missing, readStoredText, VERSIONS_DIR, writeCompressed } from './version-store'

/**
 * A snapshot is a folder under backups/ holding one manifest: each data file's path inside the
 * data dir, mapped to its stored copy in backups/versions/. Snapshots from before the manifest
 * (format 1) hold the files themselves; both are read here, so old snapshots still restore.
 */
export const MANIFEST = 'manifest.json.br'
const FORMAT = 'sorot-snapshot'
const FORMAT_VERSION = 2

export interface SnapshotManifest {
  format: typeof FORMAT
  formatVersion: typeof FORMAT_VERSION
  /** Path inside the data dir (`index.json`, `articles/<id>.json`) → name in backups/versions/. */
  files: Record<string, string>
}

export async function writeManifest(dir: string, files: Record<string, string>): Promise<void> {
  const manifest: SnapshotManifest = { format: FORMAT, formatVersion: FORMAT_VERSION, files }
  await writeCompressed(path.join(dir, MANIFEST), JSON.stringify(manifest))
}

/** The manifest of the snapshot in `dir`; null for a snapshot from before manifests. */
export async function readManifest(dir: string): Promise<SnapshotManifest | null> {
  let text: string
  try {
    text = await readStoredText(path.join(dir, MANIFEST))
  } catch (error) {
    if (missing(error)) return null
    throw error
  }
  const manifest = JSON.parse(text) as Partial<SnapshotManifest>
  if (manifest.format !== FORMAT || typeof manifest.files !== 'object' || !manifest.files)
    throw new Error(`${path.basename(dir)}/${MANIFEST} is not a snapshot manifest`)
  if (manifest.formatVersion !== FORMAT_VERSION)
    throw new Error(
      `${path.basename(dir)}/${MANIFEST} has format ${String(manifest.formatVersion)}, which this version of Sorot cannot read`
    )
  return manifest as SnapshotManifest
}

/**
 * One snapshot opened for reading: its manifest read once, then any of its data files by their
 * path inside the data dir, whichever format the snapshot has.
 */
export class SnapshotReader {
  private constructor(
    readonly dir: string,
    private readonly manifest: SnapshotManifest | null
  ) {}

  static async open(dir: string): Promise<SnapshotReader> {
    return new SnapshotReader(dir, await readManifest(dir))
  }

  /** The text of the data file `relative` as the snapshot holds it; null when it has none. */
  async read(relative: string): Promise<string | null> {
    let file = path.join(this.dir, relative)
    if (this.manifest) {
      const stored = this.manifest.files[relative]
      if (stored === undefined) return null
      file = path.join(path.dirname(this.dir), VERSIONS_DIR, stored)
    }
    try {
      return await readStoredText(file)
    } catch (error) {
      if (!missing(error) || this.manifest) throw error
      return null
    }
  }

  /** The `.json` file names of one folder (`articles`, `annotations`), sorted. */
  async list(folder: string): Promise<string[]> {
    const names = this.manifest
      ? Object.keys(this.manifest.files)
          .filter((file) => file.startsWith(`${folder}/`))
          .map((file) => file.slice(folder.length + 1))
      : await fs.readdir(path.join(this.dir, folder)).catch(() => [] as string[])
    return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort()
  }
}

/** Every stored copy the manifests of the snapshot folders `dirs` name. */
export async function namedVersions(dirs: string[]): Promise<Set<string>> {
  const named = new Set<string>()
  for (const dir of dirs)
    for (const name of Object.values((await readManifest(dir))?.files ?? {})) named.add(name)
  return named
}
