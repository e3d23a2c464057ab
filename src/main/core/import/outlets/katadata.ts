import type { OutletRuleData } from '../outlet-rules'

/** Katadata: where its pages keep the article, byline, title and date. */
const katadata: OutletRuleData = {
  id: 'katadata',
  name: 'Katadata',
  hosts: ['katadata.co.id'],
  siteNames: ['katadata', 'katadata.co.id'],
  body: ['.detail-body', '.textArticle'],
  drop: ['.baca-juga', '.ads'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*'],
  byline: {
    selectors: ['.detail-author', '.author'],
    forms: ['^(?:Penulis\\s*:?\\s*)?(?<name>.+)$']
  },
  titleDecorations: ['\\s+-\\s+Katadata(?:\\.co\\.id)?$'],
  dateFormat: '12 Agustus 2024, 14.30',
  publishers: ['Katadata', 'Katadata.co.id']
}

export default katadata
