import { BrowserWindow, protocol, session, shell, type WebContents } from 'electron'
import path from 'node:path'
import { APP_INDEX_URL, APP_SCHEME, createAppProtocolHandler } from './app-protocol'
import { isAppUrl, isExternalWebUrl } from './core/security'
import { CONTENT_SECURITY_POLICY } from './core/serve/csp'
import { mainWindowOptions } from './window-options'

/** The URL the window loads: the dev server in development, the app's own scheme otherwise. */
export function appUrl(): string {
  return process.env.ELECTRON_RENDERER_URL || APP_INDEX_URL
}

/** The built renderer folder that app:// serves. */
export const rendererDir = (): string => path.join(__dirname, '../renderer')

/**
 * Serves the built renderer on app://sorot (registered privileged before the app is ready, in
 * index.ts); must run once the app is ready and before the window loads.
 */
export function serveAppProtocol(): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir()))
}

/** Denies every permission request (camera, notifications, geolocation, …) for the session. */
export function lockDownSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY]
      }
    })
  })
}

/** No navigation away from the app, no new windows; web links go to the OS browser. */
function guardNavigation(contents: WebContents): void {
  const home = appUrl()
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, home)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, home)) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    // A link opened by a click (target=_blank) reaches here; only http(s) leaves, to the OS browser.
    if (isExternalWebUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

/** The app's one window, with every item of Electron's security checklist that applies. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath))
  guardNavigation(window.webContents)
  window.once('ready-to-show', () => window.show())
  void window.loadURL(appUrl())
  return window
}
