import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from '../../support/paths'

/**
 * A recorded stand-in for the `electron` module: it keeps what the shell asks of Electron
 * (windows, handlers, hooks, menus, dialogs) and lets a test fire Electron's events. It models
 * Electron's own rules (an event's preventDefault, the quit sequence, one handler per channel)
 * and never decides what the shell code decides: navigation, permissions and IPC outcomes come
 * from the shell's own handlers.
 */

export type IpcHandler = (event: IpcEvent, ...args: unknown[]) => unknown
export type ProtocolHandler = (request: Request) => Response | Promise<Response>
export type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void
) => void
type WindowOpenHandler = (details: { url: string }) => { action: string }
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown
) => void

/** An Electron event object: the shell may call preventDefault, the test reads the outcome. */
export interface StandInEvent {
  defaultPrevented: boolean
  preventDefault(): void
}

export function electronEvent(): StandInEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    }
  }
}

export interface Frame {
  url: string
}

export interface IpcEvent {
  sender: StandInWebContents
  senderFrame: Frame | null
  processId: number
  frameId: number
}

let nextId = 1

export class StandInWebContents extends EventEmitter {
  readonly id = nextId++
  readonly mainFrame: Frame = { url: '' }
  windowOpenHandler: WindowOpenHandler | null = null
  readonly sent: Array<{ channel: string; payload: unknown }> = []
  /** Lets a test carry `send` on to a page (the browser mode); recorded either way. */
  onSend: ((channel: string, payload: unknown) => void) | null = null
  destroyed = false
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
  send(channel: string, payload: unknown): void {
    const copy = structuredClone(payload)
    this.sent.push({ channel, payload: copy })
    this.onSend?.(channel, copy)
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

export class StandInWindow extends EventEmitter {
  readonly webContents = new StandInWebContents()
  readonly loadedUrls: string[] = []
  readonly progress: number[] = []
  shown = false
  destroyed = false
  constructor(readonly options: Record<string, unknown>) {
    super()
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url)
    this.webContents.mainFrame.url = url
  }
  show(): void {
    this.shown = true
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
  setProgressBar(value: number): void {
    this.progress.push(value)
  }
  isMinimized(): boolean {
    return false
  }
  restore(): void {}
  focus(): void {}
  /** Closes like Electron: 'close', then the contents and the window are destroyed. */
  close(): void {
    const event = electronEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroyed = this.webContents.destroyed = true
    this.webContents.emit('destroyed')
    this.emit('closed')
  }
}

/** What the shell asked of Electron, in the order it asked. */
export interface Records {
  windows: StandInWindow[]
  ipcHandlers: Map<string, IpcHandler>
  privilegedSchemes: unknown[]
  privilegedBeforeReady: boolean
  protocolHandlers: Map<string, ProtocolHandler>
  permissionRequestHandler: PermissionRequestHandler | null
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null
  headersReceived: HeadersListener | null
  applicationMenus: unknown[][]
  openedExternally: string[]
  dialogs: Array<{ kind: string; options: unknown }>
  singleInstanceLock: unknown[]
  lifecycle: string[]
  exitCode: number | null
  /** What the shell handed the OS keychain (safeStorage) to seal, as plain text. */
  sealed: string[]
}

export interface StandIn {
  module: Record<string, unknown>
  records: Records
  /** Fires Electron's `ready`, as the real app does once it has started. */
  ready(): void
  /** Asks the app to quit, as the OS menu or Cmd+Q would; resolves once it has quit. */
  quit(): Promise<void>
  /** The answers the OS dialogs give next (the reader's choice), by dialog method. */
  dialogAnswers: Record<string, unknown[]>
  /** Invokes an IPC channel as a page frame would: the app's main frame, or any other frame. */
  invoke(
    channel: string,
    input: unknown,
    from?: { window?: StandInWindow; mainFrame?: boolean; frameUrl?: string }
  ): Promise<unknown>
}

/**
 * A fresh stand-in; `userData` is what app.getPath('userData') answers until the shell sets it.
 * `keychain` models an OS that offers safeStorage: it seals reversibly, as the OS would, so a
 * second run of the shell on the same userData reads back what the first sealed.
 */
export function createStandIn(userData: string, keychain = false): StandIn {
  const records: Records = {
    windows: [],
    ipcHandlers: new Map(),
    privilegedSchemes: [],
    privilegedBeforeReady: false,
    protocolHandlers: new Map(),
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    headersReceived: null,
    applicationMenus: [],
    openedExternally: [],
    dialogs: [],
    singleInstanceLock: [],
    lifecycle: [],
    exitCode: null,
    sealed: []
  }
  const paths = new Map<string, string>([['userData', userData]])
  const version = (
    JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string
    }
  ).version
  let isReady = false
  let markReady: () => void = () => undefined
  const readyPromise = new Promise<void>((resolve) => (markReady = resolve))
  let quitDone: () => void = () => undefined
  const quitPromise = new Promise<void>((resolve) => (quitDone = resolve))
  const dialogAnswers: Record<string, unknown[]> = {}

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    whenReady: () => readyPromise,
    isReady: () => isReady,
    getPath: (name: string) => paths.get(name) ?? path.join(userData, `.${name}`),
    setPath: (name: string, value: string) => void paths.set(name, value),
    getAppPath: () => ROOT,
    getVersion: () => version,
    getLocale: () => 'en-US',
    requestSingleInstanceLock: (data?: unknown) => {
      records.singleInstanceLock.push(data)
      return true
    },
    /** Electron's sequence: before-quit, windows close, will-quit, quit; each may be prevented. */
    quit: () => {
      records.lifecycle.push('quit requested')
      const before = electronEvent()
      app.emit('before-quit', before)
      if (before.defaultPrevented) return void records.lifecycle.push('before-quit prevented')
      for (const window of records.windows.filter((w) => !w.destroyed)) window.close()
      const will = electronEvent()
      app.emit('will-quit', will)
      if (will.defaultPrevented) return void records.lifecycle.push('will-quit prevented')
      records.lifecycle.push('quit')
      app.emit('quit', electronEvent(), 0)
      quitDone()
    },
    exit: (code = 0) => {
      records.exitCode = code
      quitDone()
    }
  })

  const answer = (kind: string, options: unknown, fallback: unknown): Promise<unknown> => {
    records.dialogs.push({ kind, options })
    const queued = dialogAnswers[kind]?.shift()
    return Promise.resolve(queued ?? fallback)
  }

  class BrowserWindow extends StandInWindow {
    constructor(options: Record<string, unknown>) {
      super(options)
      records.windows.push(this)
    }
    static getAllWindows(): StandInWindow[] {
      return records.windows.filter((w) => !w.destroyed)
    }
    static fromWebContents(contents: unknown): StandInWindow | null {
      return records.windows.find((w) => w.webContents === contents) ?? null
    }
  }

  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      // Electron ignores (and warns about) privileges given after the app is ready.
      records.privilegedBeforeReady = !isReady
      records.privilegedSchemes.push(...schemes)
    },
    handle: (scheme: string, handler: ProtocolHandler) => {
      if (!isReady) throw new Error('protocol.handle before the app is ready')
      if (records.protocolHandlers.has(scheme)) throw new Error(`${scheme} is already handled`)
      records.protocolHandlers.set(scheme, handler)
    }
  }

  const defaultSession = {
    protocol,
    setPermissionRequestHandler: (handler: PermissionRequestHandler) =>
      void (records.permissionRequestHandler = handler),
    setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) =>
      void (records.permissionCheckHandler = handler),
    webRequest: {
      onHeadersReceived: (listener: HeadersListener) => void (records.headersReceived = listener)
    }
  }

  const module: Record<string, unknown> = {
    app,
    BrowserWindow,
    protocol,
    session: { defaultSession },
    ipcMain: {
      handle: (channel: string, handler: IpcHandler) => {
        if (records.ipcHandlers.has(channel))
          throw new Error(`Attempted to register a second handler for '${channel}'`)
        records.ipcHandlers.set(channel, handler)
      },
      on: () => undefined,
      removeHandler: (channel: string) => void records.ipcHandlers.delete(channel)
    },
    Menu: {
      buildFromTemplate: (template: unknown[]) => ({ template }),
      setApplicationMenu: (menu: { template: unknown[] } | null) =>
        void records.applicationMenus.push(menu?.template ?? [])
    },
    dialog: {
      showOpenDialog: (_window: unknown, options: unknown) =>
        answer('showOpenDialog', options, { canceled: true, filePaths: [] }),
      showSaveDialog: (_window: unknown, options: unknown) =>
        answer('showSaveDialog', options, { canceled: true }),
      showMessageBox: (_window: unknown, options: unknown) =>
        answer('showMessageBox', options, { response: 0, checkboxChecked: false }),
      showErrorBox: (title: string, content: string) =>
        void records.dialogs.push({ kind: 'showErrorBox', options: { title, content } })
    },
    shell: {
      openExternal: async (url: string) => void records.openedExternally.push(url)
    },
    safeStorage: {
      isEncryptionAvailable: () => keychain,
      encryptString: (text: string) => {
        if (!keychain) throw new Error('safeStorage is not available in the stand-in')
        records.sealed.push(text)
        return Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a))
      },
      decryptString: (sealed: Buffer) => {
        if (!keychain) throw new Error('safeStorage is not available in the stand-in')
        return Buffer.from(sealed.map((byte) => byte ^ 0x5a)).toString('utf8')
      }
    },
    nativeTheme: Object.assign(new EventEmitter(), {
      themeSource: 'system',
      shouldUseDarkColors: false
    }),
    webContents: {
      getAllWebContents: () => records.windows.map((w) => w.webContents),
      fromId: (id: number) => records.windows.find((w) => w.webContents.id === id)?.webContents
    }
  }

  return {
    module,
    records,
    dialogAnswers,
    ready() {
      isReady = true
      app.emit('ready', electronEvent(), {})
      markReady()
    },
    quit() {
      app.quit()
      return quitPromise
    },
    async invoke(channel, input, from = {}) {
      const window = from.window ?? records.windows[0]
      if (!window) throw new Error('no window to call from')
      const handler = records.ipcHandlers.get(channel)
      // Electron answers an unhandled channel with a rejected invoke.
      if (!handler) throw new Error(`No handler registered for '${channel}'`)
      const contents = window.webContents
      // The window's main frame (at whatever it loaded), or a subframe of it at `frameUrl`.
      const senderFrame =
        from.mainFrame === false
          ? { url: from.frameUrl ?? contents.mainFrame.url }
          : contents.mainFrame
      const event: IpcEvent = { sender: contents, senderFrame, processId: 1, frameId: 1 }
      // Arguments and answers cross processes by structured clone, as in Electron.
      return structuredClone(await handler(event, structuredClone(input)))
    }
  }
}
