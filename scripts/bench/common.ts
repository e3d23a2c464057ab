/** What bench.ts and its sections share: declared apart, so sections never import bench.ts. */

export interface Figure {
  /** The figure's name in `--json` (issue 9's keys, e.g. highlightP95Ms10k). */
  key?: string
  name: string
  value: number
  unit: string
  /** The target from the issue, and whether more or less is better. */
  target: number
  better: 'higher' | 'lower'
  pass?: boolean
}

/** What every section is given besides its own temp dir. */
export interface BenchContext {
  /** The library size the figures are measured at. */
  size: number
  /** A data dir of `size` generated articles this section may change (a cheap clone). */
  library(dir: string): string
}

export type Section = (workDir: string, context: BenchContext) => Promise<Figure[]>
