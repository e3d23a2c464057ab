import type { OutletRuleData } from '../outlet-rules'

/** VOA Indonesia: where its pages keep the article, byline, title and date. */
const voaIndonesia: OutletRuleData = {
  id: 'voa-indonesia',
  name: 'VOA Indonesia',
  hosts: ['voaindonesia.com'],
  siteNames: ['voa indonesia', 'voa'],
  body: ['#article-content .wsw', '.wsw'],
  drop: ['.media-block-wrap', '.also-read'],
  dropText: [],
  byline: {
    selectors: ['.links__item-link', '.authors'],
    forms: ['^(?<name>.+)$']
  },
  titleDecorations: ['\\s+[|-]?\\s*VOA Indonesia$'],
  dateFormat: 'Agustus 12, 2024 14:30 WIB',
  publishers: ['VOA Indonesia', 'VOA']
}

export default voaIndonesia
