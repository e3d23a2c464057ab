import { foldText, isStopWord, prefixCandidates, termsOfWord, tokenize } from './terms'

export interface QueryWord {
  /** Index terms any of which the word matches. */
  terms: string[]
  /** The word is still being typed: its terms match as prefixes. */
  prefix: boolean
}

export interface ParsedQuery {
  words: QueryWord[]
  /** Each `"quoted phrase"` as its folded words, to find in the text in that order. */
  phrases: string[][]
}

/**
 * Reads a search box: `"quoted phrases"` and words. Every word must match (its stem, or any
 * stem it starts when it is the last word and the reader has not typed a space after it yet).
 */
export function parseQuery(query: string): ParsedQuery {
  const phrases: string[][] = []
  const words: QueryWord[] = []
  const quoted = /"([^"]*)"/g
  const loose = query.replace(quoted, (_, phrase: string) => {
    const folded = tokenize(phrase).map(foldText)
    if (folded.length > 0) phrases.push(folded)
    for (const word of folded) {
      const terms = termsOfWord(word)
      if (terms.length > 0) words.push({ terms, prefix: false })
    }
    return ' '
  })
  // An unclosed quote while typing: its words count as plain words.
  const plain = tokenize(loose.replace(/"/g, ' '))
  const stillTyping = /[\p{L}\p{N}]$/u.test(query)
  plain.forEach((word, i) => {
    const last = i === plain.length - 1 && stillTyping
    if (last && !isStopWord(foldText(word))) {
      words.push({ terms: prefixCandidates(word), prefix: true })
      return
    }
    const terms = termsOfWord(word)
    if (terms.length > 0) words.push({ terms, prefix: false })
  })
  return { words, phrases }
}
