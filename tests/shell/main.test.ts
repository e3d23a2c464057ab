import type { EventEmitter } from 'node:events'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CHANNELS } from '../../src/shared/channels'
import { CORPUS } from '../support/paths'
import { electronEvent, type StandIn, type StandInWindow } from './support/electron-stand-in'
import { loadMainBundle, PRELOAD_BUNDLE, tempDir, until } from './support/main-bundle'

const APP_URL = 'app://sorot/index.html'
const SAVE_CHANNELS = ['sorot:save-file', 'sorot:save-files']

let running: StandIn | undefined

/** Loads out/main/index.js over `dataDir`, fires ready, and waits for its window. */
async function startApp(dataDir = tempDir()): Promise<{ shell: StandIn; window: StandInWindow }> {
  const shell = loadMainBundle(dataDir)
  running = shell
  shell.ready()
  const window = await until(() => shell.records.windows[0], 'the main window')
  await until(() => shell.records.applicationMenus[0], 'the application menu')
  return { shell, window }
}

afterEach(async () => {
  // Quits the app so its core closes and releases the data dir's lock.
  if (running && !running.records.lifecycle.includes('quit')) await running.quit()
  running = undefined
})

type Answer<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } }

/** A real article the sample library does not hold yet. */
const ARTICLE = path.join(CORPUS, 'real', '01-kompas-pilot-susi-air.txt')
const seedItem = (): { name: string; base64: string } => ({
  name: path.basename(ARTICLE),
  base64: readFileSync(ARTICLE).toString('base64')
})

/** Every real article of the corpus but the one imported first. */
const corpusItems = (): Array<{ name: string; base64: string }> =>
  readdirSync(path.join(CORPUS, 'real'))
    .filter((name) => name.endsWith('.txt') && name !== path.basename(ARTICLE))
    .map((name) => ({
      name,
      base64: readFileSync(path.join(CORPUS, 'real', name)).toString('base64')
    }))

describe('the built main process (out/main/index.js) against recorded Electron', () => {
  it('starts one window with the checked options, the CSP hook and every guard', async () => {
    const { shell, window } = await startApp()
    const { records } = shell
    expect(records.windows).toHaveLength(1)
    const prefs = window.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false
    })
    // Checklist: no Blink features switched on behind the page's back.
    expect(prefs.enableBlinkFeatures).toBeUndefined()
    expect(path.resolve(String(prefs.preload))).toBe(PRELOAD_BUNDLE)
    expect(existsSync(String(prefs.preload))).toBe(true)
    expect(window.loadedUrls).toEqual([APP_URL])

    // Every response gets the CSP header: no remote origin and no file: anywhere in it.
    let headers: Record<string, string[]> | undefined
    records.headersReceived?.(
      { url: APP_URL, responseHeaders: { 'X-Other': ['kept'] } },
      (answer) => (headers = answer.responseHeaders)
    )
    expect(headers?.['X-Other']).toEqual(['kept'])
    const csp = headers?.['Content-Security-Policy']?.join(';') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/https?:|file:|\*|'unsafe-/)

    for (const guard of ['will-navigate', 'will-redirect', 'will-attach-webview'])
      expect(window.webContents.listenerCount(guard), guard).toBeGreaterThan(0)
    expect(window.webContents.windowOpenHandler).not.toBeNull()
    expect(records.permissionRequestHandler).not.toBeNull()
    expect(records.permissionCheckHandler).not.toBeNull()

    // The page is shown once it is ready, not before (no blank white window).
    expect(window.shown).toBe(false)
    window.emit('ready-to-show')
    expect(window.shown).toBe(true)

    const menu = JSON.stringify(records.applicationMenus.at(-1))
    expect(menu).toContain('CmdOrCtrl+O')
    expect(records.singleInstanceLock).toHaveLength(1)
  })

  it('binds every contract channel, and the save channels, to an ipcMain handler', async () => {
    const { shell } = await startApp()
    const bound = [...shell.records.ipcHandlers.keys()].sort()
    expect(bound).toEqual([...CHANNELS, ...SAVE_CHANNELS].sort())
  })

  it('refuses IPC from a foreign page or a subframe, and lets the app page import', async () => {
    const dataDir = tempDir()
    const { shell } = await startApp(dataDir)
    const BrowserWindow = shell.module.BrowserWindow as new (o: object) => StandInWindow
    const foreign = new BrowserWindow({})
    await foreign.loadURL('https://evil.example/')
    const local = new BrowserWindow({})
    await local.loadURL('file:///tmp/downloaded.html')
    const input = { items: [seedItem()] }
    const listed = async (): Promise<unknown> =>
      ((await shell.invoke('articles.list', {})) as Answer<unknown[]>).ok &&
      ((await shell.invoke('articles.list', {})) as { value: unknown[] }).value.length
    const before = await listed()
    for (const from of [
      { window: foreign },
      { window: local },
      { mainFrame: false, frameUrl: APP_URL },
      { mainFrame: false, frameUrl: 'https://evil.example/ad' }
    ]) {
      const answer = (await shell.invoke('articles.import', input, from)) as Answer<unknown>
      expect(answer, JSON.stringify(from.window?.loadedUrls ?? from)).toMatchObject({
        ok: false,
        error: { code: 'forbidden' }
      })
    }
    // Nothing was imported by the refused calls; the sample article alone is there.
    expect(before).toBe(1)
    expect(await listed()).toBe(before)

    const imported = (await shell.invoke('articles.import', input)) as Answer<
      Array<{ status: string; id?: string }>
    >
    expect(imported.ok).toBe(true)
    const [outcome] = imported.ok ? imported.value : []
    expect(outcome.status).toBe('imported')
    expect(existsSync(path.join(dataDir, 'articles', `${outcome.id}.json`))).toBe(true)
    const index = JSON.parse(readFileSync(path.join(dataDir, 'index.json'), 'utf8')) as {
      articles: Array<{ id: string; title: string }>
    }
    expect(index.articles.map((a) => a.id)).toContain(outcome.id)
    // A save request from a subframe never reaches the OS dialog.
    const save = (await shell.invoke(
      'sorot:save-file',
      { suggestedName: 'x.md', content: 'x', mimeType: 'text/markdown' },
      { mainFrame: false, frameUrl: APP_URL }
    )) as Answer<unknown>
    expect(save).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(shell.records.dialogs.filter((d) => d.kind === 'showSaveDialog')).toEqual([])
  })

  it('refuses navigation away, new windows, webviews and every permission', async () => {
    const { shell, window } = await startApp()
    const contents = window.webContents
    const navigate = (name: string, url: string): boolean => {
      const event = electronEvent()
      contents.emit(name, event, url)
      return event.defaultPrevented
    }
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'app://evil/index.html',
      'javascript:alert(1)',
      'data:text/html,x'
    ]) {
      expect(navigate('will-navigate', url), url).toBe(true)
      expect(navigate('will-redirect', url), url).toBe(true)
    }
    expect(navigate('will-navigate', `${APP_URL}#/article/x`)).toBe(false)
    const webview = electronEvent()
    contents.emit('will-attach-webview', webview, {}, {})
    expect(webview.defaultPrevented).toBe(true)

    const open = contents.windowOpenHandler!
    for (const url of ['https://www.kompas.com/a', 'http://example.org/'])
      expect(open({ url })).toEqual({ action: 'deny' })
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', APP_URL])
      expect(open({ url }), url).toEqual({ action: 'deny' })
    // Only the web links went to the OS browser.
    expect(shell.records.openedExternally).toEqual([
      'https://www.kompas.com/a',
      'http://example.org/'
    ])

    for (const permission of ['geolocation', 'media', 'notifications', 'clipboard-read']) {
      let granted: boolean | undefined
      shell.records.permissionRequestHandler?.(contents, permission, (g) => (granted = g), {})
      expect(granted, permission).toBe(false)
      expect(shell.records.permissionCheckHandler?.(contents, permission, APP_URL, {})).toBe(false)
    }
  })

  it('flushes pending writes before it quits, then releases the library', async () => {
    const dataDir = tempDir()
    const { shell } = await startApp(dataDir)
    const imported = (await shell.invoke('articles.import', { items: [seedItem()] })) as Answer<
      Array<{ id: string }>
    >
    const articleId = imported.ok ? imported.value[0].id : ''
    // Writes still in flight when the reader quits: five highlights and a setting.
    const writes = Array.from({ length: 5 }, (_, i) =>
      shell.invoke('annotations.create', {
        articleId,
        kind: 'highlight',
        start: i * 20,
        end: i * 20 + 10,
        note: `catatan ${i}`
      })
    )
    const settings = shell.invoke('settings.set', { theme: 'sepia' })
    // And an import of every real article still under way.
    const batch = shell.invoke('articles.import', { items: corpusItems() })
    // What is on disk when Electron is about to end the process: later writes would be lost.
    const read = (file: string): string => readFileSync(path.join(dataDir, file), 'utf8')
    let onDisk: { notes: string[]; theme: string; articles: number } | undefined
    ;(shell.module.app as EventEmitter).once('will-quit', () => {
      const stored = JSON.parse(read(`annotations/${articleId}.json`)) as {
        annotations: Array<{ note: string }>
      }
      const notes = stored.annotations.map((a) => a.note).sort()
      const theme = (JSON.parse(read('settings.json')) as { theme: string }).theme
      const index = JSON.parse(read('index.json')) as { articles: unknown[] }
      onDisk = { notes, theme, articles: index.articles.length }
    })
    await shell.quit()
    expect(shell.records.lifecycle).toEqual([
      'quit requested',
      'before-quit prevented',
      'quit requested',
      'quit'
    ])
    expect(onDisk).toEqual({
      notes: ['catatan 0', 'catatan 1', 'catatan 2', 'catatan 3', 'catatan 4'],
      theme: 'sepia',
      // The sample, the first import and every article of the batch.
      articles: 2 + corpusItems().length
    })
    await Promise.all([...writes, settings, batch])
    // The lock is released: the CLI or a new app may open the library now.
    const next = await startApp(dataDir)
    expect(next.window.loadedUrls).toEqual([APP_URL])
  })
})
