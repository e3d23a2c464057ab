import type { Annotation, ArticleVersion } from '../../../shared/model'
import type { StoredMeta } from '../store/schemas'

/**
 * The merge rules of DESIGN.md §9, pure and deterministic: merging a with b gives the same
 * result as merging b with a, so every device that sees both converges on one value.
 */

/** The fields of an annotation merged one by one, each by its own clock. */
export const MERGED_FIELDS = [
  'color',
  'labels',
  'note',
  'speaker',
  'target',
  'orphan',
  'deletedAt'
] as const
type MergedField = (typeof MERGED_FIELDS)[number]

/** When a field was last set: its own clock, else (an annotation older than the clocks) a guess. */
export function fieldTime(annotation: Annotation, field: MergedField): string {
  const own = annotation.fieldTimes?.[field]
  if (own) return own
  if (field === 'deletedAt') return annotation.deletedAt ?? annotation.createdAt
  // With clocks, a field that has none was never changed since it was made.
  return annotation.fieldTimes ? annotation.createdAt : annotation.updatedAt
}

/** JSON with object keys sorted: equal values give equal text whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, inner: unknown) =>
      inner && typeof inner === 'object' && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
        : inner
    ) ?? ''
  )
}

/** Orders two values of one field when their clocks are equal, the same way everywhere. */
function tieBreak(a: unknown, b: unknown): boolean {
  return canonicalJson(a) >= canonicalJson(b)
}

const later = (a: string, b: string): string => (a >= b ? a : b)

/**
 * Merges two copies of one annotation: each field from the copy that set it last; a delete is
 * just a field, so it wins over older edits and loses to newer ones. When both copies changed
 * the note since the last sync (`since`), the losing text is kept in `otherNotes`.
 */
export function mergeAnnotations(a: Annotation, b: Annotation, since: string | null): Annotation {
  const merged: Annotation = { ...a, fieldTimes: {} }
  const times: Record<string, string> = {}
  for (const field of MERGED_FIELDS) {
    const ta = fieldTime(a, field)
    const tb = fieldTime(b, field)
    const fromA = ta > tb || (ta === tb && tieBreak(a[field], b[field]))
    const value = fromA ? a[field] : b[field]
    if (value === undefined) delete (merged as unknown as Record<string, unknown>)[field]
    else (merged as unknown as Record<string, unknown>)[field] = structuredClone(value)
    times[field] = later(ta, tb)
  }
  merged.fieldTimes = times
  merged.createdAt = a.createdAt <= b.createdAt ? a.createdAt : b.createdAt
  merged.updatedAt = later(a.updatedAt, b.updatedAt)
  // An author is set once, where the annotation was made; the smaller name settles a clash.
  const author = [a.author, b.author].filter((name) => name !== undefined).sort()[0]
  if (author === undefined) delete merged.author
  else merged.author = author
  // A copy that has not seen the reader's latest choice between the texts brings none back.
  const chosenAt = later(a.fieldTimes?.otherNotes ?? '', b.fieldTimes?.otherNotes ?? '')
  const current = (x: Annotation): string[] =>
    (x.fieldTimes?.otherNotes ?? '') >= chosenAt ? (x.otherNotes ?? []) : []
  if (chosenAt) times.otherNotes = chosenAt
  const others = new Set([...current(a), ...current(b)])
  const bothEdited = since !== null && fieldTime(a, 'note') > since && fieldTime(b, 'note') > since
  if (bothEdited && a.note !== b.note) others.add(a.note === merged.note ? b.note : a.note)
  others.delete(merged.note)
  if (others.size > 0) merged.otherNotes = [...others].sort()
  else delete merged.otherNotes
  return merged
}

/** Metadata as a whole: the copy edited last wins (a delete of the article is an edit). */
export function mergeMeta<M extends Pick<StoredMeta, 'updatedAt'>>(a: M, b: M): M {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b
  return tieBreak(a, b) ? a : b
}

/**
 * The union of two version lists, one version per content hash, oldest import first and
 * numbered from 1: versions are only ever added.
 */
export function mergeVersions(a: ArticleVersion[], b: ArticleVersion[]): ArticleVersion[] {
  const byHash = new Map<string, ArticleVersion>()
  for (const version of [...a, ...b]) {
    const known = byHash.get(version.contentHash)
    if (!known || version.importedAt < known.importedAt) byHash.set(version.contentHash, version)
  }
  return [...byHash.values()]
    .sort(
      (x, y) =>
        x.importedAt.localeCompare(y.importedAt) || x.contentHash.localeCompare(y.contentHash)
    )
    .map((version, index) => ({ ...structuredClone(version), version: index + 1 }))
}
