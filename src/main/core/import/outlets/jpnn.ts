import type { OutletRuleData } from '../outlet-rules'

/** JPNN.com: where its pages keep the article, byline, title and date. */
const jpnn: OutletRuleData = {
  id: 'jpnn',
  name: 'JPNN.com',
  hosts: ['jpnn.com'],
  siteNames: ['jpnn.com', 'jpnn'],
  body: ['.content-scroll > .page-content', '.page-content'],
  drop: [
    '.waktu',
    '.video-jpnn',
    '.baca-juga',
    '.terkait',
    '.tag',
    '.tags',
    '.crosscontent',
    '.relative.text-center',
    '.creator-medsos',
    '.shareit',
    '#disqus_thread'
  ],
  dropText: [
    '.{0,200}\\((?:Foto|Dok\\.?|Ilustrasi|Sumber|ANTARA|Istimewa)\\b[^)]{0,80}\\)',
    'Yuk, Simak Juga Video ini!',
    'Baca (?:juga|pula)\\s*:?.*',
    'Redaktur.*Reporter\\s*:.*'
  ],
  byline: {
    selectors: ['p.waktu', '.page-content .waktu'],
    forms: ['Reporter\\s*:\\s*(?<name>[^|]+?)\\s*$']
  },
  titleDecorations: ['\\s+-\\s+.*JPNN\\.com$'],
  dateFormat: 'Minggu, 18 Juli 2021 – 14:30 WIB',
  publishers: ['JPNN.com']
}

export default jpnn
