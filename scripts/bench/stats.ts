/** The p-th percentile of some measurements (nearest rank; they need not be sorted). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

export const median = (values: readonly number[]): number => percentile(values, 50)

/** `value` rounded to `digits` decimals, as the figures are reported. */
export const round = (value: number, digits = 2): number => {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}
