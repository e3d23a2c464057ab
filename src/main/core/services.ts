import type { EventHub } from './events'
import type { AnnotationCounter } from './library/annotation-counts'
import type { ImportJobs } from './library/import-jobs'
import type { QuotesService } from './quotes/service'
import type { SearchService } from './search/service'
import type { LibraryStore } from './store/library-store'
import type { SyncService } from './sync/service'

/**
 * What dispatch hands the use cases: the store and each service as a field, never looked up
 * (DESIGN.md §1). Declared apart from core.ts so dispatch does not depend on how a core opens.
 */
export interface Services {
  readonly version: string
  readonly store: LibraryStore
  readonly events: EventHub
  /** Imports under way, which the reader can cancel. */
  readonly imports: ImportJobs
  /** Fills the articles' annotation counts (memory only) after a start. */
  readonly counts: AnnotationCounter
  /** The full-text index, loaded on first search and kept up to date from the events. */
  readonly search: SearchService
  /** Quotations and speakers over a per-version detection cache (DESIGN.md §5). */
  readonly quotes: QuotesService
  /** Live sync with a CouchDB server, when the reader turned it on (DESIGN.md §9). */
  readonly sync: SyncService
}
