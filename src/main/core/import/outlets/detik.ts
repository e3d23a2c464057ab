import type { OutletRuleData } from '../outlet-rules'

/** detikcom: where its pages keep the article, byline, title and date. */
const detik: OutletRuleData = {
  id: 'detik',
  name: 'detikcom',
  hosts: ['detik.com'],
  siteNames: ['detikcom', 'detiknews', 'detikhealth', 'detikfinance', 'detiksport', 'detikinet'],
  body: ['.detail__body-text', '.itp_bodycontent', '#detikdetailtext'],
  drop: [
    '.parallaxindetail',
    '.detail__body-tag',
    '.linksisip',
    'table.linksisip',
    '.staticdetail_container',
    '.sisip_embed_sosmed',
    '.para_caption',
    '.detail__media-caption',
    '.nav',
    '.lihat-juga'
  ],
  dropText: [
    '\\[Gambas:[^\\]]*\\]',
    'ADVERTISEMENT',
    'SCROLL TO (?:CONTINUE|RESUME) WITH CONTENT',
    'Simak (?:juga )?Video.*',
    'Baca (?:juga|pula)\\s*:?.*'
  ],
  byline: {
    selectors: ['.detail__author', '.author'],
    forms: ['^(?<name>[^-|]+?)\\s+-\\s+detik\\w*$']
  },
  titleDecorations: ['\\s+[-|]\\s+detik\\w*$'],
  dateFormat: 'Kamis, 02 Nov 2023 10:30 WIB',
  publishers: ['detikcom', 'PT Trans Digital Media']
}

export default detik
