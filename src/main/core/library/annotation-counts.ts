import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { ArticleMeta, SorotEvent } from '../../../shared/model'
import { countsOf } from '../../../shared/annotations'
import type { LibraryStore } from '../store/library-store'

/** Files read between two pauses, so a big library never holds the core's thread for long. */
const BATCH = 50

/**
 * Annotation counts are memory-only (a highlight rewrites only its own file, DESIGN.md §3), so
 * after a start they are filled in once, in the background, from the annotations files — only
 * the articles that have one are read — and the library is told to refresh. An article whose
 * counts the annotations core already set meanwhile is left as it is (that is newer).
 */
export class AnnotationCounter {
  readonly #store: LibraryStore
  readonly #emit: (event: SorotEvent) => void
  #filling: Promise<void> | null = null

  constructor(store: LibraryStore, emit: (event: SorotEvent) => void) {
    this.#store = store
    this.#emit = emit
  }

  /** Starts filling the counts (once); resolves when they are all in. */
  ensure(): Promise<void> {
    this.#filling ??= this.#fill()
    return this.#filling
  }

  async #fill(): Promise<void> {
    const dir = path.join(this.#store.dataDir, 'annotations')
    const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) =>
      f.endsWith('.json')
    )
    const byId = new Map<string, ArticleMeta>(
      this.#store.index.data.articles.map((meta) => [meta.id, meta])
    )
    let filled = 0
    for (const [i, file] of files.entries()) {
      if (i > 0 && i % BATCH === 0) await new Promise((resolve) => setImmediate(resolve))
      const meta = byId.get(file.slice(0, -'.json'.length))
      if (!meta || meta.counts) continue
      // A damaged file is repaired when its article is opened; its counts wait until then.
      const annotations = await this.#store.peekAnnotations(meta.id)
      if (!annotations) continue
      if (meta.counts) continue
      this.#store.setCounts(meta, countsOf(annotations))
      filled += 1
    }
    if (filled > 0) this.#emit({ type: 'library.changed' })
  }
}
