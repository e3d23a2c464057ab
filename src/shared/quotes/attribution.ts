/**
 * Who said a quotation: the reporting clause after it (`"…," kata X`), before it
 * (`X menambahkan: "…"`, `X mengatakan, "…"`) or around a fragment (`X menyatakan "…"`).
 * Pronouns and `pemain itu` point back to the last one named.
 */

import {
  BARE_VERBS,
  CONNECTIVES,
  FRAGMENT_VERBS,
  ORGANISATION_WORDS,
  PLACES,
  PREFIXED_VERBS,
  ROLE_WORDS,
  TITLES
} from './lexicon'
import { nameFromPhrase, type Speaker } from './names'
import { ACRONYM } from './name-words'

/** What a reporting clause names: a speaker, a pronoun, or `kementerian tersebut`. */
export type Reference =
  | { type: 'name'; speaker: Speaker }
  /** `answer`: `jawabnya`, the one the quotation before spoke to, not that quotation's speaker. */
  | { type: 'pronoun'; answer?: boolean }
  /** `bare`: a role with no `itu`/`tersebut` (`tutur hakim`): unnamed unless someone held it. */
  | { type: 'anaphor'; head: string; bare?: boolean }
  /** `kata seorang warga`: someone the article does not name; never given to a nearby name. */
  | { type: 'unnamed' }

// Determiners of someone left unnamed: `seorang warga`, `salah satu pedagang`, `para petani`.
const UNNAMED =
  /^\s*(?:seorang|seseorang|salah\s+(?:satu|seorang)|sejumlah|beberapa|para|sebagian|banyak|warga)\b/iu

// `Ã³`: a letter mis-decoded as two (UTF-8 read as Latin-1) stays inside its word.
const WORD = /\p{Lu}\.|[\p{L}\p{M}](?:Ã[\u0080-\u00bf]|[\p{L}\p{M}'’-])*/gu
const ADVERBS = new Set(
  'juga pun telah sudah kemudian lalu sebelumnya akhirnya dengan kembali bahkan masih secara resmi tidak belum hanya pula sempat turut lantas'.split(
    ' '
  )
)
const NOT_VERBS = new Set(
  'mereka menit media medis meja merah menteri berita besar dia diri dinas direktur dini dirut digital diplomatik diskusi distrik bersama beberapa berbagai bersejarah berbahaya depan'.split(
    ' '
  )
)
const NP_STOP =
  /[,;.!?:]|\s(?:saat|ketika|usai|seusai|setelah|sesudah|sebelum|dalam|di|pada|kepada|dikutip|dilansir|seperti|sebagaimana|melalui|lewat|dari|sambil|yang|kemarin|menjelang|selepas|via|sebagai|kala|tadi|kepada|dengan|soal|terkait|mengenai|tentang|untuk|bahwa|ketika|sembari|seraya|didampingi|bersama|mendampingi)(?=\s|$)/u

const isVerbLike = (word: string): boolean => {
  if (!/^\p{Ll}/u.test(word)) return false
  const key = word.toLowerCase()
  if (NOT_VERBS.has(key) || TITLES.has(key)) return false
  return (
    /^(?:me|ber|di)\p{L}{3,}$/u.test(key) ||
    PREFIXED_VERBS.has(key) ||
    FRAGMENT_VERBS.has(key) ||
    /^(?:yakin|percaya|ingin|mau|bisa|harus|akan)$/.test(key)
  )
}

/** A reporting verb, bare or with -nya: the verb and whether -nya stood for the speaker. */
function reportingVerb(word: string): { pronoun: boolean } | null {
  const key = word.toLowerCase()
  const isVerb = (w: string): boolean => BARE_VERBS.has(w) || PREFIXED_VERBS.has(w)
  // `tanya` ends like `katanya` but names no one by it.
  if (isVerb(key)) return { pronoun: key.endsWith('nya') && isVerb(key.slice(0, -3)) }
  if (key.endsWith('nya')) {
    const stem = key.slice(0, -3)
    if (isVerb(stem)) return { pronoun: true }
  }
  return null
}

/** Relations before a name: the person speaking is the named one's lawyer, wife, child …. */
const RELATION =
  /^(?:(?:kuasa|penasihat|tim)\s+hukum|istri|suami|anak|ayah|ayahanda|ibunda|kakak|adik|keluarga|kerabat|tetangga|ajudan|sopir|rekan|teman|sahabat|kekasih|pacar|orang\s?tua)\s+\p{Lu}/u

/** A generic word for a body right before its name. */
const BODY_LEAD =
  /^(?:pihak|lembaga|organisasi|badan|kelompok|perusahaan|yayasan|komunitas|asosiasi|koalisi|aliansi|partai|klub)\s+\p{Lu}/u

const isRoleWord = (key: string): boolean => TITLES.has(key) || ROLE_WORDS.has(key)

/** Who a noun phrase names, if anyone: `Presiden Putin`, `dia`, `pemain itu`. */
export function referenceOf(phrase: string): Reference | null {
  const np = phrase.trim()
  if (np === '') return null
  // `kata @farhanalv`: an account is quoted under its handle.
  const handle = np.match(/^@[\p{L}\p{N}_.]*[\p{L}\p{N}_]/u)
  if (handle) return { type: 'name', speaker: { name: handle[0], person: true } }
  const first = np.match(WORD)?.[0] ?? ''
  if (/^(?:dia|ia|beliau|pihaknya)$/i.test(first)) return { type: 'pronoun' }
  // `sang pelatih`, `si pengusaha`: the role points back to whoever held it.
  const role = np.match(/^(?:sang|si)\s+(\p{Ll}+)/u)
  if (role) return { type: 'anaphor', head: role[1] }
  if (/\s(?:itu|tersebut|ini)$/.test(np) && /^\p{Ll}/u.test(np)) {
    return { type: 'anaphor', head: first.toLowerCase() === 'mantan' ? '' : first.toLowerCase() }
  }
  // `kuasa hukum Hendrogiarto`, `istri Budi`: someone's relation, whom the article does not name.
  if (RELATION.test(np)) return { type: 'unnamed' }
  const words = np.match(WORD) ?? []
  if (words.every((w) => isRoleWord(w.toLowerCase())))
    return { type: 'anaphor', head: first.toLowerCase(), bare: true }
  // `Pendeportasian tersebut`, `Juventus itu`: a thing pointed at, not a speaker named.
  const run = words.findIndex((w) => !/^\p{Lu}/u.test(w))
  if (run > 0 && /^(?:itu|tersebut|ini)$/.test(words[run])) return null
  if (words.length === 1 && /^(?:pe|ke|per)\p{Ll}{3,}an$/u.test(words[0])) return null
  // Descriptions (`tuan rumah pangkalan AS`) name no one unless a name ends them.
  const found = nameFromPhrase(np)
  // `Ketua DKPP`, `Presiden Rusia`: a role of a body or country, held by whoever it named before.
  const head = first.toLowerCase()
  const bodyOnly = found?.name
    .split(' ')
    .every((w) => ACRONYM.test(w) || PLACES.has(w.toLowerCase()))
  if (found && !found.person && bodyOnly && TITLES.has(head) && !ORGANISATION_WORDS.has(head))
    return { type: 'anaphor', head, bare: true }
  // `pihak Gedung Putih`, `lembaga Climate Council` name the body; other descriptions do not.
  if (found && /^\p{Ll}/u.test(np) && !found.person && !BODY_LEAD.test(np)) return null
  if (found?.person || !found) {
    if (found) return { type: 'name', speaker: found }
    const lead = leadingRun(words)
    return lead ? { type: 'name', speaker: lead } : null
  }
  return { type: 'name', speaker: found }
}

/** The capitalised run a clause opens with, after its connectives: `Mourinho yakin …` → Mourinho. */
function leadingRun(words: string[]): Speaker | null {
  let i = 0
  while (i < words.length && CONNECTIVES.has(words[i].toLowerCase())) i++
  const run: string[] = []
  for (; i < words.length && /^\p{Lu}/u.test(words[i]); i++) run.push(words[i])
  return run.length > 0 ? nameFromPhrase(run.join(' ')) : null
}

/** The phrase that names a speaker after a verb: up to a comma or `saat`, `dalam`, `di` …. */
function phraseAfterVerb(rest: string): string {
  // `kata pria yang akrab disapa Bima itu`: the name the description gives.
  const called = rest.match(
    /^\s*\p{Ll}+(?:\s+\p{Ll}+)?\s+yang\s+(?:akrab\s+|biasa\s+)?(?:disapa|dipanggil)\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)*)/u
  )
  if (called) return called[1]
  const stop = rest.search(NP_STOP)
  const first = beforeVerb(stop < 0 ? rest : rest.slice(0, stop))
  // `Wakil Sekretaris Jenderal untuk Operasi Perdamaian Jean-Pierre Lacroix`: a role cut by
  // a preposition; the name closes the role's own phrase.
  if (stop >= 0 && rest[stop] !== ',' && titleOnly(first)) {
    const from = stop + 1 + (rest.slice(stop + 1).match(/^\S+/)?.[0].length ?? 0)
    const next = rest.slice(from).search(NP_STOP)
    const longer = rest.slice(0, next < 0 ? rest.length : from + next)
    const named = referenceOf(longer)
    if (named?.type === 'name' && named.speaker.person) return longer
  }
  // `kata Ketua Bawaslu Kota Pariaman, Riswan usai …`: the name comes after the role.
  if (stop >= 0 && rest[stop] === ',') {
    const role = referenceOf(first)
    const after = rest.slice(stop + 1)
    const second = after.search(NP_STOP)
    const apposition = second < 0 ? after : after.slice(0, second)
    const named = referenceOf(apposition)
    // `Kepala SMAN 1 Sukorejo, Rohadi`: a phrase led by a title is the role of the name after it.
    const titled = TITLES.has(first.trim().split(/\s+/)[0]?.toLowerCase() ?? '')
    const roleOnly =
      !role || titled || role.type === 'unnamed' || (role.type === 'name' && !role.speaker.person)
    if (roleOnly && /^\s*\p{Lu}/u.test(after))
      if (named?.type === 'name' && named.speaker.person) return apposition
  }
  return first
}

/** `anggota DKPP Dewi Pitalolo membacakan …`: the phrase up to a verb that follows a name. */
function beforeVerb(phrase: string): string {
  let named = false
  for (const word of phrase.matchAll(WORD)) {
    // `tanya sus Rini dan dijawab Rayyanza`: a second clause joined by `dan` is cut off too.
    if (named && isVerbLike(word[0]))
      return phrase.slice(0, word.index).replace(/\s+(?:dan|serta|lalu|kemudian)\s*$/u, '')
    named ||= /^\p{Lu}/u.test(word[0])
  }
  return phrase
}

/** Whether a phrase is titles only: `Wakil Sekretaris Jenderal`. */
function titleOnly(phrase: string): boolean {
  const words = phrase.match(WORD) ?? []
  return words.length > 0 && words.every((w) => TITLES.has(w.toLowerCase()))
}

/**
 * The reporting clause right after a closing mark: `, kata X`, `," ujarnya`, `," X menambahkan`.
 * `after` is the rest of the sentence.
 */
export function attributionAfter(after: string): Reference | null {
  const lead = after.match(/^[\s,.!?–—-]*/)?.[0] ?? ''
  const rest = after.slice(lead.length)
  const firstWord = rest.match(/^[\p{L}\p{M}]+/u)?.[0] ?? ''
  // `ujarJokowi`: a missing space between verb and name.
  const glued = firstWord.match(/^(\p{Ll}+)(\p{Lu}.*)$/u)
  const verbWord = glued ? glued[1] : firstWord
  const verb = reportingVerb(verbWord)
  if (verb) {
    if (verb.pronoun) return { type: 'pronoun', answer: /^(?:jawab|balas|sahut)/.test(verbWord) }
    const phrase = phraseAfterVerb(rest.slice(verbWord.length))
    if (UNNAMED.test(phrase)) return { type: 'unnamed' }
    return referenceOf(phrase)
  }
  // `," Ancelotti mengungkapkan.` / `," mantan bintang … itu menambahkan.`
  const words = [...rest.matchAll(WORD)].slice(0, 16)
  const at = words.findIndex((w) => PREFIXED_VERBS.has(w[0].toLowerCase()))
  if (at <= 0) return null
  if (words.slice(0, at).some((w) => isVerbLike(w[0]) && !ADVERBS.has(w[0]))) return null
  const phrase = rest.slice(0, words[at].index).replace(/\s+(?:pun|juga|lalu|kemudian)\s*$/, '')
  return referenceOf(phrase)
}

/** The subject of the clause that ends at a reporting verb: `Presiden Belarus X, yang …, menambahkan`. */
export function subjectBefore(head: string): Reference | null {
  const segments = head.split(',')
  for (let s = segments.length - 1; s >= 0; s--) {
    const segment = segments[s]
    let words = [...segment.matchAll(WORD)]
    const lowerAt = (i: number): string => words[i][0].toLowerCase()
    while (words.length > 0 && ADVERBS.has(lowerAt(words.length - 1))) words = words.slice(0, -1)
    while (
      words.length > 0 &&
      CONNECTIVES.has(lowerAt(0)) &&
      !/^(?:dia|ia|beliau)$/.test(lowerAt(0))
    )
      words = words.slice(1)
    if (words.length === 0 || lowerAt(0) === 'yang') continue
    const verbAt = words.findIndex((w) => isVerbLike(w[0]))
    let np = verbAt >= 0 ? words.slice(0, verbAt) : words
    while (np.length > 0 && ADVERBS.has(np[np.length - 1][0].toLowerCase())) np = np.slice(0, -1)
    if (np.length === 0) continue
    const last = np[np.length - 1]
    const found = referenceOf(
      segment.slice(np[0].index, last.index + last[0].length + closingParen(segment, last))
    )
    // `Qatar, tuan rumah pertemuan itu, menyatakan`: an appositive description, keep looking.
    if (found && !(found.type === 'anaphor' && s > 0)) return found
  }
  return null
}

/** Length of a `(…)` right after a word, so `Uni Emirat Arab (UEA)` keeps its alias whole. */
function closingParen(segment: string, word: RegExpMatchArray): number {
  const rest = segment.slice((word.index ?? 0) + word[0].length)
  return rest.match(/^\)?/)?.[0].length ?? 0
}

/** The last speech verb before `end` in a clause, as the text before it. */
export function headBeforeSpeechVerb(clause: string): string | null {
  const words = [...clause.matchAll(WORD)]
  for (let i = words.length - 1; i >= 0; i--) {
    const key = words[i][0].toLowerCase()
    const stem = key.endsWith('nya') ? key.slice(0, -3) : key
    if (PREFIXED_VERBS.has(key) || FRAGMENT_VERBS.has(key) || PREFIXED_VERBS.has(stem))
      return clause.slice(0, words[i].index)
  }
  return null
}

/** An inverted attribution inside a sentence: `…, kata juru bicara pemerintah Basim Alawadi, …`. */
export function invertedAttribution(sentence: string): Reference | null {
  for (const match of sentence.matchAll(/[,"”’']\s*(\p{Ll}+)(?=[\s,]|\p{Lu})/gu)) {
    const word = match[1]
    if (!BARE_VERBS.has(word) && !(word.endsWith('nya') && BARE_VERBS.has(word.slice(0, -3))))
      continue
    const found = attributionAfter(sentence.slice(match.index + 1))
    if (found) return found
  }
  return null
}
