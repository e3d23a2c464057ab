/** Single words read for names: a name's word, a lexicon word, an ordinary root word. */

import { commonWordKind } from './common-words'
import { CONNECTIVES, ORGANISATION_WORDS, PLACES, TITLES } from './lexicon'

// `AntÃ³nio`: a letter mis-decoded as two (UTF-8 read as Latin-1) stays inside its word.
const CAPITALISED = /^\p{Lu}(?:Ã[\u0080-\u00bf]|[\p{L}\p{M}'’.-])*$/u
export const INITIAL = /^\p{Lu}\.$/u
export const ACRONYM = /^[\p{Lu}\p{N}-]{2,}$/u
const ROMAN = /^[IVXLC]+$/

export const lower = (word: string): string => word.toLowerCase().replace(/[.,]$/, '')

/** Whether a word is a lexicon word (title, organisation, place or connective). */
export function isLexical(word: string): boolean {
  const key = lower(word)
  return TITLES.has(key) || ORGANISATION_WORDS.has(key) || PLACES.has(key) || CONNECTIVES.has(key)
}

/** A word that can be part of a person's name; an affixed ordinary word never is. */
export function isNameWord(word: string): boolean {
  let known = nameWords.get(word)
  if (known === undefined) {
    if (nameWords.size > 50_000) nameWords.clear()
    known = readNameWord(word)
    nameWords.set(word, known)
  }
  return known
}

const nameWords = new Map<string, boolean>()

function readNameWord(word: string): boolean {
  if (INITIAL.test(word)) return true
  if (!CAPITALISED.test(word) || ACRONYM.test(word) || ROMAN.test(word)) return false
  return !isLexical(word) && commonWordKind(word) !== 'derived'
}

export const isRootWord = (word: string): boolean => commonWordKind(word) === 'root'
