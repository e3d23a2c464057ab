import type { OutletRuleData } from '../outlet-rules'

/** Pikiran Rakyat: where its pages keep the article, byline, title and date. */
const pikiranRakyat: OutletRuleData = {
  id: 'pikiran-rakyat',
  name: 'Pikiran Rakyat',
  hosts: ['pikiran-rakyat.com', 'zonajakarta.com'],
  siteNames: ['pikiran rakyat', 'pikiran-rakyat.com', 'zona jakarta'],
  body: ['article.read__content', '.read__content'],
  drop: ['.read__paging', '.read__tagging', '.paging', '.tag', '.read__also', '.baca-juga'],
  dropText: ['Halaman\\s*:?.*', 'Tags', 'Terkini', 'Baca (?:juga|pula)\\s*:?.*'],
  byline: {
    selectors: ['.read__info__author a', '.read__info__author'],
    forms: ['^(?:Penulis\\s*:?\\s*)?(?<name>.+)$']
  },
  titleDecorations: ['\\s+-\\s+(?:Pikiran Rakyat(?:\\.com)?|Zona Jakarta)$'],
  dateFormat: '7 Oktober 2020, 14:30 WIB',
  publishers: ['Pikiran Rakyat', 'PRMN', 'Zona Jakarta']
}

export default pikiranRakyat
