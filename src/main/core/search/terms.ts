import { stemWord } from './stemmer'

/**
 * Words and index terms of Indonesian text. A word is a run of letters and digits, possibly
 * joined by hyphens or apostrophes (anak-anak, sayur-mayur, Covid-19, Jum'at). Terms are
 * case- and diacritic-free stems, so every form of a word finds every other.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’‑][\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu

/** Words too common to find anything by; dropped from the index and from queries. */
const STOP_WORDS = new Set(
  (
    'yang dan di ke dari itu ini dengan untuk pada dalam adalah akan tidak juga atau oleh ' +
    'ada sudah telah bahwa karena sebagai para serta namun tetapi saat kami kita mereka ia ' +
    'dia saya anda pun lah kah nya bagi agar maka jika bila hingga sampai masih lebih ' +
    'the of and to in a is for on'
  ).split(' ')
)

const NEEDS_DECOMPOSITION = /[^\t-\r -\u00bf\u2000-\u206f\u20a0-\u20bf]/

/** Lower case without diacritics (NFD, combining marks removed): "Kafé" → "kafe". */
export function foldText(text: string): string {
  // Most Indonesian text is ASCII with typographic punctuation (’ “ — …), none of which
  // decomposes: only other characters need the costly NFD pass.
  if (!NEEDS_DECOMPOSITION.test(text)) return text.toLowerCase()
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
}

export interface WordAt {
  /** The word as folded (lower case, no marks). */
  folded: string
  start: number
  end: number
}

/**
 * Calls `visit` with each word of `text` (folded) and its offsets, in order, until it returns
 * false: a snippet needs the words up to its first match and a little after, not all of them.
 */
export function forEachWord(
  text: string,
  visit: (folded: string, start: number, end: number) => boolean | void
): void {
  const words = new RegExp(WORD.source, WORD.flags)
  for (let match = words.exec(text); match; match = words.exec(text))
    if (visit(foldText(match[0]), match.index, match.index + match[0].length) === false) return
}

/** The raw words of `text`; termsOfWord turns each into index terms. */
export function tokenize(text: string): string[] {
  return text.match(WORD) ?? []
}

/**
 * The index terms of one word. Reduplication gives one term for a repeated word (anak-anak,
 * anak2 → anak) and a term per part for a rhyming pair (sayur-mayur → sayur, mayur); each part
 * is stemmed (perdagangan, berdagang → dagang). Stop words give none.
 */
export function termsOfWord(word: string): string[] {
  const cached = termCache.get(word)
  if (cached) return cached
  const terms = computeTerms(word)
  if (termCache.size >= TERM_CACHE_LIMIT) termCache.clear()
  termCache.set(word, terms)
  return terms
}

/** A library repeats its words endlessly: each written form is turned into terms once. */
const termCache = new Map<string, string[]>()
const TERM_CACHE_LIMIT = 400_000

function computeTerms(word: string): string[] {
  const folded = foldText(word).replace(/['’]/g, '')
  const informal = /^(\p{L}{2,})2$/u.exec(folded)
  const parts = informal ? [informal[1]] : folded.split(/[-‑]/)
  const terms: string[] = []
  for (const part of parts) {
    if (!part || STOP_WORDS.has(part)) continue
    const stem = stemWord(part)
    if (!terms.includes(stem)) terms.push(stem)
  }
  return terms
}

/** True when a folded word is a stop word (a query of only these finds nothing). */
export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded)
}

/**
 * Stems a partial word may be the start of, for prefix matching while the reader types:
 * "perdag" is no word the stemmer knows, but without its prefix "dag" starts "dagang". The
 * nasal prefixes also put back the letter they swallowed (menul → tul, memuk → puk).
 */
const PREFIXES: Array<[string, string[]]> = [
  ['memper', ['']],
  ['diper', ['']],
  ['meng', ['', 'k']],
  ['meny', ['s']],
  ['mem', ['', 'p']],
  ['men', ['', 't']],
  ['me', ['']],
  ['peng', ['', 'k']],
  ['peny', ['s']],
  ['pem', ['', 'p']],
  ['pen', ['', 't']],
  ['per', ['']],
  ['pe', ['']],
  ['ber', ['']],
  ['be', ['']],
  ['ter', ['']],
  ['di', ['']],
  ['ke', ['']],
  ['se', ['']]
]

/** The prefixes a typed partial word may match: itself, its stem and itself without a prefix. */
export function prefixCandidates(word: string): string[] {
  const folded = foldText(word).replace(/['’]/g, '')
  const candidates = new Set<string>([folded])
  for (const term of termsOfWord(folded)) candidates.add(term)
  for (const [prefix, restores] of PREFIXES) {
    if (!folded.startsWith(prefix)) continue
    const rest = folded.slice(prefix.length)
    if (rest.length < 3) continue
    for (const restore of restores) candidates.add(restore + rest)
  }
  return [...candidates].filter((c) => c.length >= 2)
}
