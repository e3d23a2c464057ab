import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * The main window's options: every item of Electron's security checklist that applies to a
 * window (context isolation, sandbox, no Node in the page or its workers and frames, web
 * security, no insecure content, no experimental features, no <webview>). Kept apart from
 * window.ts, which imports electron, so a unit test can assert them.
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1200,
    height: 800,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Sorot',
    autoHideMenuBar: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false
    }
  }
}
