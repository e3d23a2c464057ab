import type { SpeakerCorrection, SpeakerIdentity, SpeakersFile } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import { identityKey, type IdentityBook } from './identity-book'
import type { LibraryStore } from '../store/library-store'
import type { Emit } from '../events'

const distinct = (names: readonly string[]): string[] => {
  const seen = new Set<string>()
  return names.filter((name) => {
    const key = identityKey(name)
    if (!key || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Makes the speakers `names` (with every alias the library groups under them) one identity
 * shown as `into`, replacing the reader's earlier merges they were part of. Persisted in
 * speakers.json; nothing else changes.
 */
export async function mergeSpeakers(
  store: LibraryStore,
  book: IdentityBook,
  names: readonly string[],
  into: string
): Promise<SpeakerIdentity> {
  const forms = [into, ...names].flatMap((name) => {
    const identity = book.identityOf(name)
    return [name, identity.name, ...identity.aliases]
  })
  const keys = new Set(forms.map(identityKey))
  const earlier = store.speakers.data.identities.filter((identity) =>
    [identity.name, ...identity.aliases].some((name) => keys.has(identityKey(name)))
  )
  const all = distinct([...forms, ...earlier.flatMap((i) => [i.name, ...i.aliases])])
  const merged: SpeakerIdentity = {
    name: into,
    aliases: all.filter((name) => identityKey(name) !== identityKey(into))
  }
  await store.speakers.update((file) => {
    file.identities = file.identities.filter((identity) => !earlier.includes(identity))
    file.identities.push(merged)
    file.separate = file.separate.filter((name) => !keys.has(identityKey(name)))
  })
  return merged
}

/**
 * Makes `alias` a speaker of its own: taken out of the reader's merges and never grouped by
 * the rules again (until merged by hand). Answers the identity it leaves behind.
 */
export async function splitSpeaker(
  store: LibraryStore,
  book: IdentityBook,
  alias: string
): Promise<SpeakerIdentity> {
  const key = identityKey(alias)
  const from = book.identityOf(alias)
  if (from.aliases.length === 0)
    throw new SorotFailure('bad_input', `alias: "${alias}" is not grouped with another speaker`)
  await store.speakers.update((file) => {
    file.identities = file.identities.flatMap((identity): SpeakerIdentity[] => {
      const names = [identity.name, ...identity.aliases].filter((n) => identityKey(n) !== key)
      if (names.length === identity.aliases.length + 1) return [identity]
      if (names.length < 2) return []
      const name = identityKey(identity.name) === key ? names[0] : identity.name
      return [{ name, aliases: names.filter((n) => n !== name) }]
    })
    if (!file.separate.some((name) => identityKey(name) === key)) file.separate.push(alias)
  })
  const rest = [from.name, ...from.aliases].filter((n) => identityKey(n) !== key)
  return { name: rest[0], aliases: rest.slice(1) }
}

/** The reader's corrections of one article's quotations. */
export function correctionsOf(
  file: Pick<SpeakersFile, 'corrections'>,
  articleId: string
): SpeakerCorrection[] {
  return file.corrections.filter((c) => c.articleId === articleId)
}

/**
 * Keeps the reader's speaker for a quotation that is not saved as an annotation, by article
 * and quotation text (so a new version or a new detector keeps it). A second correction of the
 * same quotation replaces the first.
 */
export async function correctSpeaker(
  store: LibraryStore,
  correction: Omit<SpeakerCorrection, 'correctedAt'>,
  emit: Emit
): Promise<SpeakerCorrection> {
  store.requireArticleMeta(correction.articleId)
  if (correction.end <= correction.start)
    throw new SorotFailure('bad_input', 'end: must be after start')
  const stored: SpeakerCorrection = { ...correction, correctedAt: new Date().toISOString() }
  await store.speakers.update((file) => {
    file.corrections = file.corrections.filter(
      (c) =>
        c.articleId !== stored.articleId ||
        c.quote !== stored.quote ||
        (c.start !== stored.start && c.end !== stored.end)
    )
    file.corrections.push(stored)
  })
  emit({ type: 'annotations.changed', articleId: stored.articleId })
  return stored
}
