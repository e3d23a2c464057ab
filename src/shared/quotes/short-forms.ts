/** Short and long forms of one person's name within an article. */

import { NAME_PREFIXES } from './lexicon'
import type { NameBook } from './name-book'
import { isLexical, isRootWord, lower } from './name-words'

/**
 * `Fraksi Golkar Riswan Tony` when the article goes on with `kata Riswan`: where the article names
 * a person by a later word of a long run, and the words before it are ordinary words or stand on
 * their own elsewhere (`Pertamina`), they are a body or role glued to the name. Given names that
 * articles drop (`Muhammad`, `Tri Edhi Budhi Soesilo` as `Budhi`) stay, and so does a name whose
 * later word is shared with another full name.
 */
export function trimLeadingWords(book: NameBook, text: string): void {
  for (const name of [...book.names]) {
    const words = name.split(' ')
    if (words.length < 3) continue
    const apart = (word: string): boolean =>
      isLexical(word) || isRootWord(word) || occurrences(text, word) > occurrences(text, name)
    for (let i = 1; words.length - i >= 2; i++) {
      if (NAME_PREFIXES.has(lower(words[i - 1]))) break
      if (!book.names.has(words[i])) continue
      // `Eka` alone may be another `Eka …` the article names: then it shows nothing about this one.
      if (book.containing(words[i]).some((n) => n !== name && n !== words[i])) break
      if (words.slice(0, i).some(apart)) book.rename(name, words.slice(i).join(' '))
      break
    }
  }
}

/** How often `word` stands in `text` (bounded: only long names with a short form get here). */
function occurrences(text: string, word: string): number {
  let n = 0
  for (let at = text.indexOf(word); at >= 0 && n < 100; at = text.indexOf(word, at + 1)) n++
  return n
}

/** The fullest form of `name` in the book: `Putin` → `Vladimir Putin`, `Jokowi` → `Joko Widodo`. */
export function fullestName(name: string, book: NameBook): string {
  const alias = book.aliases.get(name)
  if (alias) return alias
  const parts = name.split(' ')
  if (parts.length === 1 && book.containing(name).every((n) => n === name))
    return book.byNickname(name) ?? name
  // `Eka` in `Then Surianto Eka Prasetyo` and `Eka Sapanca`: a short form opens or closes a
  // name more often than it sits inside one; then the longer form wins.
  let best = name
  let bestLength = parts.length
  let bestAtEdge = false
  for (const candidate of book.containing(parts[0])) {
    const words = candidate.split(' ')
    if (words.length <= parts.length || !containsRun(words, parts)) continue
    const atEdge =
      parts.every((p, j) => words[j] === p) ||
      parts.every((p, j) => words[words.length - parts.length + j] === p)
    if (bestAtEdge && !atEdge) continue
    if (atEdge === bestAtEdge && words.length <= bestLength) continue
    best = candidate
    bestLength = words.length
    bestAtEdge = atEdge
  }
  return best
}

function containsRun(words: string[], parts: string[]): boolean {
  for (let i = 0; i + parts.length <= words.length; i++)
    if (parts.every((p, j) => words[i + j] === p)) return true
  return false
}
