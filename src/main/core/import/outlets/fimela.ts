import type { OutletRuleData } from '../outlet-rules'
import { KLY_PAGE } from '../outlet-templates'

/** Fimela.com: where its pages keep the article, byline, title and date. */
const fimela: OutletRuleData = {
  id: 'fimela',
  name: 'Fimela.com',
  hosts: ['fimela.com'],
  siteNames: ['fimela.com', 'fimela'],
  body: ['.article-content-body__item-content', '.article-content-body'],
  ...KLY_PAGE,
  titleDecorations: ['\\s+-\\s+(?:[\\w ]+ )?Fimela\\.com$'],
  dateFormat: '26 Jun 2020, 08:00 WIB',
  publishers: ['Fimela.com', 'KLY', 'Kapanlagi Youniverse']
}

export default fimela
