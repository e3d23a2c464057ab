import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '@shared/model'
import {
  choicesOf,
  filterArticles,
  hasFilters,
  NO_FILTERS,
  readingStateOf,
  sortArticles
} from '@renderer/features/library/library-filters'

/** A library of four articles, as the core lists them (newest import first). */
const library: ArticleSummary[] = [
  {
    id: 'harga-beras',
    title: 'Harga beras naik di pasar induk',
    outlet: 'Kompas',
    publishedAt: '2024-03-02T08:00:00.000Z',
    language: 'id',
    wordCount: 640,
    importedAt: '2024-03-05T10:00:00.000Z',
    readingProgress: 0.5,
    tags: ['ekonomi'],
    counts: { highlights: 2, notes: 0, quotes: 1 }
  },
  {
    id: 'banjir-jakarta',
    title: 'banjir melanda Jakarta Utara',
    outlet: 'Tempo',
    publishedAt: null,
    language: 'id',
    wordCount: 410,
    importedAt: '2024-03-04T09:00:00.000Z',
    tags: ['lingkungan', 'jakarta'],
    counts: { highlights: 0, notes: 1, quotes: 0 }
  },
  {
    id: 'election-brief',
    title: 'Election brief',
    outlet: null,
    publishedAt: '2024-02-20T12:00:00.000Z',
    language: 'en',
    wordCount: 220,
    importedAt: '2024-03-03T09:00:00.000Z',
    readingProgress: 1
  },
  {
    id: 'anggaran-daerah',
    title: 'Anggaran daerah disahkan',
    outlet: 'Kompas',
    publishedAt: '2024-02-28T07:00:00.000Z',
    language: 'id',
    wordCount: 900,
    importedAt: '2024-03-01T09:00:00.000Z',
    readingProgress: 0.96,
    tags: ['ekonomi'],
    counts: { highlights: 1, notes: 2, quotes: 3 }
  }
]

const ids = (articles: readonly ArticleSummary[]): string[] => articles.map((a) => a.id)

describe('library filters', () => {
  it('shows every article when no filter is set', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false)
    expect(ids(filterArticles(library, NO_FILTERS))).toEqual(ids(library))
  })

  it('keeps only the articles of the chosen outlet and tag', () => {
    const filters = { ...NO_FILTERS, outlet: 'Kompas', tag: 'ekonomi' }
    expect(hasFilters(filters)).toBe(true)
    expect(ids(filterArticles(library, filters))).toEqual(['harga-beras', 'anggaran-daerah'])
    expect(ids(filterArticles(library, { ...NO_FILTERS, tag: 'jakarta' }))).toEqual([
      'banjir-jakarta'
    ])
  })

  it('tells unread, reading and finished apart by how far the reader scrolled', () => {
    expect(library.map(readingStateOf)).toEqual(['reading', 'unread', 'finished', 'finished'])
    const reading = filterArticles(library, { ...NO_FILTERS, reading: 'unread' })
    expect(ids(reading)).toEqual(['banjir-jakarta'])
  })

  it('asks for every kind of annotation ticked, and none on an article without counts', () => {
    const both = filterArticles(library, { ...NO_FILTERS, has: ['notes', 'quotes'] })
    expect(ids(both)).toEqual(['anggaran-daerah'])
    const highlighted = filterArticles(library, { ...NO_FILTERS, has: ['highlights'] })
    expect(ids(highlighted)).toEqual(['harga-beras', 'anggaran-daerah'])
  })

  it('files an article without a publication date under its import date, both ends inclusive', () => {
    const march = filterArticles(library, { ...NO_FILTERS, from: '2024-03-01', to: '2024-03-04' })
    expect(ids(march)).toEqual(['harga-beras', 'banjir-jakarta'])
    const february = filterArticles(library, { ...NO_FILTERS, to: '2024-02-28' })
    expect(ids(february)).toEqual(['election-brief', 'anggaran-daerah'])
  })

  it('filters by language', () => {
    expect(ids(filterArticles(library, { ...NO_FILTERS, language: 'en' }))).toEqual([
      'election-brief'
    ])
  })
})

describe('library order', () => {
  it('puts the newest publication first and undated articles last', () => {
    expect(ids(sortArticles(library, 'published', 'id'))).toEqual([
      'harga-beras',
      'anggaran-daerah',
      'election-brief',
      'banjir-jakarta'
    ])
  })

  it('sorts titles alphabetically whatever their case', () => {
    expect(sortArticles(library, 'title', 'id').map((a) => a.title)).toEqual([
      'Anggaran daerah disahkan',
      'banjir melanda Jakarta Utara',
      'Election brief',
      'Harga beras naik di pasar induk'
    ])
  })

  it('groups by outlet with the articles of no outlet last, each outlet by title', () => {
    expect(ids(sortArticles(library, 'outlet', 'id'))).toEqual([
      'anggaran-daerah',
      'harga-beras',
      'banjir-jakarta',
      'election-brief'
    ])
  })

  it('leaves the list it was given as it was', () => {
    const before = ids(library)
    sortArticles(library, 'title', 'en')
    expect(ids(library)).toEqual(before)
  })
})

describe('filter choices', () => {
  it('offers each outlet and tag once, sorted, without empty values', () => {
    expect(choicesOf(library, (a) => a.outlet)).toEqual(['Kompas', 'Tempo'])
    expect(choicesOf(library, (a) => a.tags ?? [])).toEqual(['ekonomi', 'jakarta', 'lingkungan'])
  })
})
