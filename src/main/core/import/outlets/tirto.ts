import type { OutletRuleData } from '../outlet-rules'

/** Tirto.id: where its pages keep the article, byline, title and date. */
const tirto: OutletRuleData = {
  id: 'tirto',
  name: 'Tirto.id',
  hosts: ['tirto.id'],
  siteNames: ['tirto.id', 'tirto'],
  body: ['.content-text-editor'],
  drop: ['.baca-juga', '.ads'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*', 'Baca juga artikel terkait.*'],
  byline: {
    selectors: ['.reporter-grid', '.penulis'],
    forms: ['Penulis\\s*:\\s*(?<name>.+)', '^(?<name>.+)$']
  },
  titleDecorations: ['\\s+-\\s+Tirto\\.ID$'],
  dateFormat: '12 Agustus 2024 14:30 WIB',
  publishers: ['Tirto.id']
}

export default tirto
