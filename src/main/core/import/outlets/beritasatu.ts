import type { OutletRuleData } from '../outlet-rules'

/** Beritasatu: where its pages keep the article, byline, title and date. */
const beritasatu: OutletRuleData = {
  id: 'beritasatu',
  name: 'Beritasatu',
  hosts: ['beritasatu.com'],
  siteNames: ['beritasatu.com', 'beritasatu'],
  body: ['.story', '.body-content'],
  drop: ['.tag', '.baca-juga', '.ads'],
  dropText: [
    '.{0,200}\\((?:Foto|Dok\\.?|Ilustrasi|Sumber|ANTARA|Istimewa)\\b[^)]{0,80}\\)',
    'TAG\\s*:?.*',
    'BACA JUGA.*',
    'Sumber\\s*:.*'
  ],
  byline: {
    selectors: ['p.editor', '.editor'],
    forms: ['Oleh\\s*:\\s*(?<name>[^/|]+?)\\s*(?:/.*)?$']
  },
  titleDecorations: ['\\s+\\|\\s+Beritasatu(?:\\.com)?$'],
  dateFormat: 'Jumat, 9 Oktober 2020 | 14:01 WIB',
  publishers: ['BeritaSatu.com', 'Beritasatu']
}

export default beritasatu
