import type { OutletRuleData } from '../outlet-rules'

/** Okezone: where its pages keep the article, byline, title and date. */
const okezone: OutletRuleData = {
  id: 'okezone',
  name: 'Okezone',
  hosts: ['okezone.com'],
  siteNames: ['okezone', 'okezone.com'],
  body: ['#contentx', '.read'],
  drop: [
    '.detail-tag',
    '.newsrelated',
    '.baca-juga',
    '.box-gnews',
    '#rctiplus',
    '.img-caption',
    '.caption-img',
    '.detail-img',
    '.bacajuga',
    '.detads-bottom',
    '._popIn_feed_root',
    '#metube_div',
    '[id*="ScriptRootC"]'
  ],
  dropText: [
    'PR\\s*[（(][^）)]{1,20}[）)].*',
    '.{0,200}\\((?:Foto|Dok\\.?|Ilustrasi|Sumber|ANTARA|Istimewa)\\b[^)]{0,80}\\)',
    'Baca (?:juga|pula)\\s*:?.*',
    'Recommended by',
    '.{0,200}\\((?:Foto|Ilustrasi)\\s*:[^)]*\\)',
    'Follow Berita Okezone.*'
  ],
  byline: {
    selectors: ['.namerep', '.reporter', '.nmreporter'],
    forms: ['^(?<name>[^,]+?),\\s*Jurnalis', '^(?<name>.+)$']
  },
  titleDecorations: ['\\s*:+\\s*Okezone(?:\\s+\\w+)?$'],
  dateFormat: 'Kamis 09 Juli 2020 07:05 WIB',
  publishers: ['Okezone', 'MNC Media']
}

export default okezone
