/** Annotation colours and default labels, shared by the core, the UI and exports. */
import type { Annotation, AnnotationCounts } from './model'

/** The colours a highlight can have, in the order the UI offers them. */
export const ANNOTATION_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const

export type AnnotationColor = (typeof ANNOTATION_COLORS)[number]

/** The colour of a new annotation when none is chosen. */
export const DEFAULT_ANNOTATION_COLOR: AnnotationColor = 'yellow'

/** Label keys every library starts with; the UI translates them, readers may add their own. */
export const DEFAULT_LABELS = ['quote', 'important', 'fact', 'question', 'person'] as const

export type DefaultLabel = (typeof DEFAULT_LABELS)[number]

/** True when `color` is one of the annotation colours. */
export function isAnnotationColor(color: string): color is AnnotationColor {
  return (ANNOTATION_COLORS as readonly string[]).includes(color)
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
