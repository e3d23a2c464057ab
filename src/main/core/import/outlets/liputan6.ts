import type { OutletRuleData } from '../outlet-rules'
import { KLY_PAGE } from '../outlet-templates'

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
  ...KLY_PAGE,
  titleDecorations: [
    '\\s+-\\s+(?:[\\w ]+ )?Liputan6\\.com$',
    '\\s+\\|\\s+(?:Today )?Liputan6\\.com$'
  ],
  dates: ['.detail .time', '.read-page--header--author__datetime', 'time'],
  dateFormat: '26 Jun 2020, 08:00 WIB',
  publishers: ['Liputan6.com', 'KLY', 'Kapanlagi Youniverse']
}

export default liputan6
