import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ProtocolHandler, StandIn, StandInWindow } from './electron-stand-in'
import { loadMainBundle, PRELOAD_BUNDLE, tempDir, until } from './main-bundle'

/** The Electron app as the browser suite drives it: real main bundle, real preload, a page. */
export interface ElectronPage {
  shell: StandIn
  window: StandInWindow
  dataDir: string
  /** Every channel the page invoked, in order. */
  invoked: string[]
  /** Paths the page fetched from the renderer server (never /rpc or /events). */
  fetched: string[]
  close(): Promise<void>
}

/**
 * What Electron does for a sandboxed preload, done in the page: the built preload runs with a
 * `require` that offers only `electron`, whose contextBridge puts the API on `window` and whose
 * ipcRenderer carries calls to the test process (a binding) and events back.
 */
function initScript(preload: string): string {
  return `(() => {
  if (window !== window.top) return
  const listeners = new Map()
  const ipcRenderer = {
    invoke: (channel, ...args) => window.__sorotIpcInvoke(channel, ...args),
    on(channel, listener) {
      if (!listeners.has(channel)) listeners.set(channel, new Set())
      listeners.get(channel).add(listener)
      return ipcRenderer
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    }
  }
  const contextBridge = {
    exposeInMainWorld(key, api) {
      Object.defineProperty(window, key, { value: Object.freeze(api), enumerable: true })
    }
  }
  Object.defineProperty(window, '__sorotIpcDeliver', {
    value: (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener({}, payload)
    }
  })
  const require = (name) => {
    if (name === 'electron') return { contextBridge, ipcRenderer }
    throw new Error('module not found: ' + name)
  }
  const module = { exports: {} }
  ;(function (require, module, exports) {
${preload}
  })(require, module, module.exports)
})()`
}

/**
 * Starts the built main bundle against the recorded Electron, serves the renderer through the
 * shell's own app:// handler on 127.0.0.1 (the shell's development mode, ELECTRON_RENDERER_URL,
 * so its guards and sender check trust that origin), and opens the page the window loaded.
 */
export async function openElectronPage(page: Page): Promise<ElectronPage> {
  const fetched: string[] = []
  const invoked: string[] = []
  // Filled once the shell has registered its app:// handler.
  const app: { serve?: ProtocolHandler } = {}
  const server = http.createServer((req, res) => {
    fetched.push(req.url ?? '')
    if (!app.serve) return void res.writeHead(503).end()
    void Promise.resolve(app.serve(new Request(`app://sorot${req.url}`, { method: req.method })))
      .then(async (answer) => {
        res.writeHead(answer.status, Object.fromEntries(answer.headers))
        res.end(Buffer.from(await answer.arrayBuffer()))
      })
      .catch(() => res.writeHead(500).end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  const dataDir = tempDir()
  const shell = loadMainBundle(dataDir, {
    ELECTRON_RENDERER_URL: `http://127.0.0.1:${port}/index.html`
  })
  shell.ready()
  app.serve = await until(() => shell.records.protocolHandlers.get('app'), 'the app:// handler')
  const window = await until(() => shell.records.windows[0], 'the main window')
  const url = await until(() => window.loadedUrls[0], 'the URL the window loads')

  await page.exposeBinding('__sorotIpcInvoke', async (source, channel: string, ...args) => {
    invoked.push(channel)
    const isMain = source.frame === source.page.mainFrame()
    // The frame the call came from, as Electron would report it.
    if (isMain) window.webContents.mainFrame.url = source.frame.url()
    return shell.invoke(
      channel,
      args[0],
      isMain ? {} : { mainFrame: false, frameUrl: source.frame.url() }
    )
  })
  window.webContents.onSend = (channel, payload) =>
    void page
      .evaluate(
        ([c, p]) =>
          (
            window as unknown as { __sorotIpcDeliver(c: unknown, p: unknown): void }
          ).__sorotIpcDeliver(c, p),
        [channel, payload] as const
      )
      .catch(() => undefined)
  await page.addInitScript({ content: initScript(readFileSync(PRELOAD_BUNDLE, 'utf8')) })
  await page.goto(url)
  window.webContents.emit('did-finish-load')
  return {
    shell,
    window,
    dataDir,
    invoked,
    fetched,
    close: async () => {
      window.webContents.onSend = null
      await shell.quit()
      await new Promise((resolve) => server.close(resolve))
    }
  }
}
