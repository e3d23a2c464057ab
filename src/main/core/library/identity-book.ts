import type { SpeakerIdentity, SpeakersFile } from '../../../shared/model'
import { ORGANISATION_WORDS, TITLES } from '../../../shared/quotes/lexicon'

/** A name folded for matching: no case, no diacritics, single spaces. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** A full name and the short form written in brackets right after it: `Joko Widodo (Jokowi)`. */
export type AliasPair = [full: string, short: string]

/** Who is who in the library: every name written for a speaker, mapped to one identity. */
export interface IdentityBook {
  /** The identity a name (as an article or annotation writes it) belongs to. */
  identityOf(name: string): SpeakerIdentity
  identities(): SpeakerIdentity[]
}

const tokensOf = (name: string): string[] => name.split(' ').filter(Boolean)
const isRoleWord = (token: string): boolean => TITLES.has(token.replace(/\.$/, '').toLowerCase())

/**
 * A name without the titles and roles written before it (`Presiden Jokowi` is Jokowi). A
 * body's name keeps its words (`Kepala Badan Pusat Statistik` stays whole).
 */
export function withoutRoles(name: string): string {
  const tokens = tokensOf(name.replace(/\s+/g, ' ').trim())
  if (tokens.some((t) => ORGANISATION_WORDS.has(t.toLowerCase()))) return tokens.join(' ')
  let first = 0
  while (first < tokens.length - 1 && isRoleWord(tokens[first])) first += 1
  return tokens.slice(first).join(' ')
}

/** The key two spellings of one name share: no roles, case or diacritics. */
export const identityKey = (name: string): string => foldName(withoutRoles(name))

/** `Joko Widodo (Jokowi)` pairs in a text: a name of two or more words, a one-word alias. */
export function aliasPairsIn(text: string): AliasPair[] {
  const pairs: AliasPair[] = []
  const pattern = /((?:\p{Lu}[\p{L}'.-]*\s+){1,5}\p{Lu}[\p{L}'-]*)\s*\((\p{Lu}[\p{L}-]{1,30})\)/gu
  for (const match of text.matchAll(pattern)) pairs.push([match[1], match[2]])
  return pairs
}

/** Union-find over name keys, with the forms each key was written in. */
class Groups {
  readonly parent = new Map<string, string>()

  add(key: string): void {
    if (!this.parent.has(key)) this.parent.set(key, key)
  }

  root(key: string): string {
    let at = key
    while (this.parent.get(at) !== at) at = this.parent.get(at) ?? at
    this.parent.set(key, at)
    return at
  }

  join(a: string, b: string): void {
    const [ra, rb] = [this.root(a), this.root(b)]
    if (ra !== rb) this.parent.set(rb, ra)
  }
}

/** The key of a speaker in a bracket pair's full name: the longest one its words end with. */
function keyEnding(full: string, keys: ReadonlySet<string>): string | undefined {
  const tokens = tokensOf(identityKey(full))
  for (let from = 0; from < tokens.length - 1; from++) {
    const key = tokens.slice(from).join(' ')
    if (keys.has(key)) return key
  }
  return undefined
}

/**
 * The name shown for a group: the fullest name once roles are set aside, a form written
 * without a role before one with it, then the form used most.
 */
function displayName(forms: ReadonlyMap<string, number>): string {
  const rank = ([form, count]: [string, number]): [number, number, number] => {
    const bare = withoutRoles(form)
    return [tokensOf(bare).length, bare === form ? 1 : 0, count]
  }
  return [...forms].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)]
    return (
      rb[0] - ra[0] || rb[1] - ra[1] || rb[2] - ra[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
    )
  })[0][0]
}

/**
 * Groups the names of the library into identities (DESIGN.md §5): role words stripped, a short
 * name joined to the one full name that contains it (only when no other does), a bracketed
 * alias joined to the name before it, then the reader's merges and splits, which always win.
 * `names` counts how often each form is written.
 */
export function buildIdentityBook(
  names: ReadonlyMap<string, number>,
  pairs: readonly AliasPair[],
  record: Pick<SpeakersFile, 'identities' | 'separate'>
): IdentityBook {
  const groups = new Groups()
  const forms = new Map<string, Map<string, number>>()
  const addForm = (form: string, count: number): void => {
    const key = identityKey(form)
    if (!key) return
    groups.add(key)
    let known = forms.get(key)
    if (!known) forms.set(key, (known = new Map()))
    const shown = form.replace(/\s+/g, ' ').trim()
    known.set(shown, (known.get(shown) ?? 0) + count)
  }
  for (const [name, count] of names) addForm(name, count)
  const separate = new Set(record.separate.map(identityKey))
  const spoken = new Set(forms.keys())

  for (const [full, short] of pairs) {
    const long = keyEnding(full, spoken)
    const alias = identityKey(short)
    if (long && spoken.has(alias) && !separate.has(long) && !separate.has(alias))
      groups.join(long, alias)
  }
  const wordsOf = new Map([...spoken].map((key) => [key, tokensOf(key)]))
  const words = (key: string): string[] => wordsOf.get(key) ?? []
  // Longest names first, so `Putin` meets `Vladimir Putin` already joined to any longer form.
  const byLength = [...spoken].sort((a, b) => words(b).length - words(a).length)
  // The names each word appears in: only those are compared (a big library has many names).
  const withWord = new Map<string, string[]>()
  for (const key of byLength)
    for (const word of new Set(words(key))) {
      const list = withWord.get(word)
      if (list) list.push(key)
      else withWord.set(word, [key])
    }
  for (const key of byLength) {
    if (separate.has(key)) continue
    const own = words(key)
    const fewest = own
      .map((w) => withWord.get(w) ?? [])
      .reduce((a, b) => (b.length < a.length ? b : a))
    const containing = new Set<string>()
    for (const other of fewest) {
      const otherWords = words(other)
      if (otherWords.length <= own.length || separate.has(other)) continue
      if (own.every((w) => otherWords.includes(w))) containing.add(groups.root(other))
    }
    if (containing.size === 1) groups.join([...containing][0], key)
  }
  // The reader's merges: each names its group, whatever the rules said.
  const chosen = new Map<string, string>()
  for (const identity of record.identities) {
    const keys = [identity.name, ...identity.aliases].map(identityKey).filter(Boolean)
    for (const key of keys) {
      groups.add(key)
      groups.join(keys[0], key)
    }
    if (keys.length > 0) chosen.set(keys[0], identity.name)
  }

  const identities = new Map<string, SpeakerIdentity>()
  const members = new Map<string, Map<string, number>>()
  for (const key of groups.parent.keys()) {
    const root = groups.root(key)
    let all = members.get(root)
    if (!all) members.set(root, (all = new Map()))
    for (const [form, count] of forms.get(key) ?? []) all.set(form, (all.get(form) ?? 0) + count)
  }
  for (const [key, name] of chosen) {
    const all = members.get(groups.root(key))
    if (all && !all.has(name)) all.set(name, 0)
  }
  for (const [root, all] of members) {
    if (all.size === 0) continue
    const named = [...chosen].find(([key]) => groups.root(key) === root)?.[1]
    const name = named ?? displayName(all)
    const aliases = [...all.keys()].filter((form) => form !== name)
    identities.set(root, { name, aliases })
  }
  // Asked for every quotation of the library: each name is looked up once.
  const looked = new Map<string, SpeakerIdentity>()
  return {
    identityOf(name) {
      let identity = looked.get(name)
      if (identity) return identity
      const key = identityKey(name)
      const found = groups.parent.has(key) ? identities.get(groups.root(key)) : undefined
      identity = found ?? { name: name.replace(/\s+/g, ' ').trim(), aliases: [] }
      looked.set(name, identity)
      return identity
    },
    identities: () => [...identities.values()]
  }
}
