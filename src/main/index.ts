import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  protocol,
  type MenuItemConstructorOptions
} from 'electron'
import path from 'node:path'
import type { ImportOutcome } from '../shared/model'
import { openCore, type Core } from './core/core'
import { expandImportPaths, IMPORTABLE_EXTENSIONS, readImportFile } from './core/import/sources'
import { importItems, type ImportItem } from './core/library/import'
import { bindContract, forwardEvents, settleCalls } from './ipc'
import { getSettings } from './core/library/settings'
import { DesktopWords } from './desktop-words'
import { keychainSecrets } from './sync-secrets'
import { APP_SCHEME_PRIVILEGES } from './app-protocol'
import { createMainWindow, lockDownSession, serveAppProtocol } from './window'

/** `--data-dir DIR` on the command line, else SOROT_DATA_DIR, else Electron's userData. */
function chosenDataDir(): string {
  const index = process.argv.indexOf('--data-dir')
  const flag =
    index > 0
      ? process.argv[index + 1]
      : process.argv.find((a) => a.startsWith('--data-dir='))?.slice(11)
  const chosen = flag || process.env.SOROT_DATA_DIR
  if (chosen) app.setPath('userData', path.resolve(chosen))
  return app.getPath('userData')
}

const resourcesDir = (): string =>
  app.isPackaged ? process.resourcesPath : path.join(app.getAppPath(), 'resources')

let core: Core | undefined
let mainWindow: BrowserWindow | null = null
const words = new DesktopWords()

/** Imports files or a whole folder chosen in the OS dialog, with progress on the taskbar. */
async function importFromDialog(kind: 'files' | 'folder'): Promise<void> {
  if (!core || !mainWindow) return
  const window = mainWindow
  const choice = await dialog.showOpenDialog(window, {
    properties: kind === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections'],
    filters:
      kind === 'folder'
        ? undefined
        : [
            {
              name: words.t('desktop.dialog.articles'),
              extensions: IMPORTABLE_EXTENSIONS.map((e) => e.slice(1))
            }
          ]
  })
  if (choice.canceled) return
  const files = await expandImportPaths(choice.filePaths)
  const unsubscribe = core.events.subscribe((event) => {
    if (event.type === 'import.progress' && !window.isDestroyed())
      window.setProgressBar(event.done < event.total ? event.done / event.total : -1)
  })
  const items: ImportItem[] = []
  const outcomes: ImportOutcome[] = []
  for (const file of files) {
    try {
      items.push({ name: file, bytes: await readImportFile(file) })
    } catch (error) {
      outcomes.push({ input: file, status: 'failed', error: (error as Error).message })
    }
  }
  try {
    outcomes.push(...(await importItems(core.store, items, (event) => core?.events.emit(event))))
  } finally {
    unsubscribe()
    if (!window.isDestroyed()) window.setProgressBar(-1)
  }
  const failed = outcomes.filter((o) => o.status === 'failed')
  if (failed.length) {
    await dialog.showMessageBox(window, {
      type: 'warning',
      message: words.t('desktop.dialog.importFailed', {
        count: failed.length,
        total: outcomes.length
      }),
      detail: failed.map((o) => o.error).join('\n')
    })
  }
}

/** Files the OS asked Sorot to open (file associations) before the core was ready. */
const filesToOpen: string[] = process.argv.slice(1).filter(isOpenableFile)

function isOpenableFile(arg: string): boolean {
  return !arg.startsWith('-') && IMPORTABLE_EXTENSIONS.includes(path.extname(arg).toLowerCase())
}

/** Imports files opened with Sorot (double-click, "Open with") and shows the first one. */
async function openFiles(files: string[]): Promise<void> {
  if (!core) {
    filesToOpen.push(...files)
    return
  }
  const items: ImportItem[] = []
  for (const file of files) {
    try {
      items.push({ name: file, bytes: await readImportFile(file) })
    } catch (error) {
      if (mainWindow) dialog.showErrorBox('Sorot', (error as Error).message)
    }
  }
  if (items.length === 0) return
  const outcomes = await importItems(core.store, items, (event) => core?.events.emit(event))
  const shown = outcomes.find((o) => o.id)
  if (shown?.id) core.events.emit({ type: 'article.open', id: shown.id })
  const failed = outcomes.filter((o) => o.status === 'failed')
  if (failed.length && mainWindow)
    await dialog.showMessageBox(mainWindow, {
      type: 'warning',
      message: words.t('desktop.dialog.openFailed'),
      detail: failed.map((o) => o.error).join('\n')
    })
}

// macOS hands opened files over as events, also before the app is ready.
app.on('open-file', (event, file) => {
  event.preventDefault()
  void openFiles([file])
})

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: words.t('desktop.menu.file'),
      submenu: [
        {
          label: words.t('desktop.menu.importFiles'),
          accelerator: 'CmdOrCtrl+O',
          click: () => void importFromDialog('files')
        },
        {
          label: words.t('desktop.menu.importFolder'),
          accelerator: 'CmdOrCtrl+Shift+O',
          click: () => void importFromDialog('folder')
        },
        { type: 'separator' },
        process.platform === 'darwin' ? { role: 'close' } : { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

async function start(): Promise<void> {
  lockDownSession()
  serveAppProtocol()
  core = await openCore({
    dataDir: chosenDataDir(),
    version: app.getVersion(),
    sampleFile: path.join(resourcesDir(), 'samples', 'seed.txt'),
    // The writer lock for the app's lifetime; the wait outlasts a crashed app's stale lock.
    lock: { holder: 'app', waitMs: 11_000 },
    dailySnapshot: true,
    // Live sync resumes with the last server, its password read back from the keychain.
    syncSecrets: keychainSecrets(app.getPath('userData')),
    resumeSync: true
  })
  bindContract(core)
  const startCore = core
  await words.use(getSettings(startCore.store).language, app.getLocale())
  buildMenu()
  // The menu and dialogs follow the language the reader picks in settings, live.
  core.events.subscribe((event) => {
    if (event.type !== 'settings.changed') return
    void words.use(event.settings.language, app.getLocale()).then(buildMenu)
  })
  mainWindow = createMainWindow(path.join(__dirname, '../preload/index.js'))
  forwardEvents(core, mainWindow.webContents)
  mainWindow.on('closed', () => (mainWindow = null))
  // Files opened with Sorot before it was ready: imported once the page can show them.
  mainWindow.webContents.once('did-finish-load', () => void openFiles(filesToOpen.splice(0)))
  await showRecoveries()
  // An article's files are read when it is first opened: a repair then is told the same way.
  core.events.subscribe((event) => {
    if (event.type === 'storage.recovered') void showRecoveries()
  })
  for (const warning of core.warnings.splice(0))
    await dialog.showMessageBox(mainWindow, { type: 'warning', message: warning })
}

/** Tells the reader about each damaged file: where it was kept and what replaced it. */
async function showRecoveries(): Promise<void> {
  if (!core || !mainWindow) return
  for (const recovery of core.recoveries.splice(0)) {
    await dialog.showMessageBox(mainWindow, {
      type: 'warning',
      message: words.t('desktop.dialog.damaged'),
      detail: [
        words.t('desktop.dialog.damagedDetail', {
          file: recovery.file,
          reason: recovery.reason,
          movedTo: recovery.movedTo
        }),
        recovery.restoredFrom
          ? words.t('desktop.dialog.restoredFrom', {
              backup: path.join(core.store.dataDir, 'backups', recovery.restoredFrom)
            })
          : words.t('desktop.dialog.noBackup')
      ].join(' ')
    })
  }
}

// The app's scheme gets its privileges (a secure, standard origin) only before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

const dataDir = chosenDataDir()
if (!app.requestSingleInstanceLock({ dataDir })) {
  app.quit()
} else {
  app.on('second-instance', (_event, argv) => {
    // Windows and Linux start a second instance with the file to open on its command line.
    const files = argv.slice(1).filter(isOpenableFile)
    if (files.length) void openFiles(files)
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  // .then(start).catch: a library that cannot be opened (newer schema, locked) must say why.
  app
    .whenReady()
    .then(start)
    .catch(async (error: unknown) => {
      await words.use(null, app.getLocale()).catch(() => undefined)
      dialog.showErrorBox(
        words.t('desktop.dialog.startFailed'),
        error instanceof Error ? error.message : String(error)
      )
      app.exit(1)
    })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) {
      mainWindow = createMainWindow(path.join(__dirname, '../preload/index.js'))
      forwardEvents(core, mainWindow.webContents)
    }
  })
  let flushed = false
  let flushing = false
  app.on('before-quit', (event) => {
    if (flushed || !core) return
    event.preventDefault()
    // A second Cmd+Q while closing waits for the same close.
    if (flushing) return
    flushing = true
    const closing = core
    // Calls already begun finish their writes first; then the store flushes and unlocks.
    void settleCalls()
      .then(() => closing.close())
      .finally(() => {
        flushed = true
        app.quit()
      })
  })
}
