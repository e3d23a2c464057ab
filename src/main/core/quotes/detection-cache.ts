import type { Quotation } from '../../../shared/quotes'

/** What the quotations of an article version were computed from. */
export interface VersionStamp {
  version: number
  contentHash: string
}

interface Entry {
  stamp: string
  quotations: Quotation[]
}

const stampKey = (stamp: VersionStamp): string => `${stamp.version}:${stamp.contentHash}`

/**
 * The detected quotations per article version, least recently used dropped first. Keyed by
 * article id and checked against version and content hash, so a new version is detected
 * again and the old one is simply replaced (DESIGN.md §5).
 */
export class DetectionCache {
  readonly #entries = new Map<string, Entry>()
  readonly #capacity: number

  constructor(capacity: number) {
    this.#capacity = Math.max(1, capacity)
  }

  /** The cached quotations of this version of the article, or undefined. */
  get(articleId: string, stamp: VersionStamp): Quotation[] | undefined {
    const entry = this.#entries.get(articleId)
    if (!entry || entry.stamp !== stampKey(stamp)) return undefined
    // Re-inserted so the Map's order stays least recently used first.
    this.#entries.delete(articleId)
    this.#entries.set(articleId, entry)
    return entry.quotations
  }

  /** True when this version of the article is cached (without touching its recency). */
  has(articleId: string, stamp: VersionStamp): boolean {
    return this.#entries.get(articleId)?.stamp === stampKey(stamp)
  }

  set(articleId: string, stamp: VersionStamp, quotations: Quotation[]): void {
    this.#entries.delete(articleId)
    this.#entries.set(articleId, { stamp: stampKey(stamp), quotations })
    while (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value
      if (oldest === undefined) break
      this.#entries.delete(oldest)
    }
  }

  get size(): number {
    return this.#entries.size
  }
}
