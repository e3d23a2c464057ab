import type { OutletRuleData } from '../outlet-rules'

/** Suara.com: where its pages keep the article, byline, title and date. */
const suara: OutletRuleData = {
  id: 'suara',
  name: 'Suara.com',
  hosts: ['suara.com'],
  siteNames: ['suara.com', 'suara'],
  body: ['.detail--content', 'article.detail-content', '.content-article'],
  drop: ['.baca-juga', '.related', '.ads'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*', 'Scroll to continue.*'],
  byline: {
    selectors: ['.detail--author', '.writer'],
    forms: ['Penulis\\s*:\\s*(?<name>.+)', '^(?<name>.+)$']
  },
  titleDecorations: ['\\s+-\\s+Suara\\.com$'],
  dateFormat: 'Senin, 12 Agustus 2024 | 14:30 WIB',
  publishers: ['Suara.com', 'PT Arkadia Media Nusantara']
}

export default suara
