import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { CHANNELS } from '../shared/channels'
import { fail } from '../shared/result'
import type { Core } from './core/core'
import { isTrustedSender } from './core/security'
import { appUrl } from './window'

export const EVENT_CHANNEL = 'sorot:event'

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
      return core.dispatch(channel, input)
    })
  }
}

/** Forwards core events to a window until it closes. */
export function forwardEvents(core: Core, contents: WebContents): void {
  const unsubscribe = core.events.subscribe((event) => {
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event)
  })
  contents.once('destroyed', unsubscribe)
}
