import type { SorotEvent } from '../../../shared/model'
import type { LibraryStore } from '../store/library-store'
import type { Cipher } from './crypto'
import type { LocalArticles } from './local'
import {
  applyEntries,
  localEntries,
  mergeEntries,
  READER_DOC_ID,
  same,
  type Entries,
  type ReaderDoc
} from './reader-doc'
import type { Remote } from './remote'
import type { SyncState } from './state'

/**
 * Merges the reader document (settings, tag colours, speakers) with the server's and sends the
 * result when the server lacks it. Null when someone else wrote it first (another round).
 */
export async function syncReaderDoc(
  store: LibraryStore,
  remote: Remote,
  local: LocalArticles,
  fromServer: { rev: string; doc: { kind: string } } | undefined,
  state: SyncState,
  cipher: Cipher | null,
  emit: ((event: SorotEvent) => void) | undefined
): Promise<{ entries: Entries; sent: boolean } | null> {
  const base = state.readerBase ?? {}
  // Not pulled: the server's copy has not changed since it was last agreed.
  const theirs = fromServer?.doc.kind === 'reader' ? (fromServer.doc as ReaderDoc).entries : base
  const mine = localEntries(store, local.keyOf, base)
  const merged = mergeEntries(base, mine, theirs)
  for (const event of await applyEntries(store, local.byKey, merged, mine)) emit?.(event)
  if (same(merged, theirs)) return { entries: merged, sent: false }
  const rev = fromServer?.rev ?? (await remote.revisionsOf([READER_DOC_ID])).get(READER_DOC_ID)
  const body: ReaderDoc = { kind: 'reader', entries: merged }
  const sealed = cipher ? await cipher.encrypt(body) : body
  const refused = await remote.write([
    { _id: READER_DOC_ID, ...(rev ? { _rev: rev } : {}), ...sealed }
  ])
  return refused.length ? null : { entries: merged, sent: true }
}
