import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron'
import path from 'node:path'
import type { ImportOutcome } from '../shared/model'
import { openCore, type Core } from './core/core'
import { expandImportPaths, IMPORTABLE_EXTENSIONS, readImportFile } from './core/import/sources'
import { importItems, type ImportItem } from './core/library/import'
import { bindContract, forwardEvents } from './ipc'
import { createMainWindow, lockDownSession } from './window'

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

/** Imports files or a whole folder chosen in the OS dialog, with progress on the taskbar. */
async function importFromDialog(kind: 'files' | 'folder'): Promise<void> {
  if (!core || !mainWindow) return
  const window = mainWindow
  const choice = await dialog.showOpenDialog(window, {
    properties: kind === 'folder' ? ['openDirectory'] : ['openFile', 'multiSelections'],
    filters:
      kind === 'folder'
        ? undefined
        : [{ name: 'Articles', extensions: IMPORTABLE_EXTENSIONS.map((e) => e.slice(1)) }]
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
      message: `${failed.length} of ${outcomes.length} files could not be imported`,
      detail: failed.map((o) => o.error).join('\n')
    })
  }
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'Import Files…',
          accelerator: 'CmdOrCtrl+O',
          click: () => void importFromDialog('files')
        },
        {
          label: 'Import Folder…',
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
  core = await openCore({
    dataDir: chosenDataDir(),
    version: app.getVersion(),
    sampleFile: path.join(resourcesDir(), 'samples', 'seed.txt')
  })
  bindContract(core)
  buildMenu()
  mainWindow = createMainWindow(path.join(__dirname, '../preload/index.js'))
  forwardEvents(core, mainWindow.webContents)
  mainWindow.on('closed', () => (mainWindow = null))
  for (const recovery of core.recoveries) {
    await dialog.showMessageBox(mainWindow, {
      type: 'warning',
      message: 'A damaged data file was set aside',
      detail: `${recovery.file} could not be read (${recovery.reason}). It was kept as ${recovery.movedTo}.`
    })
  }
}

const dataDir = chosenDataDir()
if (!app.requestSingleInstanceLock({ dataDir })) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox(
      'Sorot could not start',
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
  app.on('before-quit', (event) => {
    if (flushed || !core) return
    event.preventDefault()
    void core.close().finally(() => {
      flushed = true
      app.quit()
    })
  })
}
