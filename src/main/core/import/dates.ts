/**
 * Dates as Indonesian (and English) news writes them, turned into ISO 8601. Pure functions:
 * no clock is read unless the caller leaves out the reference date.
 */
import { lookupTable, ownValue } from '../../../shared/own'

const MONTHS = lookupTable<number>({
  januari: 1,
  january: 1,
  jan: 1,
  februari: 2,
  pebruari: 2,
  february: 2,
  feb: 2,
  maret: 3,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  mei: 5,
  may: 5,
  juni: 6,
  june: 6,
  jun: 6,
  juli: 7,
  july: 7,
  jul: 7,
  agustus: 8,
  august: 8,
  agu: 8,
  agt: 8,
  ags: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  oktober: 10,
  october: 10,
  okt: 10,
  oct: 10,
  november: 11,
  nopember: 11,
  nov: 11,
  nop: 11,
  desember: 12,
  december: 12,
  des: 12,
  dec: 12
})

/** Offsets of the zones news pages name; Indonesia's three first. */
const ZONES = lookupTable<string>({
  wib: '+07:00',
  wita: '+08:00',
  wit: '+09:00',
  gmt: '+00:00',
  utc: '+00:00'
})

// Longest names first, so "Juni" is never read as "Jun" followed by a stray "i".
const MONTH = `(${Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`
const DAY_NAME = "(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)"
const TIME = String.raw`(?:[\s,|–—·-]+(?:pukul|jam|at)?\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?!\d)(?:\s*([ap]\.?m\.?)(?![\p{L}]))?(?:\s*(WITA|WIB|WIT|GMT|UTC)\b)?)?`

const ISO_EXACT =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/
const PATTERNS: Array<{ regex: RegExp; read: (m: RegExpExecArray) => DateParts }> = [
  {
    // 2023-04-16, 2023-04-16 16:47:52, 2023-04-16T16:47:52+0700, 2018/05/01 05:27:04 (year first)
    regex:
      /\b(\d{4})([-/])(\d{2})\2(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/gi,
    read: (m) => ({
      year: +m[1],
      month: +m[3],
      day: +m[4],
      ...clock(m[5], m[6], m[7]),
      offset: m[8] ? isoOffset(m[8]) : null
    })
  },
  {
    // 12 Agustus 2024 14:30 WIB, 16 Apr 2023, 23 November
    regex: new RegExp(String.raw`\b(\d{1,2})\s+${MONTH}(?![\p{L}])(?:,?\s+(\d{4}))?${TIME}`, 'giu'),
    read: (m) => ({
      year: m[3] ? +m[3] : null,
      month: MONTHS[m[2].toLowerCase()],
      day: +m[1],
      ...clock(m[4], m[5], m[6], m[7]),
      offset: zone(m[8])
    })
  },
  {
    // August 12, 2024
    regex: new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})${TIME}`, 'giu'),
    read: (m) => ({
      year: +m[3],
      month: MONTHS[m[1].toLowerCase()],
      day: +m[2],
      ...clock(m[4], m[5], m[6], m[7]),
      offset: zone(m[8])
    })
  },
  {
    // (2/3/2016), 16/04/2023, 16-04-2023 16:47 WIB: day first, as Indonesia writes it
    regex: new RegExp(
      String.raw`(?<![\d/.-])(\d{1,2})([/-])(\d{1,2})\2(\d{4})(?![\d/-])${TIME}`,
      'giu'
    ),
    read: (m) => ({
      year: +m[4],
      month: +m[3],
      day: +m[1],
      ...clock(m[5], m[6], m[7], m[8]),
      offset: zone(m[9])
    })
  },
  {
    // Minggu (16/4) or Sabtu (15/4/23): short forms only after a day name, never a bare fraction
    regex: new RegExp(
      String.raw`\b${DAY_NAME}\s*\(\s*(\d{1,2})/(\d{1,2})(?:/(\d{2}))?\s*\)`,
      'giu'
    ),
    read: (m) => ({
      year: m[3] ? 2000 + +m[3] : null,
      month: +m[2],
      day: +m[1],
      hour: null,
      minute: null,
      second: null,
      offset: null
    })
  }
]

interface DateParts {
  year: number | null
  month: number
  day: number
  hour: number | null
  minute: number | null
  second: number | null
  offset: string | null
}

/** A date found in a longer text: its ISO form and where it was written. */
export interface FoundDate {
  iso: string
  index: number
  text: string
}

/**
 * The first date written in `text`, as ISO 8601: `YYYY-MM-DD`, with `THH:MM:SS` when a time is
 * given and an offset when the zone is known (WIB +07:00, WITA +08:00, WIT +09:00). A date
 * without a year takes the reference date's year, or the year before when that would be in the
 * future. Impossible dates (31/2/2023) are not dates: null.
 */
export function parseIndonesianDate(text: string, reference: Date = new Date()): string | null {
  const trimmed = text.trim()
  const exact = trimmed.match(ISO_EXACT)
  // A well-formed ISO string is kept as written (its precision and its offset).
  if (exact) return validDay(+exact[1], +exact[2], +exact[3]) ? trimmed : null
  return findIndonesianDate(trimmed, reference)?.iso ?? null
}

/** The earliest valid date in `text` (see parseIndonesianDate), with its position. */
export function findIndonesianDate(text: string, reference: Date = new Date()): FoundDate | null {
  let best: FoundDate | null = null
  for (const { regex, read } of PATTERNS) {
    regex.lastIndex = 0
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      if (best && m.index >= best.index) break
      const iso = toIso(read(m), reference)
      if (iso) {
        best = { iso, index: m.index, text: m[0].trim() }
        break
      }
    }
  }
  return best
}

function clock(
  hour: string | undefined,
  minute: string | undefined,
  second: string | undefined,
  meridiem?: string
): Pick<DateParts, 'hour' | 'minute' | 'second'> {
  if (hour === undefined || minute === undefined) return { hour: null, minute: null, second: null }
  let h = +hour
  const pm = meridiem?.toLowerCase().startsWith('p')
  if (meridiem && h === 12) h = pm ? 12 : 0
  else if (pm) h += 12
  return { hour: h, minute: +minute, second: second === undefined ? 0 : +second }
}

const zone = (name: string | undefined): string | null =>
  name ? (ownValue(ZONES, name.toLowerCase()) ?? null) : null

function isoOffset(raw: string): string {
  if (raw.toUpperCase() === 'Z') return 'Z'
  return raw.includes(':') ? raw : `${raw.slice(0, 3)}:${raw.slice(3)}`
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || year < 1000 || year > 9999) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

function toIso(parts: DateParts, reference: Date): string | null {
  let year = parts.year
  if (year === null) {
    year = reference.getFullYear()
    const asThisYear = Date.UTC(year, parts.month - 1, parts.day)
    const today = Date.UTC(year, reference.getMonth(), reference.getDate())
    if (asThisYear > today) year -= 1
  }
  if (!validDay(year, parts.month, parts.day)) return null
  const day = `${pad(year, 4)}-${pad(parts.month)}-${pad(parts.day)}`
  if (parts.hour === null || parts.minute === null) return day
  if (parts.hour > 23 || parts.minute > 59 || (parts.second ?? 0) > 59) return day
  const time = `${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second ?? 0)}`
  return `${day}T${time}${parts.offset ?? ''}`
}

// A negative twin of Indonesia's zones (WIB +07:00, WITA +08:00, WIT +09:00).
const SLIPPED_OFFSET = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?-(0[789]):00$/
// A local time labelled as UTC (Pos Kota writes 19:38+00:00 for 19:38 WIB), or not labelled.
const UTC_LABEL = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(?:Z|\+00:00)?$/
const INDONESIAN_DATE_WORDS =
  /\b(?:januari|februari|pebruari|maret|mei|juni|juli|agustus|oktober|nopember|desember|wib|wita|wit)\b/i
const INDONESIAN_ZONE = /\b(?:wib|wita|wit)\b/i

/**
 * A timestamp whose offset is a slip put right: a sign slip (KLY pages write 10:49-07:00 for
 * 10:49 WIB) when the page shows the same wall-clock time in Indonesian words, and a local time
 * labelled UTC (or not labelled) when the page shows that time with its Indonesian zone. A page really on UTC-7,
 * or a true UTC time, keeps its offset.
 */
export function unslipOffset(iso: string, shown: string[], reference: Date): string {
  const slip = SLIPPED_OFFSET.exec(iso)
  if (slip) {
    const agrees = shown.some(
      (text) =>
        INDONESIAN_DATE_WORDS.test(text) &&
        parseIndonesianDate(text, reference)?.slice(0, 16) === slip[1]
    )
    return agrees ? `${slip[1]}${slip[2] ?? ''}+${slip[3]}:00` : iso
  }
  const utc = UTC_LABEL.exec(iso)
  if (!utc) return iso
  for (const text of shown) {
    const local = INDONESIAN_ZONE.test(text) ? parseIndonesianDate(text, reference) : null
    if (local?.slice(0, 16) === utc[1] && /[+-]\d{2}:\d{2}$/.test(local))
      return `${utc[1]}${utc[2] ?? ''}${local.slice(-6)}`
  }
  return iso
}
