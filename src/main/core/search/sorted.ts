/** Small helpers over sorted lists that the index's queries and vocabulary use. */

/**
 * The `limit` candidates of highest score, highest first (the higher number, a newer
 * document, first among equals). A heap of the best so far, its worst on top: candidates come
 * in ascending numbers, so equal scores keep displacing it (100,000 candidates for a word).
 */
export function bestOf(
  candidates: Int32Array,
  count: number,
  scores: Float64Array,
  limit: number
): number[] {
  const better = (a: number, b: number): boolean =>
    scores[a] > scores[b] || (scores[a] === scores[b] && a > b)
  const heap: number[] = []
  const sink = (from: number): void => {
    let at = from
    for (;;) {
      const left = 2 * at + 1
      let worst = at
      if (left < heap.length && better(heap[worst], heap[left])) worst = left
      if (left + 1 < heap.length && better(heap[worst], heap[left + 1])) worst = left + 1
      if (worst === at) return
      ;[heap[at], heap[worst]] = [heap[worst], heap[at]]
      at = worst
    }
  }
  for (let i = 0; i < count; i++) {
    const doc = candidates[i]
    if (heap.length < limit) {
      heap.push(doc)
      for (let at = heap.length - 1; at > 0;) {
        const parent = (at - 1) >> 1
        if (!better(heap[parent], heap[at])) break
        ;[heap[at], heap[parent]] = [heap[parent], heap[at]]
        at = parent
      }
    } else if (better(doc, heap[0])) {
      heap[0] = doc
      sink(0)
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0))
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
