import type { OutletRuleData } from '../outlet-rules'

/** Gelora News: where its pages keep the article, byline, title and date. */
const gelora: OutletRuleData = {
  id: 'gelora',
  name: 'Gelora News',
  hosts: ['gelora.co'],
  siteNames: ['gelora news', 'gelora.co'],
  body: ['#adsense-target', '.post-body .isinya', '.post-body'],
  drop: ['.baca-juga', '.related-post'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*'],
  byline: {
    selectors: [],
    forms: []
  },
  titleDecorations: ['\\s+-\\s+Gelora News$'],
  dateFormat: 'Jumat, 09 Oktober 2020',
  publishers: ['Gelora News', '@geloranews']
}

export default gelora
