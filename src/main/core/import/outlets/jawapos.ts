import type { OutletRuleData } from '../outlet-rules'

/** Jawa Pos: where its pages keep the article, byline, title and date. */
const jawapos: OutletRuleData = {
  id: 'jawapos',
  name: 'Jawa Pos',
  hosts: ['jawapos.com'],
  siteNames: ['jawapos.com', 'jawa pos'],
  body: ['.read__content', '.content'],
  drop: ['.baca-juga', '.related', '.ads'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*'],
  byline: {
    selectors: ['.read__info__author', '.author'],
    forms: ['^(?<name>.+)$']
  },
  titleDecorations: ['\\s+-\\s+Jawa ?Pos(?:\\.com)?$'],
  dateFormat: '12 Agustus 2024, 14:30 WIB',
  publishers: ['JawaPos.com', 'Jawa Pos']
}

export default jawapos
