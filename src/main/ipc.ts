import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import type { z } from 'zod'
import { CHANNELS, EVENT_CHANNEL, SAVE_CHANNELS } from '../shared/channels'
import { fail, ok, SorotFailure, type Result } from '../shared/result'
import type { Core } from './core/core'
import {
  saveFileRequestSchema,
  saveFilesRequestSchema,
  type SaveOutcome
} from '../shared/save-requests'
import {
  dialogFilters,
  plainFileName,
  writeFilesIntoFolder,
  writeSavedFile
} from './core/export/save-files'
import { isTrustedSender } from './core/security'
import { appUrl } from './window'

/** Calls begun and not yet answered: quitting waits for them, so no write is cut off. */
const inFlight = new Set<Promise<unknown>>()

function tracked<T>(work: Promise<T>): Promise<T> {
  inFlight.add(work)
  const done = (): void => void inFlight.delete(work)
  work.then(done, done)
  return work
}

/**
 * Resolves once every IPC call already begun (and any begun meanwhile) has answered, or after
 * `limitMs`: a stalled URL fetch must not keep the app from quitting.
 */
export async function settleCalls(limitMs = 20_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, limitMs)))
  const settled = (async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight])
  })()
  await Promise.race([settled, limit])
  clearTimeout(timer)
}

/** True when the call comes from the app's own page in its main frame, not from a subframe. */
function fromAppMainFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  return isTrustedSender({ frame, isMainFrame: frame === event.sender.mainFrame }, appUrl())
}

/** Binds every contract channel to dispatch, behind the sender-frame check. */
export function bindContract(core: Core): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!fromAppMainFrame(event))
        return fail('forbidden', 'Refused: the call did not come from the Sorot window')
      return tracked(core.dispatch(channel, input))
    })
  }
  bindSaveDialogs()
}

/**
 * Binds a save handler behind the same sender check: the request is parsed first, and any
 * failure comes back as a Result, never as a thrown IPC error.
 */
function handleSave<T>(
  channel: string,
  schema: z.ZodType<T>,
  save: (window: BrowserWindow, request: T) => Promise<SaveOutcome>
): void {
  ipcMain.handle(channel, (event, input: unknown): Promise<Result<SaveOutcome>> => {
    if (!fromAppMainFrame(event))
      return Promise.resolve(
        fail('forbidden', 'Refused: the call did not come from the Sorot window')
      )
    const window = BrowserWindow.fromWebContents(event.sender)
    const parsed = schema.safeParse(input)
    if (!window || !parsed.success)
      return Promise.resolve(fail('bad_input', `${channel}: not a save request`))
    return tracked(
      save(window, parsed.data).then(ok, (error: unknown) =>
        error instanceof SorotFailure
          ? fail(error.code, error.message)
          : fail('storage', `Could not save: ${(error as Error).message}`)
      )
    )
  })
}

/**
 * The OS save dialogs: one file through showSaveDialog (every OS asks there before replacing),
 * several into a chosen folder, asking before any existing file is replaced.
 */
export function bindSaveDialogs(): void {
  handleSave(SAVE_CHANNELS.file, saveFileRequestSchema, async (window, request) => {
    const choice = await dialog.showSaveDialog(window, {
      defaultPath: plainFileName(request.suggestedName),
      filters: dialogFilters(request.suggestedName, request.mimeType),
      properties: ['createDirectory', 'showOverwriteConfirmation']
    })
    if (choice.canceled || !choice.filePath) return { status: 'cancelled' }
    return writeSavedFile(choice.filePath, request.content)
  })
  handleSave(SAVE_CHANNELS.files, saveFilesRequestSchema, async (window, request) => {
    const choice = await dialog.showOpenDialog(window, {
      properties: ['openDirectory', 'createDirectory', 'promptToCreate']
    })
    const dir = choice.filePaths[0]
    if (choice.canceled || !dir) return { status: 'cancelled' }
    return writeFilesIntoFolder(dir, request.files, async (existing) => {
      const { message, replace, cancel } = request.overwritePrompt
      const answer = await dialog.showMessageBox(window, {
        type: 'warning',
        message,
        detail: existing.join('\n'),
        buttons: [cancel, replace],
        defaultId: 0,
        cancelId: 0
      })
      return answer.response === 1
    })
  })
}

/** Forwards core events to a window until it closes. */
export function forwardEvents(core: Core, contents: WebContents): void {
  const unsubscribe = core.events.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event)
  })
  contents.once('destroyed', unsubscribe)
}
