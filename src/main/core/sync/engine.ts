import type { Annotation, ArticleMeta, ArticleVersion, SorotEvent } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import type { LibraryStore } from '../store/library-store'
import { newCryptoDoc, openCipher, type Cipher, type CryptoDoc } from './crypto'
import {
  annotationDocId,
  articleDocId,
  parseRemoteDoc,
  type AnnotationDoc,
  type ArticleDoc,
  type SyncDoc
} from './docs'
import { latestTime, resolveLeaves } from './leaves'
import { READER_DOC_ID } from './reader-doc'
import { syncReaderDoc } from './reader-sync'
import {
  LocalArticles,
  stampAuthor,
  annotationDocOf,
  applyAnnotations,
  applyArticle,
  articleDocOf,
  saveIndexRecords
} from './local'
import { ReadOnlyFailure, Remote, type RemoteOptions } from './remote'
import { readSyncState, stateFor, writeSyncState, type SyncState } from './state'

export interface SyncOptions extends RemoteOptions {
  /** Encrypts every document body before it leaves the device. */
  passphrase?: string | null
  /** The display name recorded on this device's annotations that have none (a team library). */
  author?: string | null
  emit?: (event: SorotEvent) => void
}

export interface SyncReport {
  pulled: number
  pushed: number
  /** Articles new to this library. */
  articlesAdded: number
  /** Annotations that kept two texts of their note for the reader to choose. */
  noteConflicts: number
  lastSeq: string | null
  /** The server refused this user's edits (a read-only member): they stay on this device. */
  readOnly: boolean
}

const PULL_BATCH = 500
const PUSH_BATCH = 200
const CRYPTO_ID = 'sorot:crypto'
/** Rounds of pull-then-push when someone else wrote in between (a 409). */
const MAX_ROUNDS = 5

/** The server each open library was fully checked against in this process (see pushChanged). */
const checkedWith = new WeakMap<LibraryStore, string>()

interface Pulled {
  id: string
  rev: string
  doc: SyncDoc
}

/**
 * Syncs the library with a CouchDB database (DESIGN.md §9): pulls the changes since the last
 * sync, checks every document, merges them into the local files, then sends what the server
 * lacks. The local library stays the source of truth: a failure before the merge changes nothing.
 */
export async function syncLibrary(store: LibraryStore, options: SyncOptions): Promise<SyncReport> {
  const remote = new Remote(options)
  await remote.open()
  const cipher = await cipherFor(remote, options.passphrase ?? null)
  let state = stateFor(
    await readSyncState(store.dataDir),
    options.url,
    options.database,
    options.user ?? null
  )
  const report: SyncReport = {
    pulled: 0,
    pushed: 0,
    articlesAdded: 0,
    noteConflicts: 0,
    lastSeq: null,
    readOnly: false
  }
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    // Taken before startedAt: an edit newer than the last sync is in it or marked after it.
    const dirty = store.syncDirty.snapshot()
    const startedAt = new Date().toISOString()
    const pulled = await pullAll(remote, state.lastSeq, cipher)
    report.pulled += pulled.docs.length
    const local = await LocalArticles.of(store)
    const { toSend, waiting, touched } = await mergePulled(
      store,
      local,
      pulled.docs,
      state,
      report,
      options.emit
    )
    // A full check walks every annotations file; later ones only those written since.
    const full = state.lastSyncAt === null || checkedWith.get(store) !== remote.where
    const walk = full ? null : new Set([...dirty.ids, ...touched])
    if (options.author) await stampAuthor(store, options.author, walk)
    let conflicts = 0
    try {
      conflicts = await pushChanged(
        store,
        remote,
        local,
        state,
        pulled.docs,
        toSend,
        cipher,
        report,
        walk
      )
      const reader = await syncReaderDoc(
        store,
        remote,
        local,
        pulled.docs.find((p) => p.id === READER_DOC_ID),
        state,
        cipher,
        options.emit
      )
      if (reader) state = { ...state, readerBase: reader.entries }
      else conflicts += 1
      report.pushed += reader?.sent ? 1 : 0
    } catch (error) {
      if (!(error instanceof ReadOnlyFailure)) throw error
      report.readOnly = true
    }
    // Annotations whose article is not there yet keep the sequence where it was, to come again.
    state = {
      ...state,
      lastSeq: waiting > 0 ? state.lastSeq : pulled.lastSeq,
      // A read-only member's edits were not sent: they stay due for when writing is allowed.
      lastSyncAt: report.readOnly ? state.lastSyncAt : startedAt
    }
    await writeSyncState(store.dataDir, state)
    report.lastSeq = state.lastSeq
    if (conflicts > 0) continue
    // A read-only member's edits stay due, so their articles stay marked.
    if (!report.readOnly) store.syncDirty.settle(dirty.upTo)
    return report
  }
  throw new SorotFailure('storage', `${remote.where} kept changing during the sync: try again`)
}

/** The cipher of an encrypted library, or null; a wrong or missing passphrase stops here. */
async function cipherFor(remote: Remote, passphrase: string | null): Promise<Cipher | null> {
  const stored = await remote.get(CRYPTO_ID)
  if (stored) {
    if (!passphrase)
      throw new SorotFailure('bad_input', `${remote.where} is encrypted: give the passphrase`)
    if (typeof stored.salt !== 'string' || typeof stored.check !== 'string')
      throw new SorotFailure('bad_input', `${remote.where} has a malformed ${CRYPTO_ID} document`)
    return openCipher(passphrase, stored as unknown as CryptoDoc)
  }
  if (!passphrase) return null
  const { doc, cipher } = await newCryptoDoc(passphrase)
  await remote.write([{ _id: CRYPTO_ID, ...doc }])
  return cipher
}

/** Every change since `since`, checked (and decrypted) before any of it is used. */
async function pullAll(
  remote: Remote,
  since: string | null,
  cipher: Cipher | null
): Promise<{ docs: Pulled[]; lastSeq: string | null }> {
  const byId = new Map<string, Pulled>()
  let seq = since
  for (;;) {
    const { rows, lastSeq } = await remote.changes(seq, PULL_BATCH)
    for (const row of rows) {
      if (row.id === CRYPTO_ID || row.id.startsWith('_design/')) continue
      const leaves = [row.doc]
      for (const rev of row.conflicts) {
        const leaf = await remote.get(row.id, rev)
        if (leaf) leaves.push(leaf)
      }
      const docs: SyncDoc[] = []
      for (const leaf of leaves)
        docs.push(parseRemoteDoc(row.id, cipher ? await cipher.decrypt(row.id, leaf) : leaf))
      byId.set(row.id, { id: row.id, rev: row.rev, doc: resolveLeaves(docs) })
    }
    if (rows.length === 0 || lastSeq === seq)
      return { docs: [...byId.values()], lastSeq: lastSeq ?? seq }
    seq = lastSeq
  }
}

/** Applies the pulled documents: articles first, so every annotation finds its article. */
async function mergePulled(
  store: LibraryStore,
  local: LocalArticles,
  pulled: Pulled[],
  state: SyncState,
  report: SyncReport,
  emit: SyncOptions['emit']
): Promise<{ toSend: Set<string>; waiting: number; touched: Set<string> }> {
  const toSend = new Set<string>()
  const pending = new Map<string, ArticleMeta>()
  for (const { id, doc } of pulled) {
    if (doc.kind !== 'article') continue
    const key = id.slice('article:'.length)
    const known = local.find(key, doc)
    const applied = await applyArticle(store, doc, known, pending)
    if (!known) report.articlesAdded += 1
    local.add(key, applied.id)
    if (applied.differs) toSend.add(applied.id)
  }
  await saveIndexRecords(store, pending)
  const byArticle = new Map<string, AnnotationDoc[]>()
  let waiting = 0
  for (const { doc } of pulled) {
    if (doc.kind !== 'annotation') continue
    const articleId = local.byKey.get(doc.articleKey)
    // Its article has not arrived yet (a sync cut short): pulled again next time.
    if (!articleId) {
      waiting += 1
      continue
    }
    byArticle.set(articleId, [...(byArticle.get(articleId) ?? []), doc])
  }
  for (const [articleId, docs] of byArticle) {
    const { changed, merged } = await applyAnnotations(store, articleId, docs, state.lastSyncAt)
    for (const annotation of merged) toSend.add(annotation.id)
    report.noteConflicts += merged.filter((a) => a.otherNotes?.length).length
    if (changed) emit?.({ type: 'annotations.changed', articleId })
  }
  if (pulled.length > 0) emit?.({ type: 'library.changed' })
  return { toSend, waiting, touched: new Set(byArticle.keys()) }
}

/** Sends every article and annotation the server lacks or that changed here since the last sync. */
async function pushChanged(
  store: LibraryStore,
  remote: Remote,
  local: LocalArticles,
  state: SyncState,
  pulled: Pulled[],
  toSend: Set<string>,
  cipher: Cipher | null,
  report: SyncReport,
  walk: ReadonlySet<string> | null
): Promise<number> {
  const since = state.lastSyncAt
  const fresh = new Set(pulled.map((p) => p.id))
  // The first sync of this library with this server in this process checks every document
  // against the server's list; later ones trust it still holds what was sent, so a highlight
  // costs a few requests, not a listing of the whole database (issue 18: <= 2 s), and read
  // only the annotations files written since (`walk`).
  const full = walk === null
  const edited = (docId: string, localId: string, time: string): boolean =>
    toSend.has(localId) || (!fresh.has(docId) && (since === null || time > since))
  const articles: ArticleMeta[] = []
  const annotations: { annotation: Annotation; meta: ArticleMeta }[] = []
  const candidates = (docId: string, localId: string, time: string): boolean =>
    full || edited(docId, localId, time)
  for (const meta of store.index.data.articles) {
    const key = local.keyOf.get(meta.id) as string
    if (candidates(articleDocId(key), meta.id, meta.updatedAt)) articles.push(meta)
    if (walk && !walk.has(meta.id)) continue
    for (const annotation of (await store.annotationsFile(meta.id)).data
      .annotations as Annotation[]) {
      if (candidates(annotationDocId(annotation.id), annotation.id, latestTime(annotation)))
        annotations.push({ annotation, meta })
    }
  }
  const revs = full
    ? await remote.revisions()
    : await remote.revisionsOf([
        ...articles.map((meta) => articleDocId(local.keyOf.get(meta.id) as string)),
        ...annotations.map(({ annotation }) => annotationDocId(annotation.id))
      ])
  for (const { id, rev } of pulled) if (!revs.has(id)) revs.set(id, rev)
  // Sent: what the server lacks, what a merge changed, and this device's edits since the last
  // sync (not what was just received as it is).
  const due = (docId: string, localId: string, time: string): boolean =>
    !revs.has(docId) || edited(docId, localId, time)
  const dueArticles = articles.filter((meta) =>
    due(articleDocId(local.keyOf.get(meta.id) as string), meta.id, meta.updatedAt)
  )
  const dueAnnotations = annotations.filter(({ annotation }) =>
    due(annotationDocId(annotation.id), annotation.id, latestTime(annotation))
  )
  let conflicts = 0
  const send = async (docs: { id: string; body: SyncDoc }[]): Promise<void> => {
    for (let at = 0; at < docs.length; at += PUSH_BATCH) {
      const batch = await Promise.all(
        docs.slice(at, at + PUSH_BATCH).map(async ({ id, body }) => {
          const rev = revs.get(id)
          const sealed = cipher ? await cipher.encrypt(body) : body
          return { _id: id, ...(rev ? { _rev: rev } : {}), ...sealed }
        })
      )
      conflicts += (await remote.write(batch)).length
      report.pushed += batch.length
    }
  }
  const articleDocs: { id: string; body: ArticleDoc }[] = []
  for (const meta of dueArticles)
    articleDocs.push({
      id: articleDocId(local.keyOf.get(meta.id) as string),
      body: await articleDocOf(store, meta)
    })
  await send(articleDocs)
  const annotationDocs: { id: string; body: AnnotationDoc }[] = []
  const versionsOf = new Map<string, ArticleVersion[]>()
  for (const { annotation, meta } of dueAnnotations) {
    const versions = versionsOf.get(meta.id) ?? (await store.readArticleFile(meta.id)).versions
    versionsOf.set(meta.id, versions)
    const key = local.keyOf.get(meta.id) as string
    annotationDocs.push({
      id: annotationDocId(annotation.id),
      body: annotationDocOf(annotation, key, versions)
    })
  }
  await send(annotationDocs)
  if (conflicts === 0) checkedWith.set(store, remote.where)
  return conflicts
}
