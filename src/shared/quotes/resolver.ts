/**
 * Who a reference stands for: a name as it is, a pronoun for the last speaker, a role word
 * (`sang pelatih`, `politikus itu`) for the person that role named earlier. Each answer carries
 * a confidence; with nothing to point at, the answer is null rather than a guess.
 */

import { invertedAttribution, referenceOf, subjectBefore, type Reference } from './attribution'
import type { Context } from './context'
import { FRAGMENT_VERBS, PREFIXED_VERBS } from './lexicon'
import type { QuoteSpan } from './marks'
import { isKnownName, type Speaker } from './names'

export interface Attributed {
  speaker: Speaker
  confidence: number
}

interface Mention {
  at: number
  speaker: Speaker
  /** Named as the subject of a reporting verb (`X mengatakan …`, `menurut X`): a speaker. */
  reporting: boolean
  /** A subject the article does not name (`Hakim mengatakan …`): pronouns after it stay null. */
  unnamed?: boolean
}

const NOBODY: Speaker = { name: '', person: true }

/** How far back (in mentions) a pronoun or role word is followed. */
const LOOK_BACK = 40

/** Words for a person that say nothing of the role: `pria itu`, `perempuan tersebut`. */
const PERSON_WORDS = new Set(
  'pria wanita perempuan laki-laki lelaki sosok orang bocah remaja ayah ibu istri suami anak'.split(
    ' '
  )
)

export class Resolver {
  readonly #context: Context
  /** Sentence subjects outside quotes, in text order. */
  readonly #mentions: Mention[]
  /** Speakers given to quotations so far, in the order the quotations come. */
  readonly #speakers: Mention[] = []

  constructor(context: Context) {
    this.#context = context
    this.#mentions = subjectMentions(context)
  }

  /** Records that the quotation at `at` was given to `speaker`. */
  heard(at: number, speaker: Speaker): void {
    this.#speakers.push({ at, speaker, reporting: true })
  }

  /** Records that the clause of the quotation at `at` names nobody the article names. */
  heardNobody(at: number): void {
    this.#speakers.push({ at, speaker: NOBODY, reporting: true, unnamed: true })
  }

  /** The speaker a reference stands for, with how sure that is. */
  resolve(reference: Reference | null, at: number): Attributed | null {
    if (!reference || reference.type === 'unnamed') return null
    if (reference.type === 'name') {
      const { speaker } = reference
      const known = isKnownName(speaker, this.#context.book)
      // An ordinary word the article never shows as part of a name: say null, not a guess.
      if (speaker.common && !known) return null
      return { speaker, confidence: known ? 0.92 : 0.7 }
    }
    if (reference.type === 'anaphor' && reference.head !== '') {
      const byRole = this.#context.book.roleBefore(reference.head, at)
      if (byRole) return { speaker: byRole, confidence: 0.78 }
      const head = reference.head
      const organisation = this.#recent(at).find(
        (m) => !m.speaker.person && m.speaker.name.toLowerCase().startsWith(head)
      )
      if (organisation) return { speaker: organisation.speaker, confidence: 0.72 }
      if (reference.bare) return null
    }
    if (reference.type === 'pronoun' && reference.answer) {
      const addressed = this.#addressed(at)
      if (addressed) return { speaker: addressed, confidence: 0.75 }
    }
    // A role word nobody held earlier points at the last speaker less surely than a pronoun.
    const vague = reference.type === 'anaphor' && !PERSON_WORDS.has(reference.head)
    const recent = this.#recent(at)
    // The subject of the quote's own paragraph comes first; further back, only speakers count.
    const paragraphStart = this.#context.paragraphs.at(at).start
    // `Pihak sekolah menyatakan`: an ordinary word the article never shows as a name is skipped.
    const named = (m: Mention): boolean =>
      this.#isPerson(m.speaker) &&
      !(m.speaker.common && !isKnownName(m.speaker, this.#context.book))
    const local = recent.find(named)
    if (local && local.at >= paragraphStart)
      return local.unnamed ? null : { speaker: local.speaker, confidence: vague ? 0.55 : 0.8 }
    const speaker = recent.find((m) => m.reporting && named(m))
    if (speaker?.unnamed) return null
    if (speaker) return { speaker: speaker.speaker, confidence: vague ? 0.55 : 0.8 }
    const person = recent.find((m) => named(m) && !m.unnamed)
    return person ? { speaker: person.speaker, confidence: vague ? 0.5 : 0.62 } : null
  }

  /** A direct quote without its own clause continues the speaker of the quote just before it. */
  inherited(
    previous: { speaker: string | null; kind: string; span: QuoteSpan } | null,
    span: QuoteSpan
  ): Attributed | null {
    if (!previous?.speaker || previous.kind !== 'direct') return null
    const { paragraphs, masked, text } = this.#context
    const paragraph = paragraphs.at(span.openAt)
    const between = masked.slice(previous.span.closeAt + 1, span.openAt)
    const speaker = { name: previous.speaker, person: true }
    if (previous.span.openAt >= paragraph.start) {
      const sentences = between.split(/[.!?]\s/).filter((s) => s.trim() !== '').length
      return sentences > 1 ? null : { speaker, confidence: 0.85 }
    }
    // Only from a quote paragraph right before this one, when this paragraph opens with the quote.
    const previousParagraph = paragraphs.before(paragraph)
    if (!previousParagraph || previous.span.openAt < previousParagraph.start) return null
    if (!/^\s*$/.test(text.slice(paragraph.start, span.openAt))) return null
    if (!/^\s*$/.test(text.slice(previousParagraph.start, previous.span.openAt))) return null
    return { speaker, confidence: 0.75 }
  }

  /**
   * A direct quote no clause attributes, given to the person the text just named as a subject:
   * in the sentence before it, or, when it opens its paragraph, in the paragraph before
   * (`Hana menyampaikan permintaan maaf.` then a paragraph of quotation).
   */
  neighbour(span: QuoteSpan): Attributed | null {
    const { paragraphs, text } = this.#context
    const paragraph = paragraphs.at(span.openAt)
    const opensParagraph = /^\s*$/.test(text.slice(paragraph.start, span.openAt))
    const previous = paragraphs.before(paragraph)
    const from = opensParagraph ? (previous?.start ?? paragraph.start) : paragraph.start
    for (let i = lastBefore(this.#mentions, span.openAt); i >= 0; i--) {
      const mention = this.#mentions[i]
      if (mention.at < from) break
      const { speaker } = mention
      if (mention.unnamed) return null
      if (!this.#isPerson(speaker)) continue
      if (speaker.common && !isKnownName(speaker, this.#context.book)) continue
      return { speaker, confidence: opensParagraph ? 0.7 : 0.65 }
    }
    return null
  }

  #isPerson(speaker: Speaker): boolean {
    return speaker.person || this.#context.book.initials.has(speaker.name)
  }

  /** Who the last quotation spoke to: the speaker before it who is not its own. */
  #addressed(at: number): Speaker | null {
    let last: Mention | null = null
    for (let j = this.#speakers.length - 1, n = 0; j >= 0 && n < LOOK_BACK; j--, n++) {
      const heard = this.#speakers[j]
      if (heard.at >= at) continue
      if (!last) last = heard
      else if (!heard.unnamed && heard.speaker.name !== last.speaker.name) return heard.speaker
    }
    return null
  }

  /** Mentions and speakers before `at`, latest first, at most LOOK_BACK of each. */
  #recent(at: number): Mention[] {
    const picked: Mention[] = []
    let i = lastBefore(this.#mentions, at)
    for (let n = 0; i >= 0 && n < LOOK_BACK; i--, n++) picked.push(this.#mentions[i])
    let j = this.#speakers.length - 1
    for (let n = 0; j >= 0 && n < LOOK_BACK; j--) {
      if (this.#speakers[j].at >= at) continue
      picked.push(this.#speakers[j])
      n++
    }
    return picked.sort((a, b) => b.at - a.at)
  }
}

/** Index of the last mention before `at` in a list sorted by offset, or -1. */
function lastBefore(mentions: Mention[], at: number): number {
  let lo = 0
  let hi = mentions.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (mentions[mid].at < at) lo = mid + 1
    else hi = mid
  }
  return lo - 1
}

/** People and bodies named as sentence subjects outside quotes, for resolving pronouns. */
function subjectMentions(context: Context): Mention[] {
  const mentions: Mention[] = []
  for (const paragraph of context.paragraphs.list) {
    for (const [start, end] of context.sentences.sentencesOf(paragraph.start, paragraph.end)) {
      const sentence = context.masked.slice(start, Math.min(end, start + 600))
      const menurut = sentence.match(/(?:^|\s)[Mm]enurut\s+([^,.]+)[,.]/u)
      if (menurut) {
        const reference = referenceOf(menurut[1])
        if (reference?.type === 'name')
          mentions.push({ at: start, speaker: reference.speaker, reporting: true })
        // `… yang menurut dia, …`: the sentence is the last speaker's, it names no new subject.
        if (reference?.type === 'pronoun') continue
      }
      // `Bagi Simon, Pertamina …`: the sentence is Simon's view, its subject is not a speaker.
      const bagi = sentence.match(/^\s*Bagi\s+([^,.]+),/u)
      const viewOf = bagi ? referenceOf(bagi[1]) : null
      if (viewOf?.type === 'name' && viewOf.speaker.person) {
        mentions.push({ at: start, speaker: viewOf.speaker, reporting: true })
        continue
      }
      // `Diskursus publik …, kata sosiolog Malte Reichelt.`: the speaker, not the subject.
      const inverted = invertedAttribution(sentence)
      if (inverted?.type === 'name') {
        mentions.push({ at: start, speaker: inverted.speaker, reporting: true })
        continue
      }
      // The clause verb, or failing that the first lower-case word after a capitalised subject.
      const verb =
        sentence.match(/\s(?:me|ber|di)\p{Ll}{3,}/u) ?? sentence.match(/^\p{Lu}[^,]*?\s(?=\p{Ll})/u)
      // `"…," mantan bintang … itu menambahkan`: a description, not a subject that names anyone.
      if (!verb || /^[\s"“”'‘’,.]*\p{Ll}/u.test(sentence)) continue
      // `…, Senin (20/10) Menteri X, Tawfiq F. Al-Rabiah, menyampaikan …`: a reporting verb's subject.
      const said = reportingSubject(sentence)
      if (said) {
        mentions.push(mentionOf(context, said, start, true))
        continue
      }
      const reference = subjectBefore(
        sentence.slice(0, verb.index === 0 ? verb[0].length : verb.index)
      )
      if (reference?.type !== 'name' && !(reference?.type === 'anaphor' && reference.bare)) continue
      // `X berharap …`, `X meminta …`: a stance put in words makes X a speaker too.
      const key = verb[0].trim().toLowerCase()
      const reporting = PREFIXED_VERBS.has(key) || FRAGMENT_VERBS.has(key)
      mentions.push(mentionOf(context, reference, start, reporting))
    }
  }
  return mentions
}

type Subject = Extract<Reference, { type: 'name' | 'anaphor' }>

/** A named subject, or a bare role (`Hakim`): whoever held it earlier, else nobody named. */
function mentionOf(context: Context, subject: Subject, at: number, reporting: boolean): Mention {
  if (subject.type === 'name') return { at, speaker: subject.speaker, reporting }
  const held = context.book.roleBefore(subject.head, at)
  return held ? { at, speaker: held, reporting } : { at, speaker: NOBODY, reporting, unnamed: true }
}

/** The first prefixed reporting verb standing as a whole word (one pass, not a lookup a word). */
const PREFIXED_VERB = new RegExp(
  `(?<![\\p{L}\\p{M}])(?:${[...PREFIXED_VERBS].join('|')})(?![\\p{L}\\p{M}])`,
  'u'
)

/** The person, body or bare role named before the first reporting verb of a sentence. */
function reportingSubject(sentence: string): Subject | null {
  const verb = sentence.search(PREFIXED_VERB)
  if (verb >= 0) {
    const reference = subjectBefore(sentence.slice(0, verb))
    if (reference?.type === 'name') return reference
    return reference?.type === 'anaphor' && reference.bare ? reference : null
  }
  return null
}
