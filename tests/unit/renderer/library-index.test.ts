import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/model'
import {
  filterArticles,
  NO_FILTERS,
  sortArticles,
  type LibraryFilters,
  type SortKey
} from '@renderer/features/library/library-filters'
import { LibraryIndex } from '@renderer/features/library/library-index'

const OUTLETS = ['Kompas', 'Tempo', 'Antara', null]
const TAGS = ['ekonomi', 'jakarta', 'banjir']
const day = (n: number): string => new Date(Date.UTC(2024, 0, 1 + n)).toISOString()

const summary = fc.record({
  outlet: fc.constantFrom(...OUTLETS),
  title: fc.constantFrom('Banjir', 'anggaran', 'Cuaca', 'Ékonomi', 'banjir'),
  published: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  imported: fc.integer({ min: 0, max: 60 }),
  language: fc.constantFrom('id', 'en'),
  progress: fc.option(fc.constantFrom(0, 0.3, 0.96, 1), { nil: undefined }),
  tags: fc.subarray(TAGS),
  counts: fc.record({
    highlights: fc.integer({ min: 0, max: 2 }),
    notes: fc.integer({ min: 0, max: 2 }),
    quotes: fc.integer({ min: 0, max: 2 })
  })
})

type Row = typeof summary extends fc.Arbitrary<infer T> ? T : never

const toArticles = (rows: Row[]): ArticleSummary[] =>
  rows.map((row, i): ArticleSummary => ({
    id: `a${i}`,
    title: row.title,
    outlet: row.outlet,
    publishedAt: row.published === null ? null : day(row.published),
    language: row.language,
    wordCount: 100,
    importedAt: day(row.imported),
    ...(row.progress === undefined ? {} : { readingProgress: row.progress }),
    tags: row.tags,
    counts: row.counts
  }))

const filters: fc.Arbitrary<LibraryFilters> = fc.record({
  outlet: fc.constantFrom('', 'Kompas', 'Tempo', 'Antara', 'Tidak Ada'),
  tag: fc.constantFrom('', ...TAGS),
  language: fc.constantFrom('', 'id', 'en'),
  reading: fc.constantFrom('' as const, 'unread' as const, 'reading' as const, 'finished' as const),
  has: fc.subarray(['highlights', 'notes', 'quotes'] as const).map((has) => [...has]),
  from: fc
    .option(fc.integer({ min: 0, max: 60 }), { nil: null })
    .map((n) => (n === null ? '' : day(n).slice(0, 10))),
  to: fc
    .option(fc.integer({ min: 0, max: 60 }), { nil: null })
    .map((n) => (n === null ? '' : day(n).slice(0, 10)))
})

describe('LibraryIndex', () => {
  it('answers every filter and order exactly as a pass over the whole list does', () => {
    fc.assert(
      fc.property(
        fc.array(summary, { maxLength: 80 }),
        fc.array(filters, { minLength: 1, maxLength: 5 }),
        fc.constantFrom<SortKey>('published', 'imported', 'title', 'outlet'),
        (rows, queries, sort) => {
          const articles = toArticles(rows)
          const index = new LibraryIndex(articles)
          for (const query of queries) {
            const expected = sortArticles(filterArticles(articles, query), sort, 'id')
            expect(index.query(query, sort, 'id').map((a) => a.id)).toEqual(
              expected.map((a) => a.id)
            )
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  it('reads only the articles an outlet filter can match, not the whole library', () => {
    const articles = Array.from({ length: 10_000 }, (_, i) => ({
      id: `a${i}`,
      title: `Berita ${i}`,
      outlet: i % 5000 === 7 ? 'Langka' : 'Kompas',
      publishedAt: day(i % 60),
      language: 'id',
      wordCount: 100,
      importedAt: day(i % 60)
    }))
    let reads = 0
    const watched = articles.map(
      (meta) =>
        new Proxy(meta, {
          get: (target, key) => {
            reads += 1
            return target[key as keyof typeof target]
          }
        })
    )
    const index = new LibraryIndex(watched)
    index.query(NO_FILTERS, 'title', 'id') // the order is computed once, before counting
    reads = 0
    const found = index.query({ ...NO_FILTERS, outlet: 'Langka' }, 'title', 'id')
    expect(found.map((a) => a.id)).toEqual(['a7', 'a5007']) // numeric title order
    // Two candidates checked field by field: dozens of reads, where a pass reads 10,000 outlets.
    expect(reads).toBeLessThan(100)
  })

  it('counts the articles of each outlet, tag, language and reading state', () => {
    const articles = toArticles([
      {
        outlet: 'Kompas',
        title: 'Banjir',
        published: 1,
        imported: 1,
        language: 'id',
        progress: 1,
        tags: ['banjir'],
        counts: { highlights: 0, notes: 0, quotes: 0 }
      },
      {
        outlet: 'Kompas',
        title: 'Cuaca',
        published: null,
        imported: 2,
        language: 'en',
        progress: undefined,
        tags: [],
        counts: { highlights: 1, notes: 0, quotes: 0 }
      },
      {
        outlet: null,
        title: 'anggaran',
        published: 3,
        imported: 3,
        language: 'id',
        progress: 0.3,
        tags: ['banjir', 'jakarta'],
        counts: { highlights: 0, notes: 0, quotes: 0 }
      }
    ])
    const index = new LibraryIndex(articles)
    expect([...index.counts('outlet')]).toEqual([['Kompas', 2]])
    expect(Object.fromEntries(index.counts('tag'))).toEqual({ banjir: 2, jakarta: 1 })
    expect(Object.fromEntries(index.counts('language'))).toEqual({ id: 2, en: 1 })
    expect(Object.fromEntries(index.counts('reading'))).toEqual({
      finished: 1,
      unread: 1,
      reading: 1
    })
  })
})
