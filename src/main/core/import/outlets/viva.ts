import type { OutletRuleData } from '../outlet-rules'

/** VIVA: where its pages keep the article, byline, title and date. */
const viva: OutletRuleData = {
  id: 'viva',
  name: 'VIVA',
  hosts: ['viva.co.id'],
  siteNames: ['viva', 'viva.co.id'],
  body: ['.main-content-detail', '.article-detail-body'],
  drop: ['.baca-juga', '.related', '.ads'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*'],
  byline: {
    selectors: ['.article-detail-author', '.author'],
    forms: ['^(?<name>.+)$']
  },
  titleDecorations: ['\\s+-\\s+VIVA$'],
  dateFormat: 'Senin, 12 Agustus 2024 - 14:30 WIB',
  publishers: ['PT. VIVA MEDIA BARU', 'VIVA.co.id', 'VIVA']
}

export default viva
