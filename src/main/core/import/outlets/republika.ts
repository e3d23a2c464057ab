import type { OutletRuleData } from '../outlet-rules'

/** Republika: where its pages keep the article, byline, title and date. */
const republika: OutletRuleData = {
  id: 'republika',
  name: 'Republika',
  hosts: ['republika.co.id', 'republika.id'],
  siteNames: ['republika online', 'republika'],
  body: ['.article-content', '.artikel'],
  drop: ['.baca-juga', '.picked-article', '.ads'],
  dropText: ['Baca (?:juga|pula)\\s*:?.*', 'Advertisement'],
  // "Rep:" names the reporter, "Red:" the editor (never an author); 2018 pages name the
  // reporter (or an agency) only in the closing "Sumber : …" line.
  byline: {
    selectors: ['.date-detail-author', '.wrap-list-author', '.by', '.sumber'],
    forms: ['Rep\\s*:\\s*(?<name>.+?)(?:\\s*Red\\s*:.*)?$', '^Sumber\\s*:\\s*(?<name>.+)$']
  },
  titleDecorations: ['\\s+\\|\\s+Republika Online$'],
  dateFormat: 'Senin 12 Aug 2024 14:30 WIB',
  publishers: ['Republika Online', 'Republika']
}

export default republika
