import { app, BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { openCore, type Core } from './core/core'
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

async function importFromDialog(): Promise<void> {
  if (!core || !mainWindow) return
  const choice = await dialog.showOpenDialog(mainWindow, {
    properties: ['openFile', 'multiSelections'],
    filters: [{ name: 'Articles', extensions: ['txt', 'md', 'markdown'] }]
  })
  if (choice.canceled) return
  const items = await Promise.all(
    choice.filePaths.map(async (file) => ({
      name: file,
      base64: (await fs.readFile(file)).toString('base64')
    }))
  )
  const result = await core.dispatch('articles.import', { items })
  const failed = result.ok
    ? (result.value as Array<{ status: string; error?: string }>).filter(
        (o) => o.status === 'failed'
      )
    : []
  if (!result.ok || failed.length) {
    const detail = result.ok ? failed.map((o) => o.error).join('\n') : result.error.message
    await dialog.showMessageBox(mainWindow, {
      type: 'warning',
      message: 'Some files could not be imported',
      detail
    })
  }
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => void importFromDialog() },
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
