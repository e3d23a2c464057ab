import { randomUUID } from 'node:crypto'
import { describe } from '../../../shared/anchoring'
import {
  ANNOTATION_COLORS,
  DEFAULT_ANNOTATION_COLOR,
  isAnnotationColor,
  isArticleNote,
  type AnnotationColor
} from '../../../shared/annotations'
import type { Annotation, AnnotationKind, AnnotationTarget } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import type { JsonFile } from '../store/json-file'
import type { LibraryStore } from '../store/library-store'
import { SCHEMA_VERSION, type AnnotationsFile } from '../store/schemas'
import { newestText, type ArticleText } from './versions'
import type { Emit } from '../events'

/** What a reader gives to make an annotation; start and end are canonical-text offsets. */
export interface NewAnnotation {
  articleId: string
  kind: AnnotationKind
  start?: number
  end?: number
  color?: string
  labels?: string[]
  note?: string
  speaker?: string | null
}

/** The fields an update may change; a new start and end re-target it (and re-attach an orphan). */
export interface AnnotationChanges {
  articleId: string
  id: string
  color?: string
  labels?: string[]
  note?: string
  speaker?: string | null
  start?: number
  end?: number
  otherNotes?: string[]
}

const badInput = (message: string): SorotFailure => new SorotFailure('bad_input', message)

async function requireNewestText(store: LibraryStore, articleId: string): Promise<ArticleText> {
  const article = await newestText(store, articleId)
  if (!article) throw new SorotFailure('not_found', `Article ${articleId} has no stored text`)
  return article
}

/** Checks `start..end` against the article's text and describes it; names the bad field. */
function targetOf(article: ArticleText, start?: number, end?: number): AnnotationTarget {
  if (start === undefined) throw badInput('start: is required together with end')
  if (end === undefined) throw badInput('end: is required together with start')
  const length = article.text.length
  if (!Number.isInteger(start) || start < 0 || start >= length)
    throw badInput(`start: must be a whole number from 0 to ${length - 1}, not ${start}`)
  if (!Number.isInteger(end) || end > length)
    throw badInput(
      `end: must be a whole number of at most ${length} (the text's length), not ${end}`
    )
  if (end <= start) throw badInput(`end: must be greater than start (${start}), not ${end}`)
  return { version: article.version, selectors: describe(article.text, start, end) }
}

function checkedColor(color: string | undefined): AnnotationColor | undefined {
  if (color !== undefined && !isAnnotationColor(color))
    throw badInput(`color: must be one of ${ANNOTATION_COLORS.join(', ')}, not ${color}`)
  return color
}

/** Trimmed, without empty or repeated labels, in the order given. */
export function cleanLabels(labels: readonly string[]): string[] {
  return [...new Set(labels.map((label) => label.trim()).filter(Boolean))]
}

// The import use case finds it here too.
export { isArticleNote }

/** Refuses a second live article note: an article has at most one. */
function assertNoArticleNote(annotations: readonly Annotation[], articleId: string): void {
  const existing = annotations.find((a) => isArticleNote(a) && !a.deletedAt)
  if (existing)
    throw badInput(
      `kind: article ${articleId} already has an article note (${existing.id}); update that one`
    )
}

/** Article note first, then by place in the text, orphans (no place now) last. */
function inTextOrder(a: Annotation, b: Annotation): number {
  const rank = (x: Annotation): number => (!x.target ? 0 : x.orphan ? 2 : 1)
  const [pa, pb] = [a.target?.selectors[0], b.target?.selectors[0]]
  return (
    rank(a) - rank(b) ||
    (pa?.start ?? 0) - (pb?.start ?? 0) ||
    (pa?.end ?? 0) - (pb?.end ?? 0) ||
    a.createdAt.localeCompare(b.createdAt)
  )
}

async function annotationsOf(
  store: LibraryStore,
  articleId: string
): Promise<JsonFile<AnnotationsFile>> {
  store.requireArticleMeta(articleId)
  return store.annotationsFile(articleId)
}

function findIn(file: JsonFile<AnnotationsFile>, articleId: string, id: string): Annotation {
  const annotation = file.data.annotations.find((a) => a.id === id)
  if (!annotation)
    throw new SorotFailure('not_found', `No annotation with id ${id} on article ${articleId}`)
  return annotation
}

/**
 * An article's annotations: the live ones in text order, or with `trash` the ones in the
 * trash, most recently deleted first.
 */
export async function listAnnotations(
  store: LibraryStore,
  articleId: string,
  options: { trash?: boolean } = {}
): Promise<Annotation[]> {
  const file = await annotationsOf(store, articleId)
  const found = file.data.annotations.filter((a) => Boolean(a.deletedAt) === Boolean(options.trash))
  found.sort(
    options.trash ? (a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? '') : inTextOrder
  )
  return structuredClone(found)
}

/**
 * Creates a highlight, quote or note. Highlights and quotes need a range of the newest
 * version's text; a note without one is the article note (one per article). Bad input is
 * refused before anything is written.
 */
export async function createAnnotation(
  store: LibraryStore,
  input: NewAnnotation,
  emit: Emit
): Promise<Annotation> {
  const { articleId, kind } = input
  const article = await requireNewestText(store, articleId)
  const hasRange = input.start !== undefined || input.end !== undefined
  if (kind !== 'note' && !hasRange) throw badInput(`start: a ${kind} needs start and end offsets`)
  const target = hasRange ? targetOf(article, input.start, input.end) : undefined
  const color = checkedColor(input.color) ?? DEFAULT_ANNOTATION_COLOR
  const file = await store.annotationsFile(articleId)
  if (!target) assertNoArticleNote(file.data.annotations, articleId)
  const now = new Date().toISOString()
  const annotation: Annotation = {
    id: randomUUID(),
    articleId,
    kind,
    ...(target && { target }),
    color,
    labels: cleanLabels(input.labels ?? []),
    note: input.note ?? '',
    ...((kind === 'quote' || input.speaker !== undefined) && { speaker: input.speaker ?? null }),
    createdAt: now,
    updatedAt: now
  }
  await file.update((data) => {
    data.schemaVersion = SCHEMA_VERSION
    data.annotations.push(annotation)
  })
  emit({ type: 'annotations.changed', articleId })
  return structuredClone(annotation)
}

/** Changes an annotation's colour, labels, note or speaker, or moves it to a new range. */
export async function updateAnnotation(
  store: LibraryStore,
  changes: AnnotationChanges,
  emit: Emit
): Promise<Annotation> {
  const { articleId, id } = changes
  const file = await annotationsOf(store, articleId)
  const hasRange = changes.start !== undefined || changes.end !== undefined
  const article = hasRange ? await requireNewestText(store, articleId) : null
  const current = findIn(file, articleId, id)
  if (current.deletedAt) throw badInput(`id: annotation ${id} is in the trash; restore it first`)
  const target = article ? targetOf(article, changes.start, changes.end) : undefined
  const color = checkedColor(changes.color)
  await file.update((data) => {
    data.schemaVersion = SCHEMA_VERSION
    const annotation = data.annotations.find((a) => a.id === id)
    if (!annotation) return
    if (color !== undefined) annotation.color = color
    if (changes.labels !== undefined) annotation.labels = cleanLabels(changes.labels)
    if (changes.note !== undefined) annotation.note = changes.note
    if (changes.speaker !== undefined) annotation.speaker = changes.speaker
    if (changes.otherNotes !== undefined) setOtherNotes(annotation, changes.otherNotes)
    if (target) {
      annotation.target = target
      delete annotation.orphan
    }
    annotation.updatedAt = new Date().toISOString()
    stampFields(annotation, Object.keys(changes), annotation.updatedAt)
  })
  emit({ type: 'annotations.changed', articleId })
  return structuredClone(findIn(file, articleId, id))
}

/** Records when fields were set, for sync's field-by-field merge (start/end set the target). */
function stampFields(annotation: Annotation, fields: string[], time: string): void {
  const times = (annotation.fieldTimes ??= {})
  for (const field of fields) {
    if (field === 'start' || field === 'end') times.target = time
    else if (field !== 'id' && field !== 'articleId') times[field] = time
  }
  if (times.target === time) times.orphan = time
}

/** Sets the other texts a sync kept of a note; none left (the reader chose one) clears them. */
function setOtherNotes(annotation: Annotation, others: readonly string[]): void {
  const kept = [...new Set(others)].filter((text) => text !== annotation.note).sort()
  if (kept.length > 0) annotation.otherNotes = kept
  else delete annotation.otherNotes
}

/** Moves an annotation to the trash (soft delete); deleting it again changes nothing. */
export async function deleteAnnotation(
  store: LibraryStore,
  articleId: string,
  id: string,
  emit: Emit
): Promise<Annotation> {
  const file = await annotationsOf(store, articleId)
  if (!findIn(file, articleId, id).deletedAt) {
    const deletedAt = new Date().toISOString()
    await file.update((data) => {
      const annotation = data.annotations.find((a) => a.id === id)
      if (annotation) annotation.deletedAt = deletedAt
      if (annotation) stampFields(annotation, ['deletedAt'], deletedAt)
    })
  }
  emit({ type: 'annotations.changed', articleId })
  return structuredClone(findIn(file, articleId, id))
}

/** Takes an annotation back out of the trash. */
export async function restoreAnnotation(
  store: LibraryStore,
  articleId: string,
  id: string,
  emit: Emit
): Promise<Annotation> {
  const file = await annotationsOf(store, articleId)
  const annotation = findIn(file, articleId, id)
  if (annotation.deletedAt) {
    if (isArticleNote(annotation)) assertNoArticleNote(file.data.annotations, articleId)
    await file.update((data) => {
      const restored = data.annotations.find((a) => a.id === id)
      if (restored) delete restored.deletedAt
      if (restored) stampFields(restored, ['deletedAt'], new Date().toISOString())
    })
  }
  emit({ type: 'annotations.changed', articleId })
  return structuredClone(findIn(file, articleId, id))
}

/** Deletes an article's trashed annotations for good and returns them. */
export async function emptyAnnotationTrash(
  store: LibraryStore,
  articleId: string,
  emit: Emit
): Promise<Annotation[]> {
  const file = await annotationsOf(store, articleId)
  const trashed = file.data.annotations.filter((a) => a.deletedAt)
  if (trashed.length > 0)
    await file.update((data) => {
      data.annotations = data.annotations.filter((a) => !a.deletedAt)
    })
  emit({ type: 'annotations.changed', articleId })
  return structuredClone(trashed)
}
