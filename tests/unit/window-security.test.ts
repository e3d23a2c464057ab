import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { mainWindowOptions } from '../../src/main/window-options'
import { ROOT } from '../support/paths'

describe("the main window (Electron's security checklist)", () => {
  const prefs = mainWindowOptions('/app/out/preload/index.js').webPreferences ?? {}

  it('isolates and sandboxes the page, with no Node anywhere in it', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false
    })
  })

  it('keeps web security on, refuses insecure content, experiments, <webview> and drop navigation', () => {
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false
    })
    expect(prefs.preload).toBe('/app/out/preload/index.js')
  })

  it('creates windows only through the checked options, and guards navigation and permissions', () => {
    const source = readFileSync(path.join(ROOT, 'src/main/window.ts'), 'utf8')
    expect(source.match(/new BrowserWindow\(/g)).toHaveLength(1)
    expect(source).toContain('new BrowserWindow(mainWindowOptions(preloadPath))')
    for (const guard of [
      "contents.on('will-navigate'",
      "contents.on('will-redirect'",
      'contents.setWindowOpenHandler(',
      "contents.on('will-attach-webview'",
      'setPermissionRequestHandler((_contents, _permission, callback) => callback(false))',
      'setPermissionCheckHandler(() => false)'
    ])
      expect(source, guard).toContain(guard)
  })

  it('exposes one method per channel from the preload, never ipcRenderer itself', () => {
    const preload = readFileSync(path.join(ROOT, 'src/preload/index.ts'), 'utf8')
    expect(preload).toMatch(/exposeInMainWorld\('sorot', buildBridge\(\)\)/)
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/)
  })
})
