import type { ArticleMeta } from '../../../shared/model'
import type { JsonFile } from './json-file'
import type { IndexFile } from './schemas'

/** What an earlier version of an imported article is found by. */
export interface ArticleIdentity {
  url: string | null
  outlet: string | null
  title: string
}

/** Titles compare without case or runs of white space. */
const titleOf = (title: string): string => title.replace(/\s+/g, ' ').trim().toLowerCase()

/** One key per outlet and title (JSON keeps a null outlet apart from the text "null"). */
const outletTitleKey = (outlet: string | null, title: string): string =>
  JSON.stringify([outlet, titleOf(title)])

/**
 * The live (not deleted) records of index.json by source URL and by outlet and title, so an
 * import finds the article it is a new version of without a scan of 10,000 records per item.
 * Each key keeps the first record in the index's order, as a scan would find it. Every change
 * to the index in memory moves its revision first (JsonFile.update, load, rollback), so the
 * maps are rebuilt when the revision, the list or its length moved, and never answer stale.
 */
export class ArticleLookup {
  readonly #index: JsonFile<IndexFile>
  readonly #byUrl = new Map<string, ArticleMeta>()
  readonly #byOutletTitle = new Map<string, ArticleMeta>()
  #revision = -1
  #source: ArticleMeta[] | null = null
  #count = -1

  constructor(index: JsonFile<IndexFile>) {
    this.#index = index
  }

  /** The live article with the same URL, else the same outlet and title; undefined if none. */
  earlier(draft: ArticleIdentity): ArticleMeta | undefined {
    this.#refresh()
    const byUrl = draft.url ? this.#byUrl.get(draft.url) : undefined
    return byUrl ?? this.#byOutletTitle.get(outletTitleKey(draft.outlet, draft.title))
  }

  #refresh(): void {
    const articles = this.#index.data.articles
    const revision = this.#index.revision
    if (revision === this.#revision && articles === this.#source && articles.length === this.#count)
      return
    this.#byUrl.clear()
    this.#byOutletTitle.clear()
    for (const meta of articles) {
      if (meta.deletedAt) continue
      if (meta.url && !this.#byUrl.has(meta.url)) this.#byUrl.set(meta.url, meta)
      const key = outletTitleKey(meta.outlet, meta.title)
      if (!this.#byOutletTitle.has(key)) this.#byOutletTitle.set(key, meta)
    }
    this.#revision = revision
    this.#source = articles
    this.#count = articles.length
  }
}
