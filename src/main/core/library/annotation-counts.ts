import type { SorotEvent } from '../../../shared/model'
import { countsOf } from '../../../shared/annotations'
import type { LibraryStore } from '../store/library-store'

/** Files read between two pauses, so a big library never holds the core's thread for long. */
const BATCH = 50

/**
 * Annotation counts are memory-only (a highlight rewrites only its own file, DESIGN.md §3), so
 * after a start they are filled in once, in the background, from the annotations files (only
 * the articles that have one are read), through the store, which owns them; then the library
 * is told to refresh.
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
    const ids = await this.#store.annotatedIds()
    let filled = 0
    for (const [i, id] of ids.entries()) {
      if (i > 0 && i % BATCH === 0) await new Promise((resolve) => setImmediate(resolve))
      const meta = this.#store.articleMeta(id)
      if (!meta || meta.counts) continue
      // A damaged file is repaired when its article is opened; its counts wait until then.
      const annotations = await this.#store.peekAnnotations(id)
      if (annotations && this.#store.fillCounts(id, countsOf(annotations))) filled += 1
    }
    if (filled > 0) this.#emit({ type: 'library.changed' })
  }
}
