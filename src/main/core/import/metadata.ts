import type { Block } from '../../../shared/model'

const MAX_TITLE = 120

/** A line reads as a headline when it is short, has several words and no final full stop. */
export function isHeadline(line: string): boolean {
  const words = line.split(/\s+/).length
  return line.length <= 160 && words >= 2 && !/[.!?,;:"“”]$/.test(line) && !/^["“'‘]/.test(line)
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
