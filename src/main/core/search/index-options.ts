// How query words are matched against the index (service.ts).

/** Query words still being typed match indexed terms they start, at most this many each. */
export const PREFIX_EXPANSIONS = 50

/** Prefix matching on very short stems would match half the vocabulary. */
export const PREFIX_MIN = 3

/** A prefix expansion counts less than the word itself, and less the more it adds. */
export function prefixWeight(typed: string, term: string): number {
  return term === typed ? 1 : 0.375 * (typed.length / term.length)
}
