import type { OutletRuleData } from '../outlet-rules'

/** IDN Times: where its pages keep the article, byline, title and date. */
const idnTimes: OutletRuleData = {
  id: 'idn-times',
  name: 'IDN Times',
  hosts: ['idntimes.com'],
  siteNames: ['idn times'],
  body: ['#article-content', '.article-page'],
  drop: ['.read-also', '.baca-juga', '.ads'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*'],
  byline: {
    selectors: ['.author-name', '.writer'],
    forms: ['^(?<name>.+)$']
  },
  titleDecorations: ['\\s+\\|\\s+IDN Times$'],
  dateFormat: '12 Agustus 2024 | 14:30 WIB',
  publishers: ['IDN Times', 'IDN Media']
}

export default idnTimes
