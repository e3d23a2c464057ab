import type { OutletRuleData } from '../outlet-rules'

/** BeritaManado.com: where its pages keep the article, byline, title and date. */
const beritamanado: OutletRuleData = {
  id: 'beritamanado',
  name: 'BeritaManado.com',
  hosts: ['beritamanado.com'],
  siteNames: ['beritamanado.com'],
  body: ['.content-inner'],
  drop: [
    '.jeg_share_button',
    '.jeg_post_tags',
    '.jeg_ad',
    '.jnews_inline_related_post',
    '.awac-wrapper',
    '.wpp-list'
  ],
  dropText: ['Loading…?', 'Butuh VPN\\?.*', 'Baca (?:juga|pula)\\s*:?.*'],
  byline: {
    selectors: ['.jeg_meta_author a'],
    forms: ['^(?:by\\s+)?(?<name>.+)$']
  },
  titleDecorations: ['\\s+-\\s+BeritaManado\\.com.*$'],
  dateFormat: '9 Oktober 2020',
  publishers: ['BeritaManado.com', 'PT BMCOM']
}

export default beritamanado
