/** How the quote evaluation compares speakers and names the class of each error (issue 15). */
import { isCommonWord } from '../src/shared/quotes/common-words'
import { ORGANISATION_WORDS, ROLE_WORDS, TITLES } from '../src/shared/quotes/lexicon'
import type { Quotation } from '../src/shared/quotes'

export interface Label {
  quote: string
  speaker: string | null
  kind: Quotation['kind']
  /** How the article attributes it (quotes-real only): same-sentence, pronoun, none, …. */
  attribution?: string
}

export type ErrorClass =
  | 'common-word-as-name'
  | 'institution-word'
  | 'glued-phrase'
  | 'role-kept'
  | 'no-speaker-neighbour-paragraph'
  | 'pronoun/reference'
  | 'mismatched-marks'
  | 'guessed-instead-of-null'
  | 'missed-quotation'
  | 'other'

const isRole = (word: string): boolean => TITLES.has(word) || ROLE_WORDS.has(word)

/** Lower case, no diacritics, no title or role words: `Presiden Jokowi` and `jokowi` agree. */
export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[\s.,]+/)
    .filter((w) => w !== '' && !isRole(w))
    .join(' ')
}

/** Exact after folding; the labels give no alias pairs, so `Jokowi` ≠ `Joko Widodo` here. */
export function sameSpeaker(said: string | null, label: string | null): boolean {
  if (said === null || label === null) return said === label
  return foldName(said) === foldName(label)
}

const OPENERS = '"“”‘’\'«„'

/** Whether the marks around a labelled quotation in the text are of different kinds. */
function mismatchedMarks(label: Label, text: string): boolean {
  const at = text.indexOf(label.quote)
  if (at <= 0) return false
  const open = text[at - 1]
  const close = text[at + label.quote.length] ?? ''
  if (!OPENERS.includes(open) || !OPENERS.includes(close)) return false
  const pairs = ['""', '“”', "''", '‘’', '«»', '„“']
  return !pairs.includes(open + close)
}

/** The class of a wrong or missing answer, from the label's attribution and the name given. */
export function errorClass(label: Label, found: Quotation | undefined, text: string): ErrorClass {
  if (!found) return mismatchedMarks(label, text) ? 'mismatched-marks' : 'missed-quotation'
  const said = found.speaker
  if (said !== null && label.speaker === null) {
    if (label.attribution === 'none') return 'guessed-instead-of-null'
  }
  if (said === null) {
    if (label.attribution === 'pronoun' || label.attribution === 'role-reference')
      return 'pronoun/reference'
    return 'no-speaker-neighbour-paragraph'
  }
  const words = said.toLowerCase().split(/\s+/)
  const wanted = label.speaker ? foldName(label.speaker) : ''
  if (wanted !== '' && said.toLowerCase().includes(wanted)) {
    return words.some(isRole) ? 'role-kept' : 'glued-phrase'
  }
  if (words.some((w) => ORGANISATION_WORDS.has(w)) && words.length <= 2) return 'institution-word'
  if (words.every((w) => isCommonWord(w))) return 'common-word-as-name'
  if (label.speaker === null) return 'guessed-instead-of-null'
  if (label.attribution === 'pronoun' || label.attribution === 'role-reference')
    return 'pronoun/reference'
  if (label.attribution === 'neighbour-paragraph' || label.attribution === 'previous-sentence')
    return 'no-speaker-neighbour-paragraph'
  return 'other'
}
