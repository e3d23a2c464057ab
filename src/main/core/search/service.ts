import type { SearchResponse, SorotEvent } from '../../../shared/model'
import type { LibraryStore } from '../store/library-store'
import type { SpeakerNameTable } from './documents'
import { IndexKeeper, type IndexKeeperOptions } from './index-keeper'
import { QueryRunner } from './run-query'

export type SearchServiceOptions = IndexKeeperOptions

/**
 * The full-text search of one library: the index-keeper loads, rebuilds and follows the index;
 * the query runner answers from it (from titles alone while there is none yet).
 */
export class SearchService {
  readonly #keeper: IndexKeeper
  readonly #queries: QueryRunner

  constructor(store: LibraryStore, options: SearchServiceOptions = {}) {
    this.#keeper = new IndexKeeper(store, options)
    this.#queries = new QueryRunner(store)
  }

  /** Every name of each speaker's identity, by name as written: saved quotes are found by them. */
  get speakerTable(): () => SpeakerNameTable {
    return this.#keeper.speakerTable
  }

  /** True while there is no index yet or a rebuild or catch-up is under way. */
  get indexing(): boolean {
    return this.#keeper.indexing
  }

  /** Loads the cache (once); a rebuild it needs goes on in the background. */
  start(): Promise<void> {
    return this.#keeper.start()
  }

  /** Resolves once the index is complete and up to date (the CLI waits for this). */
  whenReady(): Promise<void> {
    return this.#keeper.whenReady()
  }

  /** Follows the core's events: the index changes with the library and its annotations. */
  notify(event: SorotEvent): void {
    this.#keeper.notify(event)
  }

  /** Ranked results for a search box query, with snippets whose matches are marked. */
  async search(query: string, limit = 20): Promise<SearchResponse> {
    await this.start()
    let results
    try {
      results = await this.#queries.run(this.#keeper.index, query, limit)
    } catch (error) {
      const message = (error as Error).message
      if (!/damaged postings/.test(message)) throw error
      this.#keeper.discard(message)
      results = await this.#queries.run(null, query, limit)
    }
    return { results, indexing: this.indexing }
  }

  /** Stops a build under way and writes what is not saved yet. */
  close(): Promise<void> {
    return this.#keeper.close()
  }
}
