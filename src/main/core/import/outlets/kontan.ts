import type { OutletRuleData } from '../outlet-rules'

/** Kontan: where its pages keep the article, byline, title and date. */
const kontan: OutletRuleData = {
  id: 'kontan',
  name: 'Kontan',
  hosts: ['kontan.co.id'],
  siteNames: ['kontan', 'kontan.co.id'],
  body: ['.tmpt-desk-kon', '.ctn'],
  drop: ['.baca-juga', '.ads'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*', 'Cek Berita dan Artikel.*'],
  byline: {
    selectors: ['.fs14.ff-opensans.font-gray', '.author'],
    forms: ['Reporter\\s*:\\s*(?<name>[^|]+?)\\s*(?:\\|.*)?$']
  },
  titleDecorations: ['\\s+-\\s+Kontan(?:\\.co\\.id)?$'],
  dateFormat: 'Senin, 12 Agustus 2024 / 14:30 WIB',
  publishers: ['Kontan', 'KONTAN']
}

export default kontan
