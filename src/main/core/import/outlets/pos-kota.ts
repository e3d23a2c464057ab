import type { OutletRuleData } from '../outlet-rules'

/** Pos Kota (poskotanews.com): where its pages keep the article, title and date. */
const posKota: OutletRuleData = {
  id: 'pos-kota',
  name: 'Pos Kota',
  hosts: ['poskotanews.com', 'poskota.co.id'],
  siteNames: ['poskota news', 'poskota', 'pos kota'],
  body: ['.single-content'],
  drop: ['.single-image', '.single-related', '.sharer', '.yarpp-related'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*'],
  // The page names its writer only by the code that closes the article ("(wandi/win)").
  byline: { selectors: [], forms: [] },
  titleDecorations: ['\\s+-\\s+Poskota News$'],
  dates: ['.single-title h5'],
  dateFormat: 'Selasa, 1 Mei 2018 — 19:38 WIB',
  publishers: ['Poskota News', 'Pos Kota']
}

export default posKota
