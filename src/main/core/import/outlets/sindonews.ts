import type { OutletRuleData } from '../outlet-rules'

/** SINDOnews: where its pages keep the article, byline, title and date. */
const sindonews: OutletRuleData = {
  id: 'sindonews',
  name: 'SINDOnews',
  hosts: ['sindonews.com'],
  siteNames: ['sindonews', 'sindonews.com'],
  // (.article #content: the 2018 template's article text.)
  body: ['#detail-desc', '.detail-desc', '.detail-page .article #content'],
  drop: ['.baca-juga', '.related', '.ads'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*', '\\([a-z]{2,4}\\)'],
  byline: {
    selectors: ['.detail-nama-redaksi', '.reporter'],
    forms: ['^(?<name>.+)$']
  },
  titleDecorations: ['\\s+-?\\s*SINDOnews(?:\\.com)?$'],
  dateFormat: 'Senin, 12 Agustus 2024 - 14:30 WIB',
  publishers: ['SINDOnews', 'MNC Media']
}

export default sindonews
