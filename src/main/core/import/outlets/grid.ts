import type { OutletRuleData } from '../outlet-rules'

/** Grid.ID: where its pages keep the article, byline, title and date. */
const grid: OutletRuleData = {
  id: 'grid',
  name: 'Grid.ID',
  hosts: ['grid.id'],
  siteNames: ['grid.id'],
  body: ['.read__article', '.read__right'],
  drop: ['.read__also', '.ads'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*'],
  byline: {
    selectors: ['.read__author', '.author'],
    forms: ['^(?:Penulis\\s*:?\\s*)?(?<name>.+)$']
  },
  titleDecorations: ['\\s+-\\s+(?:[\\w ]+\\.)?Grid\\.ID$'],
  dateFormat: 'Senin, 12 Agustus 2024 | 14:30 WIB',
  publishers: ['Grid.ID', 'Gramedia']
}

export default grid
