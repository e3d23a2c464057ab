import type {
  Annotation,
  ArticleMeta,
  ArticleQuotation,
  ArticleQuotes,
  Block,
  SpeakerCorrection,
  SpeakerSummaries,
  SpeakersResponse
} from '../../../shared/model'
import { findQuotes, type Quotation } from '../../../shared/quotes'
import { SorotFailure } from '../../../shared/result'
import { canonicalText } from '../../../shared/text'
import type { LibraryStore } from '../store/library-store'
import { detectQuotes } from './detect-off-thread'
import {
  aliasPairsIn,
  buildIdentityBook,
  type AliasPair,
  type IdentityBook
} from '../library/identity-book'
import { correctionsOf } from '../library/speaker-identities'
import { DetectionCache, type VersionStamp } from './detection-cache'
import { summariesOf } from './speaker-summaries'
import {
  covers,
  entriesKey,
  entriesOf,
  groupSpeakers,
  withCorrections,
  type SpeakerEntry
} from './speakers'

export interface QuotesServiceOptions {
  /** The detector (tests inject a counting one); findQuotes by default. */
  detect?: (text: string) => Quotation[]
  /** Article versions kept in the cache; above the library size, nothing is detected twice. */
  capacity?: number
  /** Articles a `quotes.speakers` call detects itself before leaving the rest to the background. */
  inlineLimit?: number
  /** How long one background slice may hold the thread, in milliseconds, before it yields. */
  sliceMs?: number
  /** How long a call may spend detecting before it answers `partial`, in milliseconds. */
  inlineMs?: number
  log?: (message: string) => void
  /** Told which articles to index again when speakers' names change (search, DESIGN.md §5). */
  onNamesChanged?: (articleIds: string[]) => void
}

interface StoredVersion extends VersionStamp {
  blocks: Block[]
}

const DEFAULTS = { capacity: 20_000, inlineLimit: 100, sliceMs: 10, inlineMs: 100 }
/** Quotations per speaker in an answer unless asked for more (a big library has thousands). */
export const DEFAULT_PER_SPEAKER = 20

const stampOfMeta = (meta: ArticleMeta): VersionStamp => ({
  version: meta.versionCount,
  contentHash: meta.contentHash
})

/** The live quote annotations of an article that have a passage. */
const savedQuotesIn = (annotations: readonly Annotation[]): Annotation[] =>
  annotations.filter((a) => a.kind === 'quote' && !a.deletedAt && a.target)

/** The saved quote that covers a detected quotation's range, if any. */
function coveringQuote(saved: readonly Annotation[], quote: Quotation): Annotation | undefined {
  return saved.find((a) => covers(a, quote))
}

/** What the library's speakers were read from: each article's entries, and who is who. */
export interface LibrarySpeakers {
  entries: Array<{ meta: ArticleMeta; entries: SpeakerEntry[] }>
  book: IdentityBook
  /** Live articles not read yet (detected in the background). */
  missing: number
  total: number
}

/**
 * Quotations of articles and speakers of the library, over a per-version cache of
 * `findQuotes` (DESIGN.md §5). Nothing is written: the cache lives in memory.
 */
export class QuotesService {
  readonly #store: LibraryStore
  readonly #detect: (text: string) => Quotation[]
  readonly #cache: DetectionCache
  readonly #options: typeof DEFAULTS &
    Pick<QuotesServiceOptions, 'onNamesChanged'> & {
      log: (message: string) => void
    }
  /** Articles whose file could not be read, by `id@version`: not retried in a loop. */
  readonly #unreadable = new Set<string>()
  /** Each article's speaker entries, rebuilt when its version, details or saved quotes change. */
  readonly #entries = new Map<string, { key: string; entries: SpeakerEntry[] }>()
  /** `Name (Alias)` pairs of each article version, found when it is detected. */
  readonly #pairs = new Map<string, { stamp: string; pairs: AliasPair[] }>()
  #book: { key: string; book: IdentityBook } | null = null
  #entriesRevision = 0
  #table: ReadonlyMap<string, readonly string[]> = new Map()
  #tableSignature = ''
  #filling: Promise<void> | null = null
  #detections = 0

  constructor(store: LibraryStore, options: QuotesServiceOptions = {}) {
    this.#store = store
    this.#detect = options.detect ?? findQuotes
    this.#options = {
      capacity: options.capacity ?? DEFAULTS.capacity,
      inlineLimit: options.inlineLimit ?? DEFAULTS.inlineLimit,
      sliceMs: options.sliceMs ?? DEFAULTS.sliceMs,
      inlineMs: options.inlineMs ?? DEFAULTS.inlineMs,
      log: options.log ?? ((message) => console.warn(`sorot quotes: ${message}`)),
      onNamesChanged: options.onNamesChanged
    }
    this.#cache = new DetectionCache(this.#options.capacity)
  }

  /** How many texts were run through the detector so far (cache misses). */
  get detections(): number {
    return this.#detections
  }

  /** Resolves once the background detection of the library has caught up. */
  async settled(): Promise<void> {
    while (this.#filling) await this.#filling
  }

  /**
   * The detected quotations of an article's newest version, each with its saved quote, the
   * reader's correction in place of detection, and the speaker's library-wide identity name.
   */
  async listQuotes(articleId: string): Promise<ArticleQuotes> {
    this.#store.requireArticleMeta(articleId)
    const latest = (await this.#store.articleFile(articleId)).data.versions.at(-1)
    if (!latest) throw new SorotFailure('not_found', `Article ${articleId} has no stored text`)
    const detected = await this.#quotationsOf(articleId, latest)
    const corrections = correctionsOf(this.#store.speakers.data, articleId)
    const saved = savedQuotesIn((await this.#store.annotationsFile(articleId)).data.annotations)
    const { book, missing } = await this.library()
    return {
      articleId,
      version: latest.version,
      partial: missing > 0,
      quotations: withCorrections(detected, corrections).map((q): ArticleQuotation => {
        const savedQuote = coveringQuote(saved, q)
        // A saved quote's speaker is the reader's: it stands for the detection it covers.
        const speaker = savedQuote?.speaker?.trim() || q.speaker
        return {
          ...q,
          speaker: speaker ? book.identityOf(speaker).name : null,
          confidence: savedQuote?.speaker?.trim() ? 1 : q.confidence,
          corrected: q.corrected || Boolean(savedQuote?.speaker?.trim()),
          savedId: savedQuote?.id ?? null
        }
      })
    }
  }

  /**
   * The speakers of the library as far as it has been read: what each article brings and who
   * is who. `complete` reads every article first (the CLI, merges, exports).
   */
  async library(complete = false): Promise<LibrarySpeakers> {
    const live = this.#store.index.data.articles.filter((meta) => !meta.deletedAt)
    let missing = live.filter((meta) => !this.#isKnown(meta))
    const inlineEnd = Date.now() + this.#options.inlineMs
    for (const meta of complete ? missing : missing.slice(0, this.#options.inlineLimit)) {
      await this.#fill(meta)
      if (!complete && Date.now() >= inlineEnd) break
    }
    missing = missing.filter((meta) => !this.#isKnown(meta))
    if (missing.length > 0) this.#startFilling()

    const entries: LibrarySpeakers['entries'] = []
    const corrected = new Map<string, SpeakerCorrection[]>()
    for (const c of this.#store.speakers.data.corrections) {
      const list = corrected.get(c.articleId)
      if (list) list.push(c)
      else corrected.set(c.articleId, [c])
    }
    for (const meta of live) {
      const detected = this.#cache.get(meta.id, stampOfMeta(meta))
      if (!detected) continue
      const annotations =
        meta.counts?.quotes === 0
          ? []
          : (await this.#store.annotationsFile(meta.id)).data.annotations
      const corrections = corrected.get(meta.id) ?? []
      const source = { meta, detected, saved: savedQuotesIn(annotations), corrections }
      const key = entriesKey(source)
      let known = this.#entries.get(meta.id)
      if (known?.key !== key) {
        this.#entries.set(meta.id, (known = { key, entries: entriesOf(source) }))
        this.#entriesRevision += 1
      }
      entries.push({ meta, entries: known.entries })
    }
    return {
      entries,
      book: this.#identityBook(entries),
      missing: missing.length,
      total: live.length
    }
  }

  /** Every speaker identity with counts per article (`speakers.list`, `sorot speakers`). */
  async summaries(complete = false): Promise<SpeakerSummaries> {
    const library = await this.library(complete)
    return { speakers: summariesOf(library), partial: library.missing > 0 }
  }

  /**
   * Every name of each speaker's identity, by name as written, as far as the library has been
   * read (search indexes saved quotes under them); empty until the speakers are first gathered.
   */
  speakerTable(): ReadonlyMap<string, readonly string[]> {
    return this.#table
  }

  /** The identity name for a speaker name as written (exports show it). */
  async speakerNames(): Promise<(name: string) => string> {
    const { book } = await this.library(true)
    return (name) => book.identityOf(name).name
  }

  /** The identity book over these entries, built again only when they or the reader's record change. */
  #identityBook(entries: LibrarySpeakers['entries']): IdentityBook {
    // Entries are replaced, never changed in place: a revision and the count say what changed.
    const key = `${this.#store.speakers.revision}|${this.#store.index.revision}|${this.#entriesRevision}|${entries.length}`
    if (this.#book?.key === key) return this.#book.book
    const names = new Map<string, number>()
    const pairs: AliasPair[] = []
    for (const { meta, entries: articleEntries } of entries) {
      for (const [speaker] of articleEntries) names.set(speaker, (names.get(speaker) ?? 0) + 1)
      pairs.push(...(this.#pairs.get(meta.id)?.pairs ?? []))
    }
    const book = buildIdentityBook(names, pairs, this.#store.speakers.data)
    this.#book = { key, book }
    this.#tableFrom(book)
    return book
  }

  /**
   * Every speaker of the library with their quotations, saved and detected, newest first,
   * filtered by a case- and diacritic-insensitive part of the name. Articles not detected yet
   * are detected in the background and the answer says `partial` until they are.
   */
  async speakers(query?: string, perSpeaker = DEFAULT_PER_SPEAKER): Promise<SpeakersResponse> {
    const { entries, book, missing, total } = await this.library()
    return {
      speakers: groupSpeakers(
        entries.map((e) => e.entries),
        book,
        query,
        perSpeaker
      ),
      partial: missing > 0,
      done: total - missing,
      total
    }
  }

  /** The names table of a new book; when it differs, search indexes the saved quotes again. */
  #tableFrom(book: IdentityBook): void {
    const table = new Map<string, readonly string[]>()
    for (const identity of book.identities()) {
      const names = [identity.name, ...identity.aliases]
      if (names.length > 1) for (const name of names) table.set(name, names)
    }
    const signature = [...table].map(([name, names]) => `${name}=${names.join('|')}`).join('\n')
    if (signature === this.#tableSignature) return
    this.#table = table
    this.#tableSignature = signature
    const withQuotes = this.#store.index.data.articles
      .filter((meta) => !meta.deletedAt && meta.counts?.quotes !== 0)
      .map((meta) => meta.id)
    if (withQuotes.length > 0) this.#options.onNamesChanged?.(withQuotes)
  }

  #isKnown(meta: ArticleMeta): boolean {
    const stamp = stampOfMeta(meta)
    return this.#cache.has(meta.id, stamp) || this.#unreadable.has(`${meta.id}@${stamp.version}`)
  }

  async #quotationsOf(articleId: string, version: StoredVersion): Promise<Quotation[]> {
    const cached = this.#cache.get(articleId, version)
    if (cached) return cached
    this.#detections += 1
    const text = canonicalText(version.blocks)
    // A long text is detected in the quotes worker, so other requests do not wait on it.
    const quotations = await detectQuotes(text, this.#detect)
    this.#cache.set(articleId, version, quotations)
    this.#pairs.set(articleId, {
      stamp: `${version.version}:${version.contentHash}`,
      pairs: aliasPairsIn(text)
    })
    return quotations
  }

  /** Detects one article for the library-wide view and loads its annotations file. */
  async #fill(meta: ArticleMeta): Promise<void> {
    try {
      const latest = await this.#store.peekArticle(meta)
      if (!latest) throw new Error('no stored text')
      await this.#quotationsOf(meta.id, latest)
      if (meta.counts?.quotes !== 0) await this.#store.annotationsFile(meta.id)
    } catch (error) {
      this.#unreadable.add(`${meta.id}@${meta.versionCount}`)
      this.#options.log(`could not read article ${meta.id}: ${(error as Error).message}`)
    }
  }

  /** Detects the articles not known yet in slices, yielding the thread between them. */
  #startFilling(): void {
    if (this.#filling) return
    this.#filling = (async (): Promise<void> => {
      // Each article once per run: a cache smaller than the library must not loop for ever.
      const tried = new Set<string>()
      for (;;) {
        const missing = this.#store.index.data.articles.filter(
          (meta) => !meta.deletedAt && !tried.has(meta.id) && !this.#isKnown(meta)
        )
        if (missing.length === 0) return
        const sliceEnd = Date.now() + this.#options.sliceMs
        for (const meta of missing) {
          tried.add(meta.id)
          await this.#fill(meta)
          if (Date.now() >= sliceEnd) break
        }
        await new Promise<void>((resolve) => setImmediate(resolve))
      }
    })().finally(() => {
      this.#filling = null
    })
  }
}
