import type { OutletRuleData } from '../outlet-rules'

/** Tempo.co: where its pages keep the article, byline, title and date. */
const tempo: OutletRuleData = {
  id: 'tempo',
  name: 'Tempo.co',
  hosts: ['tempo.co'],
  siteNames: ['tempo.co', 'tempo'],
  body: ['#isi', '.detail-konten', '.detail-in'],
  drop: ['.bacajuga', '.box-related', '.tag'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*', 'Pilihan Editor\\s*:.*'],
  byline: {
    selectors: ['.reporter', '.detail-author', '.title-editor'],
    forms: ['Reporter\\s*:?\\s*(?<name>.+)', '^(?<name>.+)$']
  },
  titleDecorations: ['\\s+-\\s+(?:[\\w ]+ )?Tempo\\.co$'],
  dateFormat: 'Senin, 12 Agustus 2024 14:30 WIB',
  publishers: ['Tempo.co', 'PT Tempo Inti Media']
}

export default tempo
