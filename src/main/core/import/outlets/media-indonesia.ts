import type { OutletRuleData } from '../outlet-rules'

/** Media Indonesia: where its pages keep the article, byline, title and date. */
const mediaIndonesia: OutletRuleData = {
  id: 'media-indonesia',
  name: 'Media Indonesia',
  hosts: ['mediaindonesia.com'],
  siteNames: ['media indonesia', 'mediaindonesia.com'],
  body: ['.article', 'article .article'],
  drop: ['.baca-juga', '.ads', '.related'],
  dropText: [
    'Cek berita dan artikel.*',
    '.{0,40}ikuti WhatsApp channel.*',
    '.{0,200}\\((?:Foto|Dok\\.?|Ilustrasi|Sumber|ANTARA|Istimewa)\\b[^)]{0,80}\\)',
    'Baca (?:juga|pula)\\s*:?.*'
  ],
  byline: {
    selectors: ['.author-2', '.info .author'],
    forms: ['^(?<name>.+)$']
  },
  titleDecorations: ['\\s+-\\s+Media Indonesia$'],
  dateFormat: '20/1/2026 14:30',
  publishers: ['Media Indonesia', 'mediaindonesia.com developer', 'mediaindonesia.com']
}

export default mediaIndonesia
