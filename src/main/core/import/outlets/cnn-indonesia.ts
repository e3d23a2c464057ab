import type { OutletRuleData } from '../outlet-rules'

/** CNN Indonesia: where its pages keep the article, byline, title and date. */
const cnnIndonesia: OutletRuleData = {
  id: 'cnn-indonesia',
  name: 'CNN Indonesia',
  hosts: ['cnnindonesia.com'],
  siteNames: ['cnn indonesia'],
  // (#detikdetailtext: the 2018 template's article text.)
  body: ['.detail-text', '.detail-wrap', '#detikdetailtext'],
  drop: ['.linksisip', '.parallax_ads', '.sisip_artikel', '.detail__media-caption', '.embed'],
  dropText: [
    '\\[Gambas:[^\\]]*\\]',
    'ADVERTISEMENT',
    'SCROLL TO (?:CONTINUE|RESUME) WITH CONTENT',
    'Baca (?:juga|pula)\\s*:?.*'
  ],
  byline: {
    selectors: ['.detail__author', '.author'],
    forms: ['^(?<name>.+?)\\s*\\|\\s*CNN Indonesia$']
  },
  titleDecorations: ['\\s*[-|]?\\s*CNN Indonesia$'],
  dateFormat: 'Senin, 12 Agu 2024 14:30 WIB',
  publishers: ['CNN Indonesia']
}

export default cnnIndonesia
