/** Window and session policies, kept free of Electron so they are tested directly. */

/** Only web links leave the app, and only to the OS browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/**
 * True when `url` is the app's own page: on the app's own origin (`app://sorot`, whose WHATWG
 * origin is opaque, so scheme and host are compared) or, in development, the electron-vite dev
 * server. A file:// URL is never the app: the app is not loaded from files.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url)
    const app = new URL(appUrl)
    if (app.protocol === 'file:' || target.protocol === 'file:') return false
    if (app.origin === 'null') return target.protocol === app.protocol && target.host === app.host
    return target.origin === app.origin
  } catch {
    return false
  }
}

/** What an IPC call says about where it came from (Electron's senderFrame, reduced to data). */
export interface IpcSender {
  /** The calling frame, or null when it is gone. */
  frame: { url: string } | null
  /** True when the calling frame is its page's main frame (not an iframe). */
  isMainFrame: boolean
}

/** Only the app's own page, in its main frame, may call the core. */
export function isTrustedSender(sender: IpcSender, appUrl: string): boolean {
  return sender.frame !== null && sender.isMainFrame && isAppUrl(sender.frame.url, appUrl)
}
