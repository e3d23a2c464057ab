import type { OutletRuleData } from '../outlet-rules'
import { KLY_PAGE } from '../outlet-templates'

/** Otosia.com (KLY's motoring site): where its pages keep the article, byline, title and date. */
const otosia: OutletRuleData = {
  id: 'otosia',
  name: 'Otosia.com',
  hosts: ['otosia.com'],
  siteNames: ['otosia.com', 'otosia', 'staging.otosia.com'],
  body: ['.article-content-body__item-content', '.article-raw-content', '.article-content-body'],
  ...KLY_PAGE,
  titleDecorations: ['\\s+-\\s+(?:[\\w ]+ )?(?:Staging\\.)?Otosia\\.com$'],
  dates: ['.read-page--header--author__datetime', '.article-header__modified-time', 'time'],
  dateFormat: '08 Mar 2022, 07:30 WIB',
  publishers: ['Otosia.com', 'KLY', 'Kapanlagi Youniverse']
}

export default otosia
