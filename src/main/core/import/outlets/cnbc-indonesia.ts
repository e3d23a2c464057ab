import type { OutletRuleData } from '../outlet-rules'

/** CNBC Indonesia: where its pages keep the article, byline, title and date. */
const cnbcIndonesia: OutletRuleData = {
  id: 'cnbc-indonesia',
  name: 'CNBC Indonesia',
  hosts: ['cnbcindonesia.com'],
  siteNames: ['cnbc indonesia'],
  body: ['.detail_text', '.detail-text'],
  drop: ['.linksisip', '.sisip_artikel', '.parallax_ads'],
  dropText: [
    '\\[Gambas:[^\\]]*\\]',
    'ADVERTISEMENT',
    'SCROLL TO (?:CONTINUE|RESUME) WITH CONTENT',
    'Baca (?:juga|pula)\\s*:?.*'
  ],
  byline: {
    selectors: ['.author', '.detail__author'],
    forms: ['^(?<name>.+?)(?:\\s*,\\s*CNBC Indonesia)?$']
  },
  titleDecorations: ['\\s*[-|]?\\s*CNBC Indonesia$'],
  dateFormat: '12 August 2024 14:30',
  publishers: ['CNBC Indonesia']
}

export default cnbcIndonesia
