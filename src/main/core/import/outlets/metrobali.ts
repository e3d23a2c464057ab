import type { OutletRuleData } from '../outlet-rules'

/** Metro Bali: where its pages keep the article, byline, title and date. */
const metrobali: OutletRuleData = {
  id: 'metrobali',
  name: 'Metro Bali',
  hosts: ['metrobali.com'],
  siteNames: ['metro bali', 'metrobali.com'],
  body: ['.entry-content-inner'],
  drop: ['.post-navigation', '.nav-links', '.sharedaddy', '.jp-relatedposts', '.code-block'],
  dropText: [
    '.{0,200}\\((?:Foto|Dok\\.?|Ilustrasi|Sumber|ANTARA|Istimewa)\\b[^)]{0,80}\\)',
    'Preview post',
    'Next post'
  ],
  byline: {
    selectors: [],
    forms: []
  },
  titleDecorations: ['\\s+\\|\\s+metrobali\\.com$'],
  dateFormat: 'October 9, 2020',
  publishers: ['Metro Bali', 'metrobali.com']
}

export default metrobali
