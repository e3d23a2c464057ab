import { Stemmer } from 'sastrawijs'

/**
 * The Indonesian stemmer (sastrawijs, MIT, a port of Sastrawi: dictionary-based removal of
 * meN-, ber-, di-, ter-, pe(N)-, ke-…-an, per-…-an, -kan, -i, -an, -nya, -lah, -kah, -pun).
 * Stemming one word costs about 10 µs and a library repeats its words endlessly, so every stem
 * is cached; the cache is dropped whole when it grows past a library's plausible vocabulary.
 */
const CACHE_LIMIT = 300_000

let stemmer: Stemmer | null = null
const cache = new Map<string, string>()

/** The stem of a lower-case word without marks; short words and numbers are kept as they are. */
export function stemWord(word: string): string {
  const cached = cache.get(word)
  if (cached !== undefined) return cached
  let stem = word
  if (word.length > 3 && !/\d/.test(word)) {
    stemmer ??= new Stemmer()
    stem = stemmer.stem(word) || word
  }
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(word, stem)
  return stem
}
