import type { OutletRuleData } from './outlet-rules'

/**
 * The article page that KLY (Kapanlagi Youniverse) outlets share, Liputan6.com and Fimela.com:
 * the same furniture and byline, so a change to the template is made once.
 */
export const KLY_PAGE: Pick<OutletRuleData, 'drop' | 'dropText' | 'byline'> = {
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
  }
}
