/** The names an article uses: fuller forms, aliases, nicknames and the roles people hold. */

/** Someone or something quoted: a person, or an organisation or country. */
export interface Speaker {
  name: string
  person: boolean
  /** Every word is also an ordinary word ("Orang", "Indah"): a name only if the article shows it. */
  common?: boolean
}

/** A person a role word named, and where: `pelatih Persib Bojan Hodak` gives pelatih → Bojan Hodak. */
interface RoleMention {
  at: number
  speaker: Speaker
}

/** Names the article uses, for expanding a short mention, aliases and the roles people hold. */
export class NameBook {
  readonly names = new Set<string>()
  readonly aliases = new Map<string, string>()
  /** Capitalised words the article uses as places (`di Sukabumi`, `Kota Bukittinggi`). */
  readonly places = new Set<string>()
  /** Ordinary words the article capitalises mid-sentence, so uses as a name (`Dian`, `Indah`). */
  readonly shown = new Set<string>()
  /** Initials the article gives a person by (`pelaku berinisial MNA`), though they look like a body's. */
  readonly initials = new Set<string>()
  /** Full names by each of their words, so a short mention finds its fuller forms at once. */
  readonly #byWord = new Map<string, string[]>()
  readonly #roles = new Map<string, RoleMention[]>()
  readonly #counts = new Map<string, number>()
  /** Full names by the first letters of their first word: `Bima` → `Bimastyaji Surya Ramadan`. */
  readonly #byPrefix = new Map<string, string[]>()
  /** Names of two words or more in text order, with where they stand. */
  readonly #fullNames: Array<{ at: number; name: string }> = []

  add(name: string, at = -1): void {
    this.#counts.set(name, (this.#counts.get(name) ?? 0) + 1)
    const words = name.split(' ')
    if (at >= 0 && words.length > 1) this.#fullNames.push({ at, name })
    if (this.names.has(name)) return
    this.names.add(name)
    for (const word of new Set(words)) push(this.#byWord, word, name)
    const first = words[0]
    if (words.length > 1)
      for (let k = NICKNAME_MIN; k < Math.min(first.length, 9); k++)
        push(this.#byPrefix, first.slice(0, k), name)
  }

  /**
   * Files `from` under `to` (`Fraksi Golkar Riswan Tony` under `Riswan Tony`): the longer form
   * no longer counts as anyone's fuller name, and reading it gives `to`.
   */
  rename(from: string, to: string): void {
    if (!this.names.delete(from)) return
    for (const word of new Set(from.split(' '))) {
      const list = this.#byWord.get(word)
      if (list)
        this.#byWord.set(
          word,
          list.filter((n) => n !== from)
        )
    }
    for (const [prefix, list] of this.#byPrefix)
      if (list.includes(from))
        this.#byPrefix.set(
          prefix,
          list.filter((n) => n !== from)
        )
    for (const entry of this.#fullNames) if (entry.name === from) entry.name = to
    this.add(to)
    this.aliases.set(from, to)
  }

  /** The one full name whose first word starts with `word`, when exactly one does. */
  byNickname(word: string): string | null {
    const found = this.#byPrefix.get(word)
    return found && found.length === 1 ? found[0] : null
  }

  /** The last name of two words or more before `at`. */
  fullNameBefore(at: number): string | null {
    let lo = 0
    let hi = this.#fullNames.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.#fullNames[mid].at < at) lo = mid + 1
      else hi = mid
    }
    return this.#fullNames[lo - 1]?.name ?? null
  }

  addRole(role: string, at: number, speaker: Speaker): void {
    const list = this.#roles.get(role) ?? []
    list.push({ at, speaker })
    this.#roles.set(role, list)
  }

  /** The one person `role` named before `at`; null when none did, or several (`hakim`). */
  roleBefore(role: string, at: number): Speaker | null {
    const list = this.#roles.get(role.toLowerCase())
    if (!list) return null
    let found: Speaker | null = null
    for (const mention of list) {
      if (mention.at >= at) break
      if (found && !sameOrPart(found.name, mention.speaker.name)) return null
      if (!found || mention.speaker.name.length > found.name.length) found = mention.speaker
    }
    return found
  }

  /** How often the article names `name` as a person. */
  count(name: string): number {
    return this.#counts.get(name) ?? 0
  }

  /** Full names that contain `word`. */
  containing(word: string): readonly string[] {
    return this.#byWord.get(word) ?? []
  }
}

/** Shortest nickname taken as the start of a longer first name (`Bima`, not `Ari`). */
const NICKNAME_MIN = 4

function push(map: Map<string, string[]>, key: string, name: string): void {
  const list = map.get(key) ?? []
  if (list.length < 50 && !list.includes(name)) list.push(name)
  map.set(key, list)
}

/** Whether one name is the other or a part of it (`Bojan` and `Bojan Hodak`). */
function sameOrPart(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a]
  return ` ${long} `.includes(` ${short} `)
}
