/** Names in a phrase: titles and roles stripped, the fullest form the article uses. */

import {
  CONNECTIVES,
  DEGREES,
  GROUP_WORDS,
  ORGANISATION_WORDS,
  PLACES,
  ROLE_WORDS,
  TITLE_TAILS,
  TITLES
} from './lexicon'
import { commonWordKind } from './common-words'
import { NameBook, type Speaker } from './name-book'
import { ACRONYM, INITIAL, isLexical, isNameWord, isRootWord, lower } from './name-words'
import { fullestName, trimLeadingWords } from './short-forms'

export { NameBook, type Speaker } from './name-book'
export { fullestName } from './short-forms'

const BALINESE_ORDER = new Set(
  'wayan made nyoman ketut putu gede komang kadek nengah luh gusti'.split(' ')
)

/** Words that close a body's name, never open a person's. */
const BODY_TAILS = new Set(['nasional', 'internasional', 'pusat', 'daerah', 'raya', 'terpadu'])

/**
 * `Jokowi Buka Puasa`: two or more ordinary words after a name are a headline or event phrase
 * glued to it, not more of the name (one may be a name: `Ridwan Kamil`).
 */
function withoutGluedPhrase(run: string[]): string[] {
  let end = run.length
  while (end > 0 && isRootWord(run[end - 1])) end--
  const glued = end > 0 && run.length - end >= 2 && isNameWord(run[end - 1])
  return glued ? run.slice(0, end) : run
}

/** Words of a phrase; a parenthesised part becomes a '|' so names never run across it. */
function wordsOf(phrase: string): string[] {
  return phrase
    .replace(/\([^)]*\)/g, ' | ')
    .split(/\s+/)
    .map((w) => w.replace(/^[“”"'‘’]+|[“”"'‘’,;:]+$/g, ''))
    .filter((w) => w !== '')
}

/**
 * The speaker a noun phrase names: `Presiden Rusia Vladimir Putin` → Vladimir Putin,
 * `Kementerian Luar Negeri Meksiko` → that ministry, `Kelompok Hamas Palestina` → Hamas.
 */
export function nameFromPhrase(phrase: string): Speaker | null {
  const known = namesByPhrase.get(phrase)
  if (known !== undefined) return known
  // Articles repeat their names; the cache is dropped whole past a plausible number of phrases.
  if (namesByPhrase.size > 20_000) namesByPhrase.clear()
  const found = readName(phrase)
  namesByPhrase.set(phrase, found && Object.freeze(found))
  return found
}

/** Results are shared between callers, so they are frozen. */
const namesByPhrase = new Map<string, Readonly<Speaker> | null>()

function readName(phrase: string): Speaker | null {
  // `KOMPAS.com`, `detik.com`: an outlet's dateline, not someone quoted.
  if (/\.(?:com|co|id|net|org)\b/i.test(phrase)) return null
  const words = wordsOf(phrase)
  const trailing: string[] = []
  let last = words.length - 1
  // `Raldi Hendro Koestoer PhD`, `Muhammad Nur DEA`: a degree after a name is not part of it.
  while (
    last > 0 &&
    DEGREES.has(lower(words[last]).replace(/\./g, '')) &&
    isNameWord(words[last - 1])
  )
    last--
  // `Mahfud MD`: a short acronym closing a name is part of it.
  const closing = ACRONYM.test(words[last] ?? '') && words[last].length <= 3 ? words[last] : null
  if (closing && last > 0 && isNameWord(words[last - 1])) last--
  for (let i = last; i >= 0 && isNameWord(words[i]); i--) trailing.unshift(words[i])
  if (closing && trailing.length > 0 && last < words.length - 1) trailing.push(closing)
  // A person's name is short; longer runs are an unknown organisation or place before it.
  // Up to four words (`Tri Edhi Budhi Soesilo`), three when one is an initial (`Dwipa W. Soehoed`).
  while (trailing.length > (trailing.some((w) => INITIAL.test(w)) ? 3 : 4)) trailing.shift()
  while (trailing.length > 0 && INITIAL.test(trailing[0])) trailing.shift()
  // `Universitas Airlangga Ucu Martanto`: the word after a body's generic word is its name.
  const lead = words[last - trailing.length + (closing && last < words.length - 1 ? 1 : 0)]
  if (trailing.length >= 3 && lead && ORGANISATION_WORDS.has(lower(lead))) trailing.shift()
  // `Jaksa Agung Sanitiar Burhanuddin`: the word that goes on the title before it.
  else if (lead && TITLES.has(lower(lead)) && TITLE_TAILS.has(lower(trailing[0] ?? '')))
    trailing.shift()
  // `I Wayan Koster`, `Ni Luh Putu`: a Balinese name opens with I or Ni before its birth order.
  const before = words[last - trailing.length]
  if ((before === 'I' || before === 'Ni') && BALINESE_ORDER.has(lower(trailing[0] ?? '')))
    trailing.unshift(before)
  // `Badan Pangan Nasional Arief Prasetyo Adi`: the word that closes a body's name.
  while (trailing.length >= 2 && BODY_TAILS.has(lower(trailing[0]))) trailing.shift()
  const first = words[0] ? lower(words[0]) : ''
  if (trailing.length > 0 && !(GROUP_WORDS.has(first) && words.length > trailing.length + 1)) {
    const organisation = words.length > trailing.length && ORGANISATION_WORDS.has(first)
    return {
      name: trailing.join(' '),
      person: !organisation,
      // One ordinary word alone is doubtful; several in a row mid-sentence are a name.
      common: trailing.length === 1 && isRootWord(trailing[0])
    }
  }
  return organisationFrom(words)
}

/** An organisation, country or single-word name: the first capitalised run of the phrase. */
function organisationFrom(words: string[]): Speaker | null {
  const from = words.findIndex((w) => /^\p{Lu}/u.test(w) && !CONNECTIVES.has(lower(w)))
  if (from < 0) return null
  let kept: string[] = []
  for (const word of words.slice(from)) {
    if (!/^[\p{Lu}\p{N}]/u.test(word)) break
    kept.push(word)
  }
  let grouped = false
  // `Kelompok Hamas Palestina`: the group is its own name, without the generic word or country.
  if (kept.length > 1 && GROUP_WORDS.has(lower(kept[0]))) {
    grouped = true
    kept = kept.slice(1)
    while (kept.length > 1 && PLACES.has(lower(kept[kept.length - 1]))) kept.pop()
  }
  while (kept.length > 1 && TITLES.has(lower(kept[0])) && !ORGANISATION_WORDS.has(lower(kept[0])))
    kept = kept.slice(1)
  if (kept.length === 0) return null
  // `Badan`, `Pemerintah`, `Pertanyaan` alone: a generic or ordinary word, nobody in particular.
  const only = lower(kept[0])
  const generic = ORGANISATION_WORDS.has(only) || TITLES.has(only) || CONNECTIVES.has(only)
  if (kept.length === 1 && !PLACES.has(only) && (generic || commonWordKind(kept[0]) !== null))
    return null
  const person = !grouped && kept.every((w) => isNameWord(w))
  return { name: kept.join(' '), person }
}

// Capitalised words in a row; only a one-letter initial (`W.`) may carry a full stop.
const NAME_RUN =
  /(?:\p{Lu}\.|\p{Lu}(?:Ã[\u0080-\u00bf]|[\p{L}\p{M}'’-])*)(?:[ \u00a0]+(?:\p{Lu}\.|\p{Lu}(?:Ã[\u0080-\u00bf]|[\p{L}\p{M}'’-])*))*/gu
/** Role words looked for just before a name: `pelatih Persib, Bojan Hodak`. */
const ROLE_LEAD = 80

/** Reads every capitalised run of `text` (and the headline) into a book of names and aliases. */
const PLACE_CUE =
  /(?:\b(?:di|Kota|Kabupaten|Kab\.|Provinsi|Kecamatan|Desa|Kelurahan)) (\p{Lu}\p{Ll}+)/gu

/**
 * `Bupati Agam Benni Warlis`: the word after a regional office, when a two-word name follows,
 * is the region (`Gubernur Dedi Mulyana` has no region).
 */
const REGION_HEAD =
  /\b(?:[Bb]upati|[Ww]ali ?[Kk]ota|[Gg]ubernur|[Kk]apolres(?:ta)?|[Kk]apolda|[Kk]apolsek|[Cc]amat|[Ll]urah|DPRD|Polres|Polda|Polsek|Pemkab|Pemkot|Pemprov|Dinkes|Disdik|Kejari|Kejati) (\p{Lu}\p{Ll}+)(?= \p{Lu}\p{L}* \p{Lu})/gu

const INITIALS = /\b(?:ber)?inisial\s+(\p{Lu}{1,4})\b/gu

/** `masked` (the text with quotations blanked) keeps names inside quotations out of aliasing. */
export function collectNames(text: string, title?: string, masked?: string): NameBook {
  const book = new NameBook()
  for (const match of text.matchAll(PLACE_CUE)) book.places.add(match[1])
  for (const match of text.matchAll(REGION_HEAD)) book.places.add(match[1])
  for (const match of text.matchAll(INITIALS)) book.initials.add(match[1])
  if (title) for (const match of title.matchAll(NAME_RUN)) readRun(book, title, match, false)
  for (const match of text.matchAll(NAME_RUN))
    readRun(book, text, match, true, !masked || masked[match.index] === text[match.index])
  // `kata wanita yang akrab disapa Kiki itu`: the nickname of the person named just before.
  for (const match of text.matchAll(DESCRIBED_ALIAS)) {
    const full = book.fullNameBefore(match.index)
    if (full && !book.aliases.has(match[1])) book.aliases.set(match[1], full)
  }
  trimLeadingWords(book, text)
  return book
}

const DESCRIBED_ALIAS =
  /\b(?:pria|wanita|perempuan|lelaki|laki-laki|sosok|pemuda|gadis|remaja|bapak|ibu|pemain|pelatih|politikus|politisi|pengusaha|artis|penyanyi|aktor|aktris|mahasiswa|mahasiswi)\s+(?:\p{Ll}+\s+){0,3}?yang\s+(?:akrab\s+|biasa\s+)?(?:disapa|dipanggil)\s+(\p{Lu}[\p{L}-]+)/gu

/** Whether a run opens a sentence, where every word is capitalised whatever it is. */
function opensSentence(text: string, at: number): boolean {
  let i = at - 1
  while (i >= 0 && /[\s"“”'‘’(]/.test(text[i])) i--
  if (i >= 0 && text[i] === '.' && afterTitle(text, i)) return false
  return i < 0 || /[.!?:\n]/.test(text[i]) || text.slice(i + 1, at).includes('\n')
}

/** Whether the full stop at `dot` closes a title or degree (`Dr.`, `Eng.`), not a sentence. */
function afterTitle(text: string, dot: number): boolean {
  const word =
    text
      .slice(Math.max(0, dot - 8), dot)
      .match(/\p{L}+$/u)?.[0]
      .toLowerCase() ?? ''
  return TITLES.has(word) || DEGREES.has(word)
}

/**
 * A headline-like line (no full stop before its end): there, ordinary words glued to a name
 * (`Jokowi Buka Puasa`) are a headline's; in a sentence they are more of the name (`Ayu Lestari`).
 */
function inHeadline(text: string, end: number): boolean {
  const rest = text.slice(end, end + 300)
  const stop = rest.search(/[.!?]/)
  const line = rest.indexOf('\n')
  return stop < 0 ? line >= 0 || end + 300 >= text.length : line >= 0 && line < stop
}

function readRun(
  book: NameBook,
  text: string,
  match: RegExpExecArray,
  roles: boolean,
  outsideQuotes = false
): void {
  let run = match[0]
  // `Kinerja Renita …`, `Saran Mahfud MD`: ordinary words capitalised only by their place.
  if (!roles || opensSentence(text, match.index)) {
    const words = run.split(/\s+/)
    while (words.length > 1 && !isLexical(words[0]) && commonWordKind(words[0]) !== null)
      words.shift()
    const end = match.index + match[0].length
    run = (!roles || inHeadline(text, end) ? withoutGluedPhrase(words) : words).join(' ')
  }
  const named = nameFromPhrase(run)
  // `salah satu orang tua siswa, Dian (37)`: an ordinary word capitalised mid-sentence is a name.
  // A title before it (`Jaksa Agung`) makes it part of the role instead.
  if (named?.common && roles && named.name === run && !opensSentence(text, match.index))
    book.shown.add(named.name)
  if (!named?.person || named.common) return
  const found = { ...named, name: withoutPlaces(named.name, book) }
  book.add(found.name, outsideQuotes ? match.index : -1)
  const end = match.index + match[0].length
  const alias = text
    .slice(end, end + 60)
    .match(
      /^\s*(?:\(|,?\s*(?:atau|alias)\s+(?:yang (?:akrab |biasa )?(?:disapa|dipanggil)\s+)?|,?\s*yang (?:akrab |biasa )?(?:disapa|dipanggil)\s+)(\p{Lu}[\p{L}-]+)/u
    )
  if (alias && !ACRONYM.test(alias[1]) && found.name.includes(' '))
    book.aliases.set(alias[1], found.name)
  if (!roles) return
  // Only the noun phrase the name ends, back to the last sentence or clause mark, and only the
  // role's own words: `Hakim mengatakan, pernyataan Hasto` gives no role.
  const phraseEnd = match.index + match[0].length - found.name.length
  for (const word of wordsBefore(text, phraseEnd, Math.max(0, match.index - ROLE_LEAD), 5)) {
    const key = word.toLowerCase()
    if (ROLE_WORDS.has(key) || TITLES.has(key)) book.addRole(key, match.index, found)
    else if (/^\p{Ll}/u.test(word) && !ROLE_LINKS.has(key)) break
  }
}

const CLAUSE_MARK = /[.!?;:"“”()]/
const WORD_CHAR = /[\p{L}-]/u

/** Up to `most` words before `end` (nearest first), back to `floor` or a clause mark. */
function wordsBefore(text: string, end: number, floor: number, most: number): string[] {
  const words: string[] = []
  let i = end - 1
  while (i >= floor && words.length < most) {
    if (CLAUSE_MARK.test(text[i])) break
    if (!WORD_CHAR.test(text[i])) {
      i--
      continue
    }
    const wordEnd = i + 1
    while (i >= floor && WORD_CHAR.test(text[i])) i--
    words.push(text.slice(i + 1, wordEnd))
  }
  return words
}

/** Lower-case words inside a role phrase: `pelatih asal Kroasia`, `juru bicara dari Kemenlu`. */
const ROLE_LINKS = new Set(['asal', 'dari', 'tim', 'klub', 'timnas', 'bidang', 'urusan', 'dan'])

/** A name the article shows as a name: several words, a fuller form, an alias, or used twice. */
export function isKnownName(speaker: Speaker, book: NameBook): boolean {
  const name = speaker.name
  if (book.aliases.has(name) || book.shown.has(name)) return true
  if (!speaker.common && (name.includes(' ') || book.count(name) >= 2)) return true
  return fullestName(name, book) !== name
}

function withoutPlaces(name: string, book: NameBook): string {
  const words = name.split(' ')
  while (words.length > 1 && book.places.has(words[0])) words.shift()
  return words.join(' ')
}

/**
 * The name to show for a speaker: without a place the article names (`Sukabumi Asep Japar`),
 * without ordinary words glued to it where the article writes the name without them
 * (`Kinerja Renita`, `Jokowi Buka Puasa`), in its fullest form.
 */
export function cleanName(name: string, book: NameBook): string {
  let words = withoutPlaces(name, book).split(' ')
  if (!book.names.has(words.join(' '))) {
    words = withoutGluedPhrase(words)
    while (words.length > 1 && commonWordKind(words[0]) !== null) {
      const rest = words.slice(1).join(' ')
      if (!book.names.has(rest) && fullestName(rest, book) === rest) break
      words.shift()
    }
  }
  return fullestName(words.join(' '), book)
}
