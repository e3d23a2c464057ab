import type { DocumentTerms } from './search-index'
import type { SearchDocument } from './documents'
import { termsOfWord, tokenize } from './terms'

/** The texts of a document's fields: title, body text, and its annotations together. */
export function fieldTexts(doc: SearchDocument): string[] {
  return [doc.title, doc.text, [doc.highlights, doc.notes, doc.speakers].filter(Boolean).join('\n')]
}

/** A text's index terms separated by spaces; a plain loop, since a full build runs it on every word. */
function termsOf(text: string): string {
  const terms: string[] = []
  for (const word of tokenize(text)) for (const term of termsOfWord(word)) terms.push(term)
  return terms.join(' ')
}

/** A document as the index receives it: each field as its index terms, in order. */
export function termsOfDocument(doc: SearchDocument, stamp: string): DocumentTerms {
  return { id: doc.id, stamp, fields: fieldTexts(doc).map(termsOf) }
}
