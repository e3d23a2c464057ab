/** Small helpers over sorted lists that the index's queries and vocabulary use. */

/**
 * The `limit` candidates of highest score, highest first (the higher number, a newer
 * document, first among equals).
 */
export function bestOf(
  candidates: Int32Array,
  count: number,
  scores: Float64Array,
  limit: number
): number[] {
  const top: number[] = []
  const better = (a: number, b: number): boolean =>
    scores[a] > scores[b] || (scores[a] === scores[b] && a > b)
  for (let i = 0; i < count; i++) {
    const doc = candidates[i]
    if (top.length === limit && !better(doc, top[limit - 1])) continue
    let at = top.length < limit ? top.length : limit - 1
    top[at] = doc
    while (at > 0 && better(top[at], top[at - 1])) {
      ;[top[at], top[at - 1]] = [top[at - 1], top[at]]
      at -= 1
    }
  }
  return top
}

/** The first index in sorted `terms` whose term is ≥ `value`. */
export function lowerBound(terms: readonly string[], value: string): number {
  let lo = 0
  let hi = terms.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (terms[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}
