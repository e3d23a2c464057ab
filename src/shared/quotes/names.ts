/** Names in a phrase: titles and roles stripped, the fullest form the article uses. */

import { CONNECTIVES, GROUP_WORDS, ORGANISATION_WORDS, PLACES, TITLES } from './lexicon'

/** Someone or something quoted: a person, or an organisation or country. */
export interface Speaker {
  name: string
  person: boolean
}

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u
const INITIAL = /^\p{Lu}\.$/u
const ACRONYM = /^[\p{Lu}\p{N}-]{2,}$/u
const ROMAN = /^[IVXLC]+$/

const lower = (word: string): string => word.toLowerCase().replace(/[.,]$/, '')

/** Whether a word is a lexicon word (title, organisation, place or connective). */
function isLexical(word: string): boolean {
  const key = lower(word)
  return TITLES.has(key) || ORGANISATION_WORDS.has(key) || PLACES.has(key) || CONNECTIVES.has(key)
}

/** A word that can be part of a person's name. */
function isNameWord(word: string): boolean {
  if (INITIAL.test(word)) return true
  if (!CAPITALISED.test(word) || ACRONYM.test(word) || ROMAN.test(word)) return false
  return !isLexical(word)
}

/** Words of a phrase; a parenthesised part becomes a '|' so names never run across it. */
function wordsOf(phrase: string): string[] {
  return phrase
    .replace(/\([^)]*\)/g, ' | ')
    .split(/\s+/)
    .map((w) => w.replace(/^[“”"'‘’]+|[“”"'‘’,;:]+$/g, ''))
    .filter((w) => w !== '')
}

/**
 * The speaker a noun phrase names: `Presiden Rusia Vladimir Putin` → Vladimir Putin,
 * `Kementerian Luar Negeri Meksiko` → that ministry, `Kelompok Hamas Palestina` → Hamas.
 */
export function nameFromPhrase(phrase: string): Speaker | null {
  const words = wordsOf(phrase)
  const trailing: string[] = []
  for (let i = words.length - 1; i >= 0 && isNameWord(words[i]); i--) trailing.unshift(words[i])
  // A person's name is short; longer runs are an unknown organisation or place before it.
  while (trailing.length > 3) trailing.shift()
  while (trailing.length > 0 && INITIAL.test(trailing[0])) trailing.shift()
  const first = words[0] ? lower(words[0]) : ''
  if (trailing.length > 0 && !(GROUP_WORDS.has(first) && words.length > trailing.length + 1)) {
    const organisation = words.length > trailing.length && ORGANISATION_WORDS.has(first)
    return { name: trailing.join(' '), person: !organisation }
  }
  return organisationFrom(words)
}

/** An organisation, country or single-word name: the first capitalised run of the phrase. */
function organisationFrom(words: string[]): Speaker | null {
  const from = words.findIndex((w) => /^\p{Lu}/u.test(w) && !CONNECTIVES.has(lower(w)))
  if (from < 0) return null
  let kept: string[] = []
  for (const word of words.slice(from)) {
    if (!/^[\p{Lu}\p{N}]/u.test(word)) break
    kept.push(word)
  }
  let grouped = false
  // `Kelompok Hamas Palestina`: the group is its own name, without the generic word or country.
  if (kept.length > 1 && GROUP_WORDS.has(lower(kept[0]))) {
    grouped = true
    kept = kept.slice(1)
    while (kept.length > 1 && PLACES.has(lower(kept[kept.length - 1]))) kept.pop()
  }
  while (kept.length > 1 && TITLES.has(lower(kept[0])) && !ORGANISATION_WORDS.has(lower(kept[0])))
    kept = kept.slice(1)
  if (kept.length === 0) return null
  const person = !grouped && kept.every((w) => isNameWord(w))
  return { name: kept.join(' '), person }
}

/** Names the article uses, for expanding a short mention, and aliases: `Joko Widodo (Jokowi)`. */
export interface NameBook {
  names: string[]
  aliases: Map<string, string>
}

// Capitalised words in a row; only a one-letter initial (`W.`) may carry a full stop.
const NAME_RUN =
  /(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’-]*)(?:[ \u00a0]+(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’-]*))*/gu

/** Reads every capitalised run of `text` into a book of full names and aliases. */
export function collectNames(text: string): NameBook {
  const names = new Set<string>()
  const aliases = new Map<string, string>()
  for (const match of text.matchAll(NAME_RUN)) {
    const found = nameFromPhrase(match[0])
    if (!found?.person) continue
    names.add(found.name)
    const alias = text.slice(match.index + match[0].length).match(/^\s*\((\p{Lu}[\p{L}-]+)\)/u)
    if (alias && !ACRONYM.test(alias[1]) && found.name.includes(' '))
      aliases.set(alias[1], found.name)
  }
  return { names: [...names], aliases }
}

/** The fullest form of `name` in the book: `Putin` → `Vladimir Putin`, `Jokowi` → `Joko Widodo`. */
export function fullestName(name: string, book: NameBook): string {
  const alias = book.aliases.get(name)
  if (alias) return alias
  const parts = name.split(' ')
  let best = name
  for (const candidate of book.names) {
    const words = candidate.split(' ')
    if (words.length <= best.split(' ').length) continue
    if (containsRun(words, parts)) best = candidate
  }
  return best
}

function containsRun(words: string[], parts: string[]): boolean {
  for (let i = 0; i + parts.length <= words.length; i++)
    if (parts.every((p, j) => words[i + j] === p)) return true
  return false
}
