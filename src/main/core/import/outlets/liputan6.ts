import type { OutletRuleData } from '../outlet-rules'

/** Liputan6.com: where its pages keep the article, byline, title and date. */
const liputan6: OutletRuleData = {
  id: 'liputan6',
  name: 'Liputan6.com',
  hosts: ['liputan6.com'],
  siteNames: ['liputan6.com', 'liputan6'],
  body: [
    '.detail .infinite .detail-paragraph',
    '.article-content-body__item-content',
    '.article-content-body'
  ],
  drop: [
    '.baca-juga',
    '.baca-juga-collections',
    '.article-content-body__item-title',
    '.advertisement-text',
    '.promo',
    '.article-content-body__item-media',
    '.article-content-body__item-page',
    '.read-page--related-article',
    '.article-content-body__item-break'
  ],
  dropText: [
    '\\d+ dari \\d+ halaman',
    '#\\w+',
    'Infografis',
    'Baca (?:juga|pula)\\s*:?.*',
    'Advertisement',
    'Lanjutkan Membaca.*',
    'Simak Video.*',
    '\\(\\*\\)'
  ],
  byline: {
    selectors: [
      '.read-page--header--author__name',
      '.article-header__author-link',
      '.read-page--header--author__link'
    ],
    forms: ['^(?:Penulis\\s*:?\\s*)?(?<name>.+?)$']
  },
  titleDecorations: [
    '\\s+-\\s+(?:[\\w ]+ )?Liputan6\\.com$',
    '\\s+\\|\\s+(?:Today )?Liputan6\\.com$'
  ],
  dates: ['.detail .time', '.read-page--header--author__datetime', 'time'],
  dateFormat: '26 Jun 2020, 08:00 WIB',
  publishers: ['Liputan6.com', 'KLY', 'Kapanlagi Youniverse']
}

export default liputan6
