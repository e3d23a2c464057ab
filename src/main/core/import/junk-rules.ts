/**
 * News junk that scrapers and aggregators leave in articles, as data: each rule has a name
 * (kept with every removal) and matches whole lines or tokens inside a line. Line rules are
 * anchored and short, so they can never take a sentence of the article itself.
 */
export interface JunkRule {
  name: string
  /** A whole line this rule removes. */
  line?: RegExp
  /** Tokens this rule removes from inside a line (global regex). */
  inline?: RegExp
  /**
   * Lines after a line this rule removed that it also removes, while they match (blank lines
   * between them allowed): the headlines listed under "Baca juga" or "Berita terkait".
   */
  listItem?: RegExp
}

// Another article's headline as a list item: bulleted or numbered, and no sentence (it does not
// end as one), so a sentence of the article is never taken for one.
const HEADLINE = String.raw`[^\s.!?][^.!?]{8,160}[^.!?:;,"”'’]`
const HEADLINE_ITEM = String.raw`(?:[•●▪►■»›·*-]|\d{1,2}[.)])?\s*${HEADLINE}`

// A tag or a line of tags: short, and never ending as a sentence.
const TAG = String.raw`[^\s.!?][^.!?]{0,160}[^.!?:;,"”'’]`

const AD_TOKEN = String.raw`\[(?:iklan|ads?|advert(?:isement)?|quangcao|banner|promo)[_ -]?\d*\]`

// A byline names people: every word capitalised (or a name particle), so an interview line such
// as "Reporter: Bagaimana tanggapan Anda" is never taken for one. No `i` flag: with `u` it
// would make \p{Lu} match lower case too.
const BYLINE_LABEL = ['penulis', 'reporter', 'editor', 'pewarta', 'wartawan', 'kontributor']
  .concat(['penyunting', 'redaktur'])
  .map((label) => `[${label[0]}${label[0].toUpperCase()}]${label.slice(1)}|${label.toUpperCase()}`)
  .join('|')
const NAME = String.raw`[\p{Lu}][\p{L}.'’-]*(?:\s+(?:[\p{Lu}][\p{L}.'’-]*|bin|binti|van|von|de|al|el|da)){0,5}`
const BYLINE_PART = String.raw`[*_]{0,2}(?:${BYLINE_LABEL})[*_]{0,2}\s*:[*_]{0,2}\s*${NAME}(?:\s*(?:,|&|/|dan)\s*${NAME})*[*_]{0,2}`

export const junkRules: JunkRule[] = [
  {
    name: 'ad-placeholder',
    line: new RegExp(`^(?:\\s*${AD_TOKEN})+\\s*$`, 'i'),
    inline: new RegExp(AD_TOKEN, 'gi')
  },
  {
    name: 'source-link',
    line: /^(?:tautan sumber|link sumber|source link)\s*:?\s*(?:https?:\/\/\S+)?\s*$/i
  },
  { name: 'source-line', line: /^sumber\s*:\s*.{0,120}$/i },
  { name: 'comment-count', line: /^(?:komentar|comments?)\s*\(\d+\)\s*$/i },
  {
    name: 'read-also',
    line: /^(?:baca juga|baca pula|lihat juga|read also)\s*:.{0,250}$/i,
    listItem: new RegExp(`^${HEADLINE_ITEM}$`, 'u')
  },
  {
    name: 'related-list',
    line: /^(?:baca juga|baca pula|lihat juga|berita terkait|artikel terkait|berita lainnya|jangan lewatkan|pilihan editor|pilihan redaksi|rekomendasi|terpopuler|berita terpopuler|berita populer|read also|related)\s*:?\s*$/i,
    listItem: new RegExp(`^${HEADLINE_ITEM}$`, 'u')
  },
  {
    // The article's tags under their label ("TAG:", "Topik:"), one line or one per line.
    name: 'tag-list',
    line: /^(?:tags?|tag terkait|topik|topik terkait|kata kunci|keywords?)\s*:?\s*$/i,
    listItem: new RegExp(`^#?${TAG}$`, 'u')
  },
  {
    name: 'related-headline',
    line: new RegExp(`^[•●▪►■»›]\\s*${HEADLINE}$`, 'u')
  },
  {
    name: 'advertisement',
    line: /^(?:advertisement|iklan|scroll to (?:continue|resume) with content|konten berbayar)$/i
  },
  { name: 'video-prompt', line: /^(?:simak|tonton|saksikan)\s+(?:juga\s+)?video.{0,200}$/i },
  // What a page shows while its scripts load ("loading...", "Memuat…").
  { name: 'loading-placeholder', line: /^(?:loading|memuat)\s*(?:\.{2,}|…)?$/i },
  {
    // The site and desk that closes an article: "(tirto.id - Sosial Budaya)".
    name: 'site-credit',
    line: /^\((?:[a-z0-9-]+\.)+[a-z]{2,}\s*[-–—]\s*[^()]{1,40}\)$/i
  },
  {
    name: 'share-line',
    line: /^(?:bagikan|share)(?:\s+(?:artikel|berita)\s+ini)?\s*:?\s*(?:(?:facebook|twitter|x|whatsapp|telegram|line|email|linkedin|salin tautan|copy link)[\s,|/·]*)*$/i
  },
  {
    name: 'subscribe-line',
    line: /^(?:(?:dapatkan|ikuti) (?:update|berita|informasi).{0,120}(?:whatsapp|telegram|google news|channel).{0,80}|subscribe.{0,80}|berlangganan.{0,80})$/i
  },
  {
    name: 'byline',
    line: new RegExp(`^${BYLINE_PART}(?:\\s*[|·•,;/-]\\s*${BYLINE_PART})*\\s*$`, 'u')
  },
  {
    // "Laporan Wartawan Tribunnews.com, Rina Ayu": a reporter line, read as the byline is.
    name: 'byline',
    line: new RegExp(
      String.raw`^[Ll]aporan\s+(?:[Ww]artawan|[Rr]eporter|[Kk]oresponden|[Kk]ontributor|[Jj]urnalis)\s+[^,]{2,60},\s*${NAME}$`,
      'u'
    )
  }
]
