import type { SpeakerIdentity } from '../../../shared/model'
import type { Emit } from '../events'
import type { IdentityBook } from '../library/identity-book'
import { mergeSpeakers, splitSpeaker } from '../library/speaker-identities'
import type { LibraryStore } from '../store/library-store'
import type { QuotesService } from './service'

/**
 * Applies a reader's merge or split over the identities as the whole library shows them, then
 * gathers them again (search then indexes saved quotes under the new names) and tells the UI.
 */
async function regroup(
  quotes: QuotesService,
  edit: (book: IdentityBook) => Promise<SpeakerIdentity>,
  emit: Emit
): Promise<SpeakerIdentity> {
  const { book } = await quotes.library(true)
  const identity = await edit(book)
  await quotes.library(true)
  emit({ type: 'library.changed' })
  return identity
}

/** `speakers.merge`: these names are one person, known as `into`. */
export function mergeSpeakerNames(
  quotes: QuotesService,
  store: LibraryStore,
  input: { names: readonly string[]; into: string },
  emit: Emit
): Promise<SpeakerIdentity> {
  return regroup(quotes, (book) => mergeSpeakers(store, book, input.names, input.into), emit)
}

/** `speakers.split`: this alias is someone else; the identity it leaves is returned. */
export function splitSpeakerName(
  quotes: QuotesService,
  store: LibraryStore,
  alias: string,
  emit: Emit
): Promise<SpeakerIdentity> {
  return regroup(quotes, (book) => splitSpeaker(store, book, alias), emit)
}
