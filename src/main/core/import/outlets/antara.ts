import type { OutletRuleData } from '../outlet-rules'

/** ANTARA News: where its pages keep the article, byline, title and date. */
const antara: OutletRuleData = {
  id: 'antara',
  name: 'ANTARA News',
  hosts: ['antaranews.com'],
  siteNames: ['antara news', 'antaranews.com'],
  body: ['.post-content', '.wrap__article-detail-content'],
  drop: ['.baca-juga', '.quote_old', '.text-muted', '.tags-wrapper'],
  dropText: ['Pewarta\\s*:.*', 'Editor\\s*:.*', 'Copyright ©.*', 'Baca (?:juga|pula)\\s*:?.*'],
  byline: {
    selectors: ['p.text-muted', '.text-muted.mt-2'],
    forms: ['Pewarta\\s*:\\s*(?<name>[^|]+?)(?:\\s*Editor\\s*:.*)?$']
  },
  titleDecorations: ['\\s+-\\s+ANTARA News(?: [\\w ]+)?$'],
  dateFormat: 'Senin, 12 Agustus 2024 14:30 WIB',
  publishers: ['ANTARA', 'Perum LKBN ANTARA']
}

export default antara
