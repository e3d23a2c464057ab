import type { OutletRuleData } from '../outlet-rules'

/** Tribunnews.com: where its pages keep the article, byline, title and date. */
const tribun: OutletRuleData = {
  id: 'tribun',
  name: 'Tribunnews.com',
  hosts: ['tribunnews.com'],
  siteNames: ['tribunnews.com', 'tribun'],
  body: ['.side-article.txt-article', '.txt-article', '#article_con'],
  drop: ['.baca-juga', '.ads', '.bxcolumn', '.tribun-video', '#related-article', '.related'],
  dropText: [
    'Baca(?: juga)?\\s*:.*',
    'Artikel ini telah tayang di.*',
    'Simak berita.*',
    'Dapatkan informasi.*'
  ],
  byline: {
    selectors: ['#penulis', '.penulis', '#editor'],
    forms: ['Penulis\\s*:\\s*(?<name>.+)']
  },
  titleDecorations: ['\\s+-\\s+Tribun[\\w.]*(?:\\.com)?$', '\\s+-\\s+Halaman all$'],
  dateFormat: 'Senin, 4 Mei 2020 11:21 WIB',
  publishers: ['Tribunnews.com', 'Tribun Network']
}

export default tribun
