import type { OutletRuleData } from '../outlet-rules'

/** iNews.id: where its pages keep the article, byline, title and date. */
const inews: OutletRuleData = {
  id: 'inews',
  name: 'iNews.id',
  hosts: ['inews.id'],
  siteNames: ['inews.id', 'inews'],
  body: ['.txt-detail', '#detail-desc'],
  drop: ['.baca-juga', '.ads'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*'],
  byline: {
    selectors: ['.author', '.reporter'],
    forms: ['^(?<name>.+)$']
  },
  titleDecorations: ['\\s+-?\\s*(?:Bagian \\d+\\s*)?iNews\\.?id$'],
  dateFormat: 'Senin, 12 Agustus 2024 - 14:30:00 WIB',
  publishers: ['iNews.id', 'MNC Media']
}

export default inews
