import type { OutletRuleData } from '../outlet-rules'

/** kumparan: where its pages keep the article, byline, title and date. */
const kumparan: OutletRuleData = {
  id: 'kumparan',
  name: 'kumparan',
  hosts: ['kumparan.com'],
  siteNames: ['kumparan'],
  body: ['[data-qa-id="story-content"]', '.story-content'],
  drop: ['[data-qa-id="related-stories"]', '.ad'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*'],
  byline: {
    selectors: ['[data-qa-id="author-name"]', '[data-qa-id="editor-name"]'],
    forms: ['^(?<name>.+)$']
  },
  titleDecorations: ['\\s+\\|\\s+kumparan\\.com$'],
  dateFormat: '12 Agustus 2024 14:30 WIB',
  publishers: ['kumparan', 'kumparanNEWS']
}

export default kumparan
