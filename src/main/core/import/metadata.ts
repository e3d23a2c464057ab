import type { Block, Removal } from '../../../shared/model'
import type { CleanedLines } from './clean'
import { findIndonesianDate } from './dates'
import { lookupTable, ownValue } from '../../../shared/own'

const MAX_TITLE = 120

/**
 * A line reads as a headline when it is short, has several words and no final full stop; a
 * question ("…, Apa Tujuannya?") is a headline too when it is written in title case.
 */
export function isHeadline(line: string): boolean {
  const words = line.split(/\s+/)
  if (line.length > 160 || words.length < 2 || /^["“'‘]/.test(line)) return false
  if (/\?$/.test(line)) return words.filter((w) => /^\p{Lu}/u.test(w)).length >= words.length / 2
  return !/[.!,;:"“”]$/.test(line)
}

/** A title made from the first sentence of the text, cut at a word boundary when long. */
export function titleFromText(text: string): string {
  const stripped = text.replace(/^["“'‘«„\s]+/, '')
  const sentence = stripped.match(/^.+?[.!?](?=\s|$)/)?.[0] ?? stripped
  const clean = sentence.replace(/[.!?]$/, '').trim()
  if (clean.length <= MAX_TITLE) return clean
  const cut = clean.slice(0, MAX_TITLE)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 40)).trim()}…`
}

const INDONESIAN = new Set(
  'yang dan di ini itu dengan untuk dari tidak akan pada juga ke dalam bahwa ada oleh telah sudah kami kita mereka atau saat karena tersebut'.split(
    ' '
  )
)
const ENGLISH = new Set(
  'the and of to is in that for with was were on are by this from have has said not be at as'.split(
    ' '
  )
)

/** 'id' or 'en' when the function words say so clearly; null when the text is too short or neither. */
export function detectLanguage(blocks: Block[]): string | null {
  let id = 0
  let en = 0
  for (const block of blocks) {
    for (const word of block.text.toLowerCase().split(/[^\p{L}]+/u)) {
      if (INDONESIAN.has(word)) id++
      else if (ENGLISH.has(word)) en++
    }
  }
  if (id + en < 5) return null
  if (id >= en * 2) return 'id'
  if (en >= id * 2) return 'en'
  return null
}

/** Indonesian news sites by host, with the name they go by (subdomains fall back to these). */
const OUTLETS_BY_HOST = lookupTable<string>({
  'kompas.com': 'Kompas.com',
  'kompas.id': 'Kompas.id',
  'kompas.tv': 'Kompas TV',
  'detik.com': 'detikcom',
  'news.detik.com': 'detikNews',
  'sport.detik.com': 'detikSport',
  'finance.detik.com': 'detikFinance',
  'inet.detik.com': 'detikInet',
  'hot.detik.com': 'detikHot',
  'health.detik.com': 'detikHealth',
  'oto.detik.com': 'detikOto',
  'travel.detik.com': 'detikTravel',
  'food.detik.com': 'detikFood',
  'cnnindonesia.com': 'CNN Indonesia',
  'cnbcindonesia.com': 'CNBC Indonesia',
  'antaranews.com': 'ANTARA',
  'liputan6.com': 'Liputan6.com',
  'tempo.co': 'Tempo.co',
  'republika.co.id': 'Republika',
  'sindonews.com': 'SINDOnews',
  'tribunnews.com': 'Tribunnews.com',
  'kumparan.com': 'kumparan',
  'suara.com': 'Suara.com',
  'okezone.com': 'Okezone',
  'viva.co.id': 'VIVA',
  'merdeka.com': 'Merdeka.com',
  'idntimes.com': 'IDN Times',
  'jawapos.com': 'JawaPos.com',
  'bisnis.com': 'Bisnis.com',
  'kontan.co.id': 'Kontan',
  'tirto.id': 'Tirto.id',
  'mediaindonesia.com': 'Media Indonesia',
  'beritasatu.com': 'Beritasatu',
  'jpnn.com': 'JPNN.com',
  'katadata.co.id': 'Katadata',
  'inews.id': 'iNews.id',
  'thejakartapost.com': 'The Jakarta Post',
  'voaindonesia.com': 'VOA Indonesia',
  'rri.co.id': 'RRI'
})

/** How datelines spell outlets ("KOMPAS.com -", "Jakarta, CNN Indonesia --"), lower-cased. */
const OUTLET_ALIASES = lookupTable<string>({
  kompas: 'Kompas',
  'kompas.com': 'Kompas.com',
  antara: 'ANTARA',
  antaranews: 'ANTARA',
  'antaranews.com': 'ANTARA',
  'cnn indonesia': 'CNN Indonesia',
  'cnnindonesia.com': 'CNN Indonesia',
  'cnbc indonesia': 'CNBC Indonesia',
  'tempo.co': 'Tempo.co',
  tempo: 'Tempo',
  'republika.co.id': 'Republika',
  republika: 'Republika',
  'liputan6.com': 'Liputan6.com',
  sindonews: 'SINDOnews',
  'sindonews.com': 'SINDOnews',
  'tribunnews.com': 'Tribunnews.com',
  'idn times': 'IDN Times',
  viva: 'VIVA',
  'viva.co.id': 'VIVA',
  okezone: 'Okezone',
  kumparan: 'kumparan',
  'kumparan.com': 'kumparan',
  beritasatu: 'Beritasatu',
  'beritasatu.com': 'Beritasatu',
  'media indonesia': 'Media Indonesia',
  'jakarta post': 'The Jakarta Post',
  'the jakarta post': 'The Jakarta Post',
  'voa indonesia': 'VOA Indonesia',
  inews: 'iNews.id',
  rri: 'RRI'
})

const DETIK =
  /^detik(com|news|sport|finance|inet|hot|health|oto|travel|food|edu|jabar|jatim|bali|sumut)?$/i
const DOMAIN = /^[\p{L}\d-]+(?:\.[\p{L}]{2,})+$/u

/** The outlet a dateline part names, or null for a place ("Jakarta") or anything else. */
function outletNamed(part: string): string | null {
  const key = part.toLowerCase()
  const alias = ownValue(OUTLET_ALIASES, key)
  if (alias) return alias
  const detik = part.match(DETIK)
  if (detik) {
    const desk = detik[1]?.toLowerCase() ?? 'com'
    return desk === 'com' ? 'detikcom' : `detik${desk[0].toUpperCase()}${desk.slice(1)}`
  }
  if (DOMAIN.test(part)) return outletFromUrl(`https://${key}/`) ?? part
  return null
}

/** The outlet of a known Indonesian news host (subdomains too); else the host itself, named. */
export function outletFromUrl(url: string | null): string | null {
  if (!url) return null
  let host: string
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^(?:www|m|amp)\./, '')
  } catch {
    return null
  }
  if (!host.includes('.')) return null
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1))
    if (ownValue(OUTLETS_BY_HOST, h)) return OUTLETS_BY_HOST[h]
  return host[0].toUpperCase() + host.slice(1)
}

// "KOMPAS.com - ", "Jakarta, CNN Indonesia -- ", "Pariaman (ANTARA) - ", "Liputan6.com, Jakarta- "
const DATELINE = /^([^"“”‘’:;!?]{2,60}?)\s*(?:--|[-–—])\s+\S/u

/**
 * The outlet a dateline names at the start of a paragraph, or a paragraph that is only an
 * outlet's name ("detikSport"). A dateline with only a place ("Jakarta -") names none.
 */
export function outletFromDateline(text: string): string | null {
  const whole = outletNamed(text.trim())
  if (whole) return whole
  const prefix = text.match(DATELINE)?.[1]
  if (!prefix || /\.\s/.test(prefix) || prefix.split(/\s+/).length > 6) return null
  for (const part of prefix.split(/[,()]/)) {
    const outlet = outletNamed(part.trim())
    if (outlet) return outlet
  }
  return null
}

const WRITER = /^(?:penulis|reporter|pewarta|wartawan|kontributor)$/i
const BYLINE_FIELD =
  /(penulis|reporter|editor|pewarta|wartawan|kontributor|penyunting|redaktur)[*_]*\s*:[*_\s]*([^|·•;:]+?)[*_\s]*(?=[|·•;]|,?\s*(?:penulis|reporter|editor|pewarta|wartawan|kontributor|penyunting|redaktur)\b|$)/gi

// "Laporan Wartawan Tribunnews.com, Rina Ayu": the Tribun network's reporter line.
const REPORT_LINE =
  /^laporan\s+(?:wartawan|reporter|koresponden|kontributor|jurnalis)\s+[^,]{2,60},\s*([^,|·•;]{2,80}?)\s*$/i

/** The people a byline line names: its writers first, its editors only when no writer is named. */
export function authorFromByline(line: string): string | null {
  const report = REPORT_LINE.exec(line.trim())
  if (report) return report[1]
  const writers: string[] = []
  const editors: string[] = []
  for (const [, label, names] of line.matchAll(BYLINE_FIELD))
    (WRITER.test(label) ? writers : editors).push(names.replace(/[,\s]+$/, '').trim())
  const people = (writers.length ? writers : editors).filter(Boolean)
  return people.length ? people.join(', ') : null
}

/** The author named by the byline lines cleaning removed (rule 'byline'). */
export function authorFromRemovals(removed: Removal[]): string | null {
  const bylines = removed.filter((r) => r.rule === 'byline').map((r) => r.text)
  return bylines.length ? authorFromByline(bylines.join(' | ')) : null
}

/**
 * An author as a page states it, tidied: no "Oleh"/"By"/"Penulis:" label, no profile URL, no
 * outlet standing in for a person; null when nothing is left.
 */
export function tidyAuthor(raw: string | null | undefined, outlet: string | null): string | null {
  if (!raw) return null
  const text = raw
    .replace(/\s+/g, ' ')
    .replace(/^(?:oleh|by|penulis|reporter|editor|pewarta)\s*:?\s+/i, '')
    .replace(/^(?:penulis|reporter|editor|pewarta)\s*:\s*/i, '')
    .trim()
    // "Adhi Prasetya - detikSport": the outlet after the name is not part of it.
    .replace(/\s+[-–—|]\s+([^-–—|]+)$/, (tail: string, outlet: string) =>
      outletFromDateline(outlet) ? '' : tail
    )
  if (!text || text.length > 100 || /^https?:\/\//i.test(text) || /[<>{}]/.test(text)) return null
  if (outlet && text.toLowerCase() === outlet.toLowerCase()) return null
  return text
}

/** Metadata read from an article's text: outlet, author and publication date. */
export interface TextMetadata {
  outlet: string | null
  author: string | null
  publishedAt: string | null
}

const DATE_LINE_MAX = 80

/**
 * The publication date of an article from its first blocks: a short line that is a date (or a
 * dateline with one) first, else the first date mentioned in the first three paragraphs.
 */
export function dateFromBlocks(blocks: Block[], reference: Date = new Date()): string | null {
  const top = blocks.slice(0, 5)
  for (const block of top) {
    if (block.text.length > DATE_LINE_MAX) continue
    const found = findIndonesianDate(block.text, reference)
    if (found) return found.iso
  }
  for (const block of blocks.filter((b) => b.type === 'p').slice(0, 3)) {
    const found = findIndonesianDate(block.text, reference)
    if (found) return found.iso
  }
  return null
}

/** Outlet, author and date of a text article, from its datelines, bylines and source link. */
export function textMetadata(
  blocks: Block[],
  removed: Removal[],
  url: string | null,
  reference: Date = new Date()
): TextMetadata {
  const outlet =
    blocks
      .slice(0, 3)
      .map((block) => outletFromDateline(block.text))
      .find((name) => name !== null) ?? outletFromUrl(url)
  return {
    outlet,
    author: authorFromRemovals(removed),
    publishedAt: dateFromBlocks(blocks, reference)
  }
}

const DATE_LINE_WORDS =
  /\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|diterbitkan|dipublikasikan|terbit|publikasi|published|updated|update|diperbarui|tanggal|pukul|on)\b/giu
const DOMAIN_WORD = /[\p{L}\d-]+(?:\.[\p{L}]{2,})+/gu
const DATE_LINE_SEARCH = 8

/**
 * A line near the top that is only a date ("Senin, 12 Agustus 2024 14:30 WIB", "Kompas.com -
 * 16/04/2023, 16:47 WIB") is metadata, not article text: it is taken out as a removal with rule
 * 'date-line' (unless the reader restored it) and its date is returned.
 */
export function takeDateLine(
  cleaned: CleanedLines,
  reference: Date = new Date(),
  keep: ReadonlySet<string> = new Set()
): { cleaned: CleanedLines; publishedAt: string | null } {
  const top = cleaned.lines.filter((line) => line.text !== '').slice(0, DATE_LINE_SEARCH)
  for (const line of top) {
    if (line.text.length > DATE_LINE_MAX) continue
    const found = findIndonesianDate(line.text, reference)
    if (!found) continue
    const rest = line.text
      .replace(found.text, ' ')
      .replace(DATE_LINE_WORDS, ' ')
      .replace(DOMAIN_WORD, ' ')
      .replace(/[\s\p{P}\p{S}]+/gu, '')
    if (rest !== '') continue
    if (keep.has(`date-line:${line.line}:${line.text}`)) return { cleaned, publishedAt: found.iso }
    const removal: Removal = { rule: 'date-line', text: line.text, line: line.line }
    return {
      cleaned: {
        ...cleaned,
        lines: cleaned.lines.filter((l) => l !== line),
        removed: [...cleaned.removed, removal].sort((a, b) => a.line - b.line)
      },
      publishedAt: found.iso
    }
  }
  return { cleaned, publishedAt: null }
}
