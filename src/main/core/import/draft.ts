import type { Block, Removal } from '../../../shared/model'

/** What one input becomes before it is stored: clean blocks, what was removed, metadata. */
export interface ArticleDraft {
  title: string
  blocks: Block[]
  removed: Removal[]
  outlet: string | null
  /** The byline's names, joined for display ("A, B"); null when the page names no one. */
  author: string | null
  /** The persons or named desks credited, in order; [] when unknown. */
  authors: string[]
  url: string | null
  publishedAt: string | null
  language: string | null
}

export interface ExtractOptions {
  /** Removals the reader restored (`rule:line:text` keys): kept in the text this time. */
  keep?: ReadonlySet<string>
  /** "Now" for dates written without a year; the clock when absent. */
  reference?: Date
}
