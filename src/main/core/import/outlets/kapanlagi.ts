import type { OutletRuleData } from '../outlet-rules'

/** KapanLagi.com: where its pages keep the article, byline, title and date. */
const kapanlagi: OutletRuleData = {
  id: 'kapanlagi',
  name: 'KapanLagi.com',
  hosts: ['kapanlagi.com'],
  siteNames: ['kapanlagi.com', 'kapanlagi'],
  body: ['.detail .infinite .detail-paragraph', '.body-paragraph', '.entertainment-detail-news'],
  drop: ['.baca-juga', '.related', '.ads', '.sharing'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*', '\\(kpl/[^)]*\\)'],
  byline: {
    selectors: ['.reporter', '.author'],
    forms: ['^(?<name>.+)$']
  },
  titleDecorations: [
    '^Kapanlagi\\.com:\\s*[\\w ]+?\\s+-\\s+',
    '\\s+\\|\\s+(?:Today )?Kapanlagi\\.com$'
  ],
  dates: ['.detail .time', '.read-page--header--author__datetime', 'time'],
  dateFormat: '4 April 2022 10:00',
  publishers: ['KapanLagi.com', 'KLY']
}

export default kapanlagi
