/**
 * The save channels' requests (SAVE_CHANNELS in channels.ts): what a page may ask the OS save
 * dialogs for, parsed in main before any dialog opens.
 */
import { z } from 'zod'
import { MAX_ARCHIVE_CHARS } from './limits'

const fileName = z.string().min(1).max(255)
const content = z.string().max(MAX_ARCHIVE_CHARS)
const promptText = z.string().min(1).max(500)

/** One file to save through the OS save dialog (which asks before replacing a file). */
export const saveFileRequestSchema = z
  .object({ suggestedName: fileName, content, mimeType: z.string().max(200) })
  .strict()

/** Several files (a split Markdown export) to save into a folder the reader chooses. */
export const saveFilesRequestSchema = z
  .object({
    files: z.array(z.object({ fileName, content }).strict()).min(1).max(10_000),
    mimeType: z.string().max(200),
    /** The question asked, in the UI's language, when some of the files already exist there. */
    overwritePrompt: z
      .object({ message: promptText, replace: promptText, cancel: promptText })
      .strict()
  })
  .strict()

export type SaveFileRequest = z.infer<typeof saveFileRequestSchema>
export type SaveFilesRequest = z.infer<typeof saveFilesRequestSchema>

/** Where a save went, or that the reader cancelled it. */
export type SaveOutcome =
  { status: 'saved'; location: string; count: number } | { status: 'cancelled' }
