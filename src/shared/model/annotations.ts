/** Annotations and their W3C selectors (DESIGN.md §4). */
import type { AnnotationColor, AnnotationKind } from '../enums'

/** W3C Web Annotation selectors over an article's canonical text (DESIGN.md §4). */
export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  exact: string
  prefix: string
  suffix: string
}

export type TextSelector = TextPositionSelector | TextQuoteSelector

/** Where an annotation points: the selectors, and the article version they were made on. */
export interface AnnotationTarget {
  version: number
  selectors: [TextPositionSelector, TextQuoteSelector]
}

/**
 * A highlight, a quote (with its speaker) or a note. An article note has no target. `orphan`
 * is true when the newest article version has no place for the target (kept, never dropped).
 */
export interface Annotation {
  id: string
  articleId: string
  kind: AnnotationKind
  target?: AnnotationTarget
  color: AnnotationColor
  labels: string[]
  /** Markdown. */
  note: string
  speaker?: string | null
  orphan?: boolean
  createdAt: string
  updatedAt: string
  deletedAt?: string
  /** When each field was last set (sync merges field by field, last writer wins). */
  fieldTimes?: Record<string, string>
  /** Other texts of the note, edited on another device at the same time: the reader chooses. */
  otherNotes?: string[]
  /** Who made it (a display name per device or user), in a shared library. */
  author?: string
}
