/** Small helpers over sorted lists that the index's queries and vocabulary use. */

/** The `limit` highest scores, highest first (newer documents first among equals). */
export function best(scores: ReadonlyMap<number, number>, limit: number): Array<[number, number]> {
  const top: Array<[number, number]> = []
  const better = (a: [number, number], b: [number, number]): boolean =>
    a[1] > b[1] || (a[1] === b[1] && a[0] > b[0])
  for (const entry of scores) {
    if (top.length === limit && !better(entry, top[limit - 1])) continue
    let at = top.length < limit ? top.length : limit - 1
    top[at] = entry
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
