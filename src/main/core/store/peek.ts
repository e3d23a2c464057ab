import { promises as fs, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Annotation, ArticleMeta, Block } from '../../../shared/model'

/**
 * Raw reads of stored files, for readers that must not open (and so keep) thousands of files:
 * search building in a worker thread, snippets, counts. Nothing else reads the data dir; a
 * file that is missing or mid-write answers undefined and the caller asks the store instead.
 */

/** The part of an article file the services read: each version's blocks and fingerprint. */
export interface PeekedVersion {
  version: number
  contentHash: string
  blocks: Block[]
}

export function articlePath(dataDir: string, id: string): string {
  return path.join(dataDir, 'articles', `${id}.json`)
}

export function annotationsPath(dataDir: string, id: string): string {
  return path.join(dataDir, 'annotations', `${id}.json`)
}

function newestOf(text: string): PeekedVersion | undefined {
  const stored = JSON.parse(text) as { versions?: PeekedVersion[] }
  const latest = stored.versions?.at(-1)
  return latest && Array.isArray(latest.blocks) ? latest : undefined
}

/** The newest version of an article as its file holds it now. */
export async function peekNewestVersion(
  dataDir: string,
  id: string
): Promise<PeekedVersion | undefined> {
  try {
    return newestOf(await fs.readFile(articlePath(dataDir, id), 'utf8'))
  } catch {
    return undefined
  }
}

/**
 * The same, read synchronously: a few kilobytes from the local data dir cost a search's 20
 * snippets under 1 ms this way, a third of what four thread-pool round trips a file cost.
 */
export function peekNewestVersionSync(dataDir: string, id: string): PeekedVersion | undefined {
  try {
    return newestOf(readFileSync(articlePath(dataDir, id), 'utf8'))
  } catch {
    return undefined
  }
}

/** An article's annotations as its file holds them now (none when there is no file). */
export async function peekAnnotationList(
  dataDir: string,
  id: string
): Promise<Annotation[] | undefined> {
  try {
    const data = JSON.parse(await fs.readFile(annotationsPath(dataDir, id), 'utf8')) as {
      annotations?: Annotation[]
    }
    return Array.isArray(data.annotations) ? data.annotations : []
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? [] : undefined
  }
}

/** The index's article records as index.json holds them now (none when it is unreadable). */
export async function peekIndexArticles(dataDir: string): Promise<ArticleMeta[]> {
  try {
    const data = JSON.parse(await fs.readFile(path.join(dataDir, 'index.json'), 'utf8')) as {
      articles?: ArticleMeta[]
    }
    return Array.isArray(data.articles) ? data.articles : []
  } catch {
    return []
  }
}
