import type { OutletRuleData } from '../outlet-rules'

/** merdeka.com: where its pages keep the article, byline, title and date. */
const merdeka: OutletRuleData = {
  id: 'merdeka',
  name: 'merdeka.com',
  hosts: ['merdeka.com'],
  siteNames: ['merdeka.com', 'merdeka'],
  body: [
    // A paginated article's further pages (.paging-content, hidden until paged) are its text.
    '.mdk-body-paragraph > p, .mdk-body-paragraph > h2, .mdk-body-paragraph > ul, .mdk-body-paragraph > ol',
    '.mdk-body-paragraph',
    '.article-content-body__item-content'
  ],
  drop: [
    '.mdk-body-related',
    '.mdk-related',
    '.box-related',
    '.mdk-tag',
    '.mdk-body-ads',
    '.related-box',
    '.baca-juga'
  ],
  dropText: ['Baca (?:juga|pula)\\s*:?.*', '\\[[a-z]{2,4}\\]'],
  byline: {
    selectors: ['.mdk-date-reporter span', '.article-header__author-link', '.reporter'],
    forms: ['Reporter\\s*:\\s*(?<name>.+?)$']
  },
  titleDecorations: ['\\s+\\|\\s+merdeka\\.com$'],
  dateFormat: 'Jumat, 18 Juni 2021 13:05',
  publishers: ['merdeka.com', 'KLY']
}

export default merdeka
