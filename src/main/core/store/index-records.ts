import type { AnnotationCounts, ArticleMeta } from '../../../shared/model'
import type { JsonFile } from './json-file'
import type { IndexFile } from './schemas'

/**
 * The records of index.json looked up by id, and the annotation counts kept beside them in
 * memory (never in index.json, DESIGN.md §3). The store is their one writer.
 */
export class IndexRecords {
  readonly #index: JsonFile<IndexFile>
  #countsRevision = 0
  /**
   * Starts the revisions from the opening time (in thousandths of a millisecond, still a safe
   * integer), so a restarted core's are newer still.
   */
  readonly #openedAt = Date.now() * 1000
  readonly #metaById = new Map<string, ArticleMeta>()
  #metaSource: ArticleMeta[] | null = null
  #metaCount = -1

  constructor(index: JsonFile<IndexFile>) {
    this.#index = index
  }

  /**
   * The record of an article by id, through a map rather than a scan of 10,000 records.
   * Records are only ever appended to index.json's list (deletion is a flag), so the map is
   * rebuilt only when the list is another array (a reload or a rollback) or has grown.
   */
  get(id: string): ArticleMeta | undefined {
    const articles = this.#index.data.articles
    if (articles !== this.#metaSource || articles.length !== this.#metaCount) {
      this.#metaById.clear()
      for (const meta of articles)
        if (!this.#metaById.has(meta.id)) this.#metaById.set(meta.id, meta)
      this.#metaSource = articles
      this.#metaCount = articles.length
    }
    return this.#metaById.get(id)
  }

  /** Sets an article's counts after a write of its annotations file, so views know they moved. */
  setCounts(meta: ArticleMeta, counts: AnnotationCounts): void {
    meta.counts = counts
    this.#countsRevision += 1
  }

  /**
   * Fills in counts read from an annotations file after a start (the counter, a search build),
   * unless the article has counts already: those came from a write, which is newer than the
   * read. True when it filled them.
   */
  fillCounts(id: string, counts: AnnotationCounts): boolean {
    const meta = this.get(id)
    if (!meta || meta.counts) return false
    this.setCounts(meta, counts)
    return true
  }

  /**
   * Changes whenever the records may have changed: a write or reload of index.json, or new
   * annotation counts. A view built from the records is current while this stays the same.
   */
  get revision(): string {
    return `${this.#index.revision}.${this.#countsRevision}.${this.#index.data.articles.length}`
  }

  /**
   * A number that only grows, moving with revision: list answers carry it, so the page can
   * drop an answer older than the one it shows.
   */
  get listRevision(): number {
    return this.#openedAt + this.#index.revision + this.#countsRevision
  }
}
