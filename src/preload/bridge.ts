import type { Channel } from '../shared/channels'
import type { ChannelInput, ChannelResult } from '../shared/contract'
import type { SorotEvent } from '../shared/model'
import type { Result } from '../shared/result'

type Noun<C> = C extends `${infer N}.${string}` ? N : never
type VerbOf<C, N extends string> = C extends `${N}.${infer V}` ? V : never

/** One file to save through the OS save dialog (which asks before replacing a file). */
export interface SaveFileRequest {
  suggestedName: string
  content: string
  mimeType: string
}

/** Several files (a split Markdown export) to save into a folder the reader chooses. */
export interface SaveFilesRequest {
  files: Array<{ fileName: string; content: string }>
  mimeType: string
  /** The question asked, in the UI's language, when some of the files already exist there. */
  overwritePrompt: { message: string; replace: string; cancel: string }
}

/** Where a save went, or that the reader cancelled it. */
export type SaveOutcome =
  { status: 'saved'; location: string; count: number } | { status: 'cancelled' }

/** The IPC channels of the app-level save capability (not contract channels: no core call). */
export const SAVE_CHANNELS = { file: 'sorot:save-file', files: 'sorot:save-files' } as const

/** The object the preload exposes as `window.sorot`: one typed method per channel. */
export type SorotBridge = {
  [N in Noun<Channel>]: {
    [V in VerbOf<Channel, N>]: `${N}.${V}` extends infer C extends Channel
      ? (input: ChannelInput<C>) => Promise<ChannelResult<C>>
      : never
  }
} & {
  onEvent(listener: (event: SorotEvent) => void): () => void
  /** Saves one file through the OS save dialog. */
  saveFile(request: SaveFileRequest): Promise<Result<SaveOutcome>>
  /** Saves several files into a folder chosen in the OS folder dialog. */
  saveFiles(request: SaveFilesRequest): Promise<Result<SaveOutcome>>
}
