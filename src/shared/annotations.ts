/** Annotation colours and default labels, shared by the core, the UI and exports. */
import { ANNOTATION_COLORS, isOneOf, type AnnotationColor } from './enums'
import type { Annotation, AnnotationCounts } from './model'

export { ANNOTATION_COLORS, type AnnotationColor }

/** The colour of a new annotation when none is chosen. */
export const DEFAULT_ANNOTATION_COLOR: AnnotationColor = 'yellow'

/** Label keys every library starts with; the UI translates them, readers may add their own. */
export const DEFAULT_LABELS = ['quote', 'important', 'fact', 'question', 'person'] as const

export type DefaultLabel = (typeof DEFAULT_LABELS)[number]

/** True when `color` is one of the annotation colours. */
export function isAnnotationColor(color: string): color is AnnotationColor {
  return isOneOf(ANNOTATION_COLORS, color)
}

/** True for the article's own note: a note with no passage (DESIGN.md §4). */
export function isArticleNote(annotation: Pick<Annotation, 'kind' | 'target'>): boolean {
  return annotation.kind === 'note' && !annotation.target
}

/** The colour to draw: one of the closed set, whatever string came in (never raw into CSS). */
export function drawnColor(color: string | null | undefined): AnnotationColor {
  return color && isAnnotationColor(color) ? color : DEFAULT_ANNOTATION_COLOR
}

/**
 * How many live highlights, notes and quotes an article has (the library's filters). A note is
 * any written note: the article's own, a note annotation, or one on a highlight or quote.
 */
export function countsOf(annotations: readonly Annotation[]): AnnotationCounts {
  const counts: AnnotationCounts = { highlights: 0, notes: 0, quotes: 0 }
  for (const a of annotations) {
    if (a.deletedAt) continue
    if (a.kind === 'highlight') counts.highlights += 1
    else if (a.kind === 'quote') counts.quotes += 1
    if (a.kind === 'note' || a.note.trim() !== '') counts.notes += 1
  }
  return counts
}

const foldedName = (name: string): string =>
  name.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()

/** True when `author` made the annotation (names compared without case or extra spaces). */
export function isMadeBy(annotation: Pick<Annotation, 'author'>, author: string): boolean {
  return foldedName(annotation.author ?? '') === foldedName(author)
}

/** The distinct authors of some annotations, sorted, for a filter. */
export function authorsOf(annotations: readonly Pick<Annotation, 'author'>[]): string[] {
  const names = new Set<string>()
  for (const { author } of annotations) if (author?.trim()) names.add(author)
  return [...names].sort((a, b) => a.localeCompare(b))
}
