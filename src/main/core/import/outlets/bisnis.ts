import type { OutletRuleData } from '../outlet-rules'

/** Bisnis.com: where its pages keep the article, byline, title and date. */
const bisnis: OutletRuleData = {
  id: 'bisnis',
  name: 'Bisnis.com',
  hosts: ['bisnis.com'],
  siteNames: ['bisnis.com'],
  body: ['.detailsContent', '#detailsContent'],
  drop: ['.baca-juga', '.ads'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*'],
  byline: {
    selectors: ['.detailsAuthor', '.author'],
    forms: ['Penulis\\s*:\\s*(?<name>.+)', '^(?<name>.+)$']
  },
  titleDecorations: ['\\s+-\\s+(?:[\\w ]+ )?Bisnis\\.com$'],
  dateFormat: '12 Agustus 2024 | 14:30 WIB',
  publishers: ['Bisnis.com', 'Bisnis Indonesia']
}

export default bisnis
