import type { OutletRuleData } from '../outlet-rules'

/** Kompas.com: where its pages keep the article, byline, title and date. */
const kompas: OutletRuleData = {
  id: 'kompas',
  name: 'Kompas.com',
  hosts: ['kompas.com'],
  siteNames: ['kompas.com', 'kompas'],
  body: ['.read__content'],
  drop: [
    '.ads-on-body',
    '.kompasidRec',
    '.inner-link-baca-juga',
    '.read__related',
    '.ads-partner-wrap',
    '.video-wrap'
  ],
  dropText: [
    'Baca (?:juga|pula)\\s*:?.*',
    'Simak breaking news.*',
    'Dapatkan update berita.*',
    'Download aplikasi.*'
  ],
  byline: {
    selectors: ['.credit-title-name h6', '.credit-author-name', '.read__credit__item'],
    forms: ['^(?:Penulis\\s*:?\\s*)?(?<name>[^|]+?)\\s*,?$']
  },
  titleDecorations: ['\\s+-\\s+Kompas\\.com$', '\\s+Halaman all$'],
  dateFormat: '02/11/2023, 10:30 WIB',
  publishers: ['Kompas Cyber Media', 'PT. Kompas Cyber Media', 'KOMPAS.com']
}

export default kompas
