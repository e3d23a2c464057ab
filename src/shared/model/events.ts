import type { Settings } from './settings'

/** Events the core sends to the UI, the same over IPC and Server-Sent Events. */
export type SorotEvent =
  | { type: 'library.changed' }
  | { type: 'annotations.changed'; articleId: string }
  | { type: 'settings.changed'; settings: Settings }
  | { type: 'import.progress'; jobId?: string; done: number; total: number; current: string }
  | { type: 'storage.recovered'; file: string; movedTo: string }
  /** The main process imported a file opened with Sorot: show it. */
  | { type: 'article.open'; id: string }
