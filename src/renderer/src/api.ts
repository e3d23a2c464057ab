import { callThrough, type SorotApi, type SorotBridge } from '../../shared/api'
import { rpcPath, RPC_PATHS } from '../../shared/channels'
import type { SorotEvent } from '../../shared/model'
import { fail } from '../../shared/result'

function electronApi(bridge: SorotBridge): SorotApi {
  return {
    call: callThrough(bridge),
    subscribe: (listener) => bridge.onEvent(listener),
    saveFile: (request) => bridge.saveFile(request),
    saveFiles: (request) => bridge.saveFiles(request)
  }
}

/**
 * Offers text as a download through a Blob URL: the browser decides where it goes and asks
 * (or numbers the name) rather than replacing a file. Downloads are not governed by the page's
 * CSP, so it needs no change.
 */
function downloadText(fileName: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the URL; give it a moment before it is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

function httpApi(token: string): SorotApi {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
  const listeners = new Set<(event: SorotEvent) => void>()
  let streaming = false

  /** Server-Sent Events read through fetch, so the token travels in a header, not the URL. */
  async function stream(): Promise<void> {
    while (listeners.size > 0) {
      try {
        const response = await fetch(RPC_PATHS.events, { headers })
        if (!response.ok || !response.body) throw new Error(String(response.status))
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
        let buffer = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffer += value
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const data = message
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n')
            if (data) for (const listener of listeners) listener(JSON.parse(data) as SorotEvent)
          }
        }
      } catch {
        // The server went away or restarted: try again shortly.
      }
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    streaming = false
  }

  return {
    async call(channel, input) {
      try {
        const response = await fetch(rpcPath(channel), {
          method: 'POST',
          headers,
          body: JSON.stringify(input)
        })
        // serve answers every call with the channel's Result from the same dispatch as IPC.
        return await response.json()
      } catch (error) {
        return fail('internal', `unreachable: ${String(error)}`)
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      if (!streaming) {
        streaming = true
        void stream()
      }
      return () => listeners.delete(listener)
    },
    async saveFile(request) {
      downloadText(request.suggestedName, request.content, request.mimeType)
      return { ok: true, value: { status: 'saved', location: request.suggestedName, count: 1 } }
    },
    async saveFiles(request) {
      for (const file of request.files) downloadText(file.fileName, file.content, request.mimeType)
      const location = request.files.map((file) => file.fileName).join(', ')
      return { ok: true, value: { status: 'saved', location, count: request.files.length } }
    }
  }
}

function pickBridge(): SorotApi {
  if (window.sorot) return electronApi(window.sorot)
  const token = new URLSearchParams(window.location.search).get('token') ?? ''
  return httpApi(token)
}

/**
 * The renderer's only door to the core. It picks the bridge: `window.sorot` in Electron,
 * HTTP to `sorot serve` in a browser. No other renderer file knows which one is in use.
 */
export const api: SorotApi = pickBridge()

/** Encodes file bytes as base64 for the import channel (both bridges carry JSON-safe data). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}
