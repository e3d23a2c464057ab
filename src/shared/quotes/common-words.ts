/**
 * Whether a capitalised word is an ordinary Indonesian word ("Menurutnya", "Pertanyaan",
 * "Orang") rather than a name, from the hunspell-id root words (generated/common-words.ts, built
 * by scripts/build-lexicon.ts) and a light affix stripper.
 */
import { COMMON_WORDS } from './generated/common-words'

let roots: Set<string> | null = null

const isRoot = (word: string): boolean => {
  roots ??= new Set(COMMON_WORDS.split(' '))
  return roots.has(word)
}

/** Particles and possessives, stripped first: siapapun, menurutnya, bukankah. */
const PARTICLES = /(?:nya|pun)$/
/** -lah and -kah only after a long root: bukankah, but not the names Nabilah or Abdullah. */
const SHORT_PARTICLES = /(?<=[a-z]{5})(?:lah|kah)$/
const SUFFIXES = /(?:kan|an)$/

/** Roots a meN-/peN- form can come from: menurut → turut, pemerintah → perintah. */
function nasalRoots(rest: string): string[] {
  const found = [rest]
  if (rest.startsWith('ny')) found.push('s' + rest.slice(2))
  else if (rest.startsWith('ng')) found.push(rest.slice(2), 'k' + rest.slice(2))
  else if (rest.startsWith('m')) found.push(rest.slice(1), 'p' + rest.slice(1))
  else if (rest.startsWith('n')) found.push(rest.slice(1), 't' + rest.slice(1))
  return found
}

/** Candidate roots once a prefix is taken off; di-, per- and se- only with a suffix. */
function prefixRoots(word: string, suffixed: boolean): string[] {
  const found: string[] = []
  const take = (prefix: string): string | null =>
    word.startsWith(prefix) ? word.slice(prefix.length) : null
  for (const prefix of ['me', 'pe']) {
    const rest = take(prefix)
    if (rest) found.push(...nasalRoots(rest))
  }
  for (const prefix of ['ber', 'ter', 'be', 'ke']) {
    const rest = take(prefix)
    if (rest) found.push(rest)
  }
  if (suffixed)
    for (const prefix of ['di', 'per', 'se', 'memper', 'diper']) {
      const rest = take(prefix)
      if (rest) found.push(rest)
    }
  return found
}

/**
 * `root` for a word of the lexicon as it stands, `derived` for an affixed form of one, null for
 * anything else (a name, a foreign word). Derived roots must have four letters or more, so that
 * names like "Teresa" (ter-esa) are not taken apart.
 */
export function commonWordKind(word: string): 'root' | 'derived' | null {
  const known = seen.get(word)
  if (known !== undefined) return known
  const kind = kindOf(word.toLowerCase())
  // Articles repeat their words; the cache is dropped whole past a plausible vocabulary.
  if (seen.size > 50_000) seen.clear()
  seen.set(word, kind)
  return kind
}

const seen = new Map<string, 'root' | 'derived' | null>()

function kindOf(key: string): 'root' | 'derived' | null {
  if (!/^[a-z-]+$/.test(key)) return null
  if (isRoot(key)) return 'root'
  const bare = key.replace(PARTICLES, '').replace(SHORT_PARTICLES, '')
  if (bare !== key && bare.length >= 3 && isRoot(bare)) return 'derived'
  const stems = [{ stem: bare, suffixed: false }]
  const unsuffixed = bare.replace(SUFFIXES, '')
  if (unsuffixed !== bare) stems.push({ stem: unsuffixed, suffixed: true })
  for (const { stem, suffixed } of stems) {
    if (suffixed && stem.length >= 4 && isRoot(stem)) return 'derived'
    for (const root of prefixRoots(stem, suffixed))
      if (root.length >= 4 && isRoot(root)) return 'derived'
  }
  return null
}

/** Whether a word is an ordinary Indonesian word, as it stands or affixed. */
export function isCommonWord(word: string): boolean {
  return commonWordKind(word) !== null
}
