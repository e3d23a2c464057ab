import nano from 'nano'
import { SorotFailure } from '../../../shared/result'

/** A CouchDB database reached through nano (Apache CouchDB's own client), errors in plain words. */
export interface RemoteOptions {
  url: string
  database: string
  user?: string | null
  password?: string | null
}

export interface RemoteRow {
  id: string
  rev: string
  doc: Record<string, unknown>
  conflicts: string[]
}

const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/

/** The server lets this user read but not write (CouchDB `_security` members, 403). */
export class ReadOnlyFailure extends SorotFailure {}

/** Turns what nano threw into a failure a reader can act on, naming the server. */
export function remoteFailure(error: unknown, where: string): SorotFailure {
  if (error instanceof SorotFailure) return error
  const status = (error as { statusCode?: number }).statusCode
  const reason = (error as Error).message
  if (status === 401)
    return new SorotFailure('bad_input', `${where} refused the user name or password (401)`)
  if (status === 403)
    return new ReadOnlyFailure(
      'bad_input',
      `${where} allows this user to read only: edits cannot be sent (403: ${reason})`
    )
  if (status === 404) return new SorotFailure('not_found', `${where} has no such database (404)`)
  if (status === 413)
    return new SorotFailure('bad_input', `${where} refused a document as too large (413)`)
  if (status) return new SorotFailure('storage', `${where} answered ${status}: ${reason}`)
  return new SorotFailure(
    'storage',
    `Cannot reach ${where}: ${reason.replace(/^error happened in your connection\. Reason: /, '')}`
  )
}

export class Remote {
  readonly where: string
  readonly #db: nano.DocumentScope<Record<string, unknown>>
  readonly #server: nano.ServerScope
  readonly #name: string

  constructor(options: RemoteOptions) {
    let url: URL
    try {
      url = new URL(options.url)
    } catch {
      throw new SorotFailure('bad_input', `url: not a valid server address: ${options.url}`)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new SorotFailure(
        'bad_input',
        `url: must start with http:// or https://, not ${url.protocol}`
      )
    if (!DB_NAME.test(options.database))
      throw new SorotFailure(
        'bad_input',
        `db: ${JSON.stringify(options.database)} is not a CouchDB database name (lowercase letters, digits, _$()+-/)`
      )
    if (options.user) url.username = encodeURIComponent(options.user)
    if (options.password) url.password = encodeURIComponent(options.password)
    this.where = `${url.origin}/${options.database}`
    this.#server = nano({ url: url.toString() })
    this.#name = options.database
    this.#db = this.#server.use(options.database)
  }

  async #call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (error) {
      throw remoteFailure(error, this.where)
    }
  }

  /** Checks the server and the database, creating the database when it is missing. */
  async open(): Promise<void> {
    try {
      await this.#db.info()
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404)
        throw remoteFailure(error, this.where)
      await this.#call(() => this.#server.db.create(this.#name))
    }
  }

  /** One document, or null when the server has none with that id. */
  async get(id: string, rev?: string): Promise<Record<string, unknown> | null> {
    try {
      return (await this.#db.get(id, rev ? { rev } : {})) as Record<string, unknown>
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return null
      throw remoteFailure(error, this.where)
    }
  }

  /** The changes after `since`, at most `limit`, with their documents and conflicting revisions. */
  async changes(
    since: string | null,
    limit: number
  ): Promise<{ rows: RemoteRow[]; lastSeq: string }> {
    const response = await this.#call(() =>
      this.#db.changes({ since: since ?? 0, limit, include_docs: true, conflicts: true })
    )
    if (!response || !Array.isArray(response.results))
      throw new SorotFailure('bad_input', `${this.where} sent a changes feed that is not one`)
    const rows: RemoteRow[] = []
    for (const change of response.results) {
      const doc = (change as { doc?: Record<string, unknown> }).doc
      if (change.deleted || !doc || typeof change.id !== 'string') continue
      const conflicts = Array.isArray(doc._conflicts) ? (doc._conflicts as string[]) : []
      rows.push({ id: change.id, rev: String(doc._rev), doc, conflicts })
    }
    return { rows, lastSeq: String(response.last_seq) }
  }

  /** The current revision of each id the server has (one request for the whole list). */
  async revisions(): Promise<Map<string, string>> {
    const response = await this.#call(() => this.#db.list())
    const revs = new Map<string, string>()
    for (const row of response.rows) revs.set(row.id, row.value.rev)
    return revs
  }

  /**
   * The current revision of each of `ids` the server has (one request): what a sync needs when
   * it sends a few documents, without listing a database of 20,000.
   */
  async revisionsOf(ids: readonly string[]): Promise<Map<string, string>> {
    const revs = new Map<string, string>()
    if (ids.length === 0) return revs
    const response = await this.#call(() => this.#db.fetchRevs({ keys: [...ids] }))
    for (const row of response.rows) {
      const value = (row as { value?: { rev?: string; deleted?: boolean } }).value
      if ('id' in row && value?.rev && !value.deleted) revs.set(row.id, value.rev)
    }
    return revs
  }

  /** Writes documents; returns the ids the server refused as conflicts (someone wrote first). */
  async write(docs: Record<string, unknown>[]): Promise<string[]> {
    const results = await this.#call(() => this.#db.bulk({ docs }))
    const conflicts: string[] = []
    for (const result of results) {
      if (!result.error) continue
      if (result.error === 'conflict') conflicts.push(result.id ?? '')
      else if (result.error === 'forbidden' || result.error === 'unauthorized')
        throw remoteFailure({ statusCode: 403, message: result.reason ?? result.error }, this.where)
      else
        throw new SorotFailure(
          'storage',
          `${this.where} refused ${result.id}: ${result.reason ?? result.error}`
        )
    }
    return conflicts
  }
}
