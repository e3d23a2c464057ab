import { contextBridge, ipcRenderer } from 'electron'
import { groupByNoun, type SorotBridge } from '../shared/api'
import { EVENT_CHANNEL, SAVE_CHANNELS } from '../shared/channels'
import type { SorotEvent } from '../shared/model'

/** One method per channel, grouped by noun (`sorot.articles.list(input)`); never ipcRenderer. */
function buildBridge(): SorotBridge {
  return {
    ...groupByNoun((channel, input) => ipcRenderer.invoke(channel, input)),
    saveFile: (request) => ipcRenderer.invoke(SAVE_CHANNELS.file, request),
    saveFiles: (request) => ipcRenderer.invoke(SAVE_CHANNELS.files, request),
    onEvent: (listener) => {
      const forward = (_event: unknown, payload: SorotEvent): void => listener(payload)
      ipcRenderer.on(EVENT_CHANNEL, forward)
      return () => void ipcRenderer.removeListener(EVENT_CHANNEL, forward)
    }
  }
}

contextBridge.exposeInMainWorld('sorot', buildBridge())
