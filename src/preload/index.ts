import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS } from '../shared/channels'
import { SAVE_CHANNELS, type SorotBridge } from './bridge'

const EVENT_CHANNEL = 'sorot:event'

/** One method per channel, grouped by noun (`sorot.articles.list(input)`); never ipcRenderer. */
function buildBridge(): SorotBridge {
  const bridge: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of CHANNELS) {
    const [noun, verb] = channel.split('.')
    bridge[noun] ??= {}
    bridge[noun][verb] = (input?: unknown) => ipcRenderer.invoke(channel, input ?? {})
  }
  return {
    ...bridge,
    saveFile: (request) => ipcRenderer.invoke(SAVE_CHANNELS.file, request),
    saveFiles: (request) => ipcRenderer.invoke(SAVE_CHANNELS.files, request),
    onEvent: (listener) => {
      const forward = (_event: unknown, payload: Parameters<typeof listener>[0]): void =>
        listener(payload)
      ipcRenderer.on(EVENT_CHANNEL, forward)
      return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward)
    }
  } as SorotBridge
}

contextBridge.exposeInMainWorld('sorot', buildBridge())
