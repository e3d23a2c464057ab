import type { OutletRuleData } from '../outlet-rules'

/** Fimela.com: where its pages keep the article, byline, title and date. */
const fimela: OutletRuleData = {
  id: 'fimela',
  name: 'Fimela.com',
  hosts: ['fimela.com'],
  siteNames: ['fimela.com', 'fimela'],
  body: ['.article-content-body__item-content', '.article-content-body'],
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
  titleDecorations: ['\\s+-\\s+(?:[\\w ]+ )?Fimela\\.com$'],
  dateFormat: '26 Jun 2020, 08:00 WIB',
  publishers: ['Fimela.com', 'KLY', 'Kapanlagi Youniverse']
}

export default fimela
