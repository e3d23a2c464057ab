import { createHash } from 'node:crypto'
import { z } from 'zod'
import { idSchema } from '../../../shared/contract'
import { SorotFailure } from '../../../shared/result'
import { annotationSchema, articleFileSchema, storedMetaSchema } from '../store/schemas'
import { readerDocSchema, READER_DOC_ID, type ReaderDoc } from './reader-doc'

/**
 * The CouchDB documents of a synced library (DESIGN.md §9). Ids carry a kind and a key made
 * only of safe characters, so an id from a server can never name a path; bodies are checked by
 * the store's own zod schemas before anything is written.
 */
export const DOC_ID = /^(article|annotation|reader):[A-Za-z0-9_-]{1,64}$/

/** A document's body larger than this is refused: a hostile server cannot fill the disk. */
export const MAX_DOC_BYTES = 8 * 1024 * 1024

const versionSchema = articleFileSchema.shape.versions.element

/** An article: its metadata (last writer wins as a whole) and every version (a union). */
export const articleDocSchema = z.object({
  kind: z.literal('article'),
  meta: storedMetaSchema.omit({ id: true, versionCount: true }),
  /** The id the article had where it was first synced: a suggestion for new devices. */
  localId: idSchema,
  versions: z.array(versionSchema).min(1)
})

/** When each annotation field was last set: the per-field clock of the merge. */
export const fieldTimesSchema = z.record(z.string(), z.string())

/** An annotation: it points at its article by key and at its version by content hash. */
export const annotationDocSchema = z.object({
  kind: z.literal('annotation'),
  articleKey: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  versionHash: z.string().nullable(),
  annotation: annotationSchema.omit({ articleId: true }).extend({ id: idSchema })
})

export type ArticleDoc = z.infer<typeof articleDocSchema>
export type AnnotationDoc = z.infer<typeof annotationDocSchema>
export type SyncDoc = ArticleDoc | AnnotationDoc | ReaderDoc

const syncDocSchema = z.discriminatedUnion('kind', [
  articleDocSchema,
  annotationDocSchema,
  readerDocSchema
])

/**
 * The key that names an article on the server, the same on every device: its URL when it has
 * one, else the content hash of its first version (so two libraries that imported the same
 * article merge into one).
 */
export function articleKey(url: string | null, firstHash: string): string {
  const basis = url ? `url:${url.trim()}` : `hash:${firstHash}`
  return createHash('sha256').update(basis).digest('hex').slice(0, 40)
}

export const articleDocId = (key: string): string => `article:${key}`
export const annotationDocId = (id: string): string => `annotation:${id}`

/** A body from the server without CouchDB's own fields. */
function bodyOf(raw: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(raw)) if (!name.startsWith('_')) body[name] = value
  return body
}

/**
 * Checks a document that came from the server and returns it typed, or throws a failure that
 * names the document and the field. Nothing is written before every document passed.
 */
export function parseRemoteDoc(id: string, raw: Record<string, unknown>): SyncDoc {
  if (!DOC_ID.test(id))
    throw new SorotFailure(
      'bad_input',
      `The server sent a document with a bad id: ${JSON.stringify(id.slice(0, 80))}`
    )
  // Names an object's own machinery in JavaScript: never a real article or annotation.
  if (/:(__proto__|constructor|prototype)$/.test(id))
    throw new SorotFailure('bad_input', `The server sent a document with a forbidden id: ${id}`)
  const size = Buffer.byteLength(JSON.stringify(raw))
  if (size > MAX_DOC_BYTES)
    throw new SorotFailure(
      'bad_input',
      `The server sent document ${id} of ${size} bytes (the limit is ${MAX_DOC_BYTES})`
    )
  const parsed = syncDocSchema.safeParse(bodyOf(raw))
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new SorotFailure(
      'bad_input',
      `The server sent a malformed document ${id}: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`
    )
  }
  const doc = parsed.data
  if (doc.kind === 'reader' ? id !== READER_DOC_ID : doc.kind !== id.slice(0, id.indexOf(':')))
    throw new SorotFailure('bad_input', `The server sent document ${id} holding a ${doc.kind}`)
  if (doc.kind === 'annotation' && annotationDocId(doc.annotation.id) !== id)
    throw new SorotFailure(
      'bad_input',
      `The server sent document ${id} holding annotation ${doc.annotation.id}`
    )
  return doc
}
