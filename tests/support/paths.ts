import path from 'node:path'

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../..')
/** Real Indonesian articles (a copy of the project's shared corpus; see its SOURCES.md). */
export const CORPUS = path.join(ROOT, 'tests/fixtures/corpus')
/** The article Sorot was first specified from, with its aggregator junk. */
export const SEED = path.join(CORPUS, 'seed.txt')
