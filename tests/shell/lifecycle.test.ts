import type { EventEmitter } from 'node:events'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CORPUS } from '../support/paths'
import { electronEvent, type StandIn } from './support/electron-stand-in'
import { loadMainBundle, tempDir, until } from './support/main-bundle'

const APP_URL = 'app://sorot/index.html'
const ARTICLE = path.join(CORPUS, 'real', '02-kompas-orangtua-bima.txt')

let running: StandIn | undefined
afterEach(async () => {
  if (running && running.records.exitCode === null && !running.records.lifecycle.includes('quit'))
    await running.quit()
  running = undefined
})

function load(dataDir = tempDir()): { shell: StandIn; app: EventEmitter } {
  const shell = loadMainBundle(dataDir)
  running = shell
  return { shell, app: shell.module.app as EventEmitter }
}

/** How many articles the library lists, asked as the app's page would. */
async function articleCount(shell: StandIn): Promise<number> {
  const answer = (await shell.invoke('articles.list', {})) as { ok: boolean; value: unknown[] }
  return answer.ok ? answer.value.length : -1
}

describe('the app lifecycle of the built main process', () => {
  it('says why a library from a newer Sorot cannot open, exits, and leaves the file alone', async () => {
    const dataDir = tempDir()
    const index = JSON.stringify({ schemaVersion: 999, articles: [] })
    writeFileSync(path.join(dataDir, 'index.json'), index)
    const { shell } = load(dataDir)
    shell.ready()
    await until(() => shell.records.exitCode, 'the app to exit')
    expect(shell.records.exitCode).toBe(1)
    const [error] = shell.records.dialogs.filter((d) => d.kind === 'showErrorBox')
    expect(JSON.stringify(error.options)).toMatch(/newer version of Sorot/)
    expect(shell.records.windows).toHaveLength(0)
    expect(readFileSync(path.join(dataDir, 'index.json'), 'utf8')).toBe(index)
  })

  it('tells the reader, in a dialog, that a damaged file was set aside and where', async () => {
    const dataDir = tempDir()
    writeFileSync(path.join(dataDir, 'settings.json'), '{"schemaVersion": 1, "language": ')
    const { shell } = load(dataDir)
    shell.ready()
    const told = await until(
      () => shell.records.dialogs.find((d) => d.kind === 'showMessageBox'),
      'the recovery dialog'
    )
    expect(told.options).toMatchObject({
      type: 'warning',
      message: 'A damaged data file was set aside'
    })
    expect(JSON.stringify(told.options)).toContain('settings.json')
    expect(shell.records.windows).toHaveLength(1)
  })

  it('imports a file opened before the app was ready once the page has loaded', async () => {
    const { shell, app } = load()
    const opened = electronEvent()
    app.emit('open-file', opened, ARTICLE)
    expect(opened.defaultPrevented).toBe(true)
    shell.ready()
    const window = await until(() => shell.records.windows[0], 'the main window')
    await until(() => shell.records.applicationMenus[0], 'the start to finish')
    expect(await articleCount(shell)).toBe(1)
    window.webContents.emit('did-finish-load')
    await until(async () => ((await articleCount(shell)) === 2 ? true : null), 'the import')
    const shown = await until(
      () =>
        window.webContents.sent.find(
          (s) => (s.payload as { type: string }).type === 'article.open'
        ),
      'the article to be shown'
    )
    expect(shown.channel).toBe('sorot:event')
  })

  it('a second instance started with a file hands it over: imported and shown', async () => {
    const { shell, app } = load()
    shell.ready()
    const window = await until(() => shell.records.windows[0], 'the main window')
    await until(() => shell.records.applicationMenus[0], 'the start to finish')
    app.emit('second-instance', electronEvent(), ['/opt/Sorot/sorot', ARTICLE], '/', {})
    const shown = await until(
      () =>
        window.webContents.sent.find(
          (s) => (s.payload as { type: string }).type === 'article.open'
        ),
      'the article to be shown'
    )
    const { id } = shown.payload as { id: string }
    const list = (await shell.invoke('articles.list', {})) as { value: Array<{ id: string }> }
    expect(list.value.map((a) => a.id)).toContain(id)
  })

  it('reopens a guarded window on activate, and quits (flushing) when every window closed', async () => {
    const { shell, app } = load()
    shell.ready()
    const first = await until(() => shell.records.windows[0], 'the main window')
    await until(() => shell.records.applicationMenus[0], 'the start to finish')
    first.close()
    app.emit('activate', electronEvent(), false)
    const second = await until(() => shell.records.windows[1], 'a new window')
    expect(second.options).toEqual(first.options)
    expect(second.loadedUrls).toEqual([APP_URL])
    const away = electronEvent()
    second.webContents.emit('will-navigate', away, 'https://evil.example/')
    expect(away.defaultPrevented).toBe(true)
    // The new window gets the core's events too.
    await shell.invoke('settings.set', { theme: 'dark' }, { window: second })
    expect(second.webContents.sent.map((s) => s.channel)).toContain('sorot:event')

    second.close()
    // Linux and Windows: the last window closed ends the app, through the flushing quit.
    app.emit('window-all-closed')
    await until(() => (shell.records.lifecycle.includes('quit') ? true : null), 'the quit')
    expect(shell.records.lifecycle).toContain('before-quit prevented')
  })
})
