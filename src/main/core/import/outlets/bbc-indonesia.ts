import type { OutletRuleData } from '../outlet-rules'

/** BBC News Indonesia: where its pages keep the article, byline, title and date. */
const bbcIndonesia: OutletRuleData = {
  id: 'bbc-indonesia',
  name: 'BBC News Indonesia',
  hosts: ['bbc.com', 'bbc.co.uk'],
  siteNames: ['bbc news indonesia'],
  body: ['main [dir="ltr"]', 'main'],
  drop: ['[data-e2e="related-content"]', 'aside'],
  dropText: [],
  byline: {
    selectors: ['[data-e2e="byline"]'],
    forms: ['^(?:Oleh\\s+)?(?<name>.+?)(?:\\s*-\\s*BBC.*)?$']
  },
  titleDecorations: ['\\s+-\\s+BBC News Indonesia$'],
  dateFormat: '12 Agustus 2024',
  publishers: ['BBC News Indonesia', 'BBC']
}

export default bbcIndonesia
