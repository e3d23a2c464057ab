import type { Core } from '../../src/main/core/core'
import type { Annotation, ArticleDetail } from '../../src/shared/model'
import { importFile, SEED, tempCore, value } from './core'

/** A note with everything a CSV, YAML or HTML writer can get wrong, in Indonesian. */
export const TRICKY_NOTE =
  'Bandingkan: "kata Putin", lalu <b>tebal</b> & \'kutip\', koma, titik;\nbaris kedua — ééé ñ, Rp1.500,00 & “kutipan”\n\n# bukan judul'

export interface Library {
  core: Core
  article: ArticleDetail
  annotations: Annotation[]
}

export const rangeOf = (text: string, quote: string): { start: number; end: number } => {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`not in text: ${quote}`)
  return { start, end: start + quote.length }
}

/** The seed article with a highlight, a quote with its speaker, a note and an article note. */
export async function library(): Promise<Library> {
  const core = await tempCore()
  const { id } = await importFile(core, SEED)
  await value(core, 'articles.update', {
    id,
    title: 'Putin: "CSTO" & <Minsk>, kerja sama',
    outlet: 'Kompas',
    author: 'Tim Redaksi',
    url: 'https://example.com/putin-csto',
    publishedAt: '2024-11-23'
  })
  const article = await value<ArticleDetail>(core, 'articles.get', { id })
  const made: Annotation[] = []
  const create = async (input: Record<string, unknown>): Promise<void> => {
    made.push(await value<Annotation>(core, 'annotations.create', { articleId: id, ...input }))
  }
  await create({
    kind: 'highlight',
    ...rangeOf(article.text, 'CSTO menyatukan enam negara bekas Soviet'),
    color: 'green',
    labels: ['fact', 'important'],
    note: TRICKY_NOTE
  })
  await create({
    kind: 'quote',
    ...rangeOf(article.text, 'Organisasi kami tetap menjadi faktor penting'),
    color: 'pink',
    labels: ['quote', 'wawancara lanjutan'],
    speaker: 'Alexander Lukashenko'
  })
  await create({
    kind: 'note',
    ...rangeOf(article.text, 'Dmitry Peskov'),
    color: 'blue',
    note: 'Juru bicara, bukan menteri.'
  })
  await create({ kind: 'note', note: 'Catatan artikel: *penting* untuk liputan, "CSTO".' })
  return { core, article, annotations: made }
}

export async function render(
  core: Core,
  input: Record<string, unknown>
): Promise<{
  content: string
  fileName: string
  mimeType: string
  files?: Array<{ fileName: string; content: string }>
}> {
  return value(core, 'export.render', input)
}
