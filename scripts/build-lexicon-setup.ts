/** Vitest global setup: builds the quote detector's lexicon before any test imports it. */
import { buildLexicon } from './build-lexicon'

export default function setup(): void {
  buildLexicon()
}
