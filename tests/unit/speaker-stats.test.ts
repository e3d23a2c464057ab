import { describe, expect, it } from 'vitest'
import { outletsOf, quotesByMonth, topSpeakers } from '../../src/shared/speaker-stats'
import type { SpeakerSummary } from '../../src/shared/model'

const speaker = (name: string, perArticle: SpeakerSummary['perArticle']): SpeakerSummary => ({
  name,
  aliases: [],
  quotes: perArticle.reduce((sum, a) => sum + a.quotes, 0),
  articles: perArticle.length,
  perArticle
})

const JOKOWI = speaker('Joko Widodo', [
  { articleId: 'a', outlet: 'Kompas', publishedAt: '2025-01-15', quotes: 3 },
  { articleId: 'b', outlet: 'Tempo', publishedAt: '2025-03-20T08:00:00+07:00', quotes: 2 },
  { articleId: 'c', outlet: null, publishedAt: null, quotes: 4 }
])
const PUTIN = speaker('Vladimir Putin', [
  { articleId: 'd', outlet: 'Antara', publishedAt: '2025-02-10', quotes: 2 }
])
const ALL = { outlet: null, from: '', to: '' }

describe('speaker charts data', () => {
  it('counts quotations per month of publication, with the empty months between and the undated apart', () => {
    expect(quotesByMonth(JOKOWI, ALL)).toEqual({
      months: [
        { month: '2025-01', quotes: 3 },
        { month: '2025-02', quotes: 0 },
        { month: '2025-03', quotes: 2 }
      ],
      undated: 4
    })
  })

  it('counts per year over a span of many years', () => {
    const long = speaker('X', [
      { articleId: 'a', outlet: null, publishedAt: '2018-07-13', quotes: 1 },
      { articleId: 'b', outlet: null, publishedAt: '2021-01-02', quotes: 2 }
    ])
    expect(quotesByMonth(long, ALL).months).toEqual([
      { month: '2018', quotes: 1 },
      { month: '2019', quotes: 0 },
      { month: '2020', quotes: 0 },
      { month: '2021', quotes: 2 }
    ])
  })

  it('ranks the most quoted under an outlet or a date range (undated articles drop out of a range)', () => {
    expect(topSpeakers([PUTIN, JOKOWI], ALL, 10)).toEqual([
      { name: 'Joko Widodo', quotes: 9, articles: 3 },
      { name: 'Vladimir Putin', quotes: 2, articles: 1 }
    ])
    expect(topSpeakers([PUTIN, JOKOWI], { ...ALL, outlet: 'Antara' }, 10)).toEqual([
      { name: 'Vladimir Putin', quotes: 2, articles: 1 }
    ])
    expect(
      topSpeakers([PUTIN, JOKOWI], { ...ALL, from: '2025-02-01', to: '2025-03-31' }, 10)
    ).toEqual([
      { name: 'Joko Widodo', quotes: 2, articles: 1 },
      { name: 'Vladimir Putin', quotes: 2, articles: 1 }
    ])
    expect(topSpeakers([PUTIN, JOKOWI], ALL, 1)).toHaveLength(1)
    expect(outletsOf([PUTIN, JOKOWI])).toEqual(['Antara', 'Kompas', 'Tempo'])
  })
})
