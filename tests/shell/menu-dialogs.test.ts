import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CORPUS } from '../support/paths'
import type { StandIn, StandInWindow } from './support/electron-stand-in'
import { loadMainBundle, tempDir, until } from './support/main-bundle'

interface MenuItem {
  label?: string
  role?: string
  accelerator?: string
  click?: () => void
  submenu?: MenuItem[]
}

const ARTICLE = path.join(CORPUS, 'real', '03-kompas-baliho-rusia-bali.txt')
let running: StandIn | undefined
afterEach(async () => {
  if (running && !running.records.lifecycle.includes('quit')) await running.quit()
  running = undefined
})

async function start(): Promise<{ shell: StandIn; window: StandInWindow }> {
  const shell = loadMainBundle()
  running = shell
  shell.ready()
  const window = await until(() => shell.records.windows[0], 'the main window')
  await until(() => shell.records.applicationMenus[0], 'the application menu')
  return { shell, window }
}

/** The File menu of the newest application menu the shell set. */
function fileMenu(shell: StandIn): MenuItem {
  const menu = shell.records.applicationMenus.at(-1) as MenuItem[]
  return menu.find((item) => Array.isArray(item.submenu) && item.label)!
}

describe('the desktop menu and OS dialogs of the built main process', () => {
  it('File > Import Files… imports what the reader picks and reports the files that failed', async () => {
    const { shell, window } = await start()
    const importFiles = fileMenu(shell).submenu!.find((i) => i.accelerator === 'CmdOrCtrl+O')!
    expect(importFiles.label).toBe('Import Files…')
    const missing = path.join(tempDir(), 'hilang.txt')
    shell.dialogAnswers.showOpenDialog = [{ canceled: false, filePaths: [ARTICLE, missing] }]
    importFiles.click!()
    const warning = await until(
      () => shell.records.dialogs.find((d) => d.kind === 'showMessageBox'),
      'the failure report'
    )
    expect(warning.options).toMatchObject({
      type: 'warning',
      message: '1 of 2 files could not be imported'
    })
    expect(JSON.stringify(warning.options)).toContain('hilang.txt')
    const list = (await shell.invoke('articles.list', {})) as { value: Array<{ title: string }> }
    expect(list.value.map((a) => a.title).join('\n')).toMatch(/Baliho/i)
    // The taskbar progress is cleared at the end.
    expect(window.progress.at(-1)).toBe(-1)
  })

  it('rebuilds the menu in the language the reader picks in settings', async () => {
    const { shell } = await start()
    expect(fileMenu(shell).label).toBe('File')
    await shell.invoke('settings.set', { language: 'id' })
    await until(() => (fileMenu(shell).label === 'Berkas' ? true : null), 'the Indonesian menu')
    expect(fileMenu(shell).submenu!.map((i) => i.label)).toContain('Impor Berkas…')
  })

  it('saves several files into a chosen folder and asks before replacing one', async () => {
    const { shell } = await start()
    const folder = tempDir('sorot-save-')
    writeFileSync(path.join(folder, 'a.md'), 'lama')
    const request = {
      files: [
        { fileName: 'a.md', content: 'baru a' },
        { fileName: 'b.md', content: 'baru b' }
      ],
      mimeType: 'text/markdown',
      overwritePrompt: { message: 'Replace?', replace: 'Replace', cancel: 'Cancel' }
    }
    // The reader picks the folder, then answers Cancel (button 0) to the question.
    shell.dialogAnswers.showOpenDialog = [{ canceled: false, filePaths: [folder] }]
    shell.dialogAnswers.showMessageBox = [{ response: 0 }]
    expect(await shell.invoke('sorot:save-files', request)).toEqual({
      ok: true,
      value: { status: 'cancelled' }
    })
    expect(readFileSync(path.join(folder, 'a.md'), 'utf8')).toBe('lama')
    expect(existsSync(path.join(folder, 'b.md'))).toBe(false)
    const asked = shell.records.dialogs.find((d) => d.kind === 'showMessageBox')
    expect(asked?.options).toMatchObject({ message: 'Replace?', detail: 'a.md' })

    // Again, and this time Replace.
    shell.dialogAnswers.showOpenDialog = [{ canceled: false, filePaths: [folder] }]
    shell.dialogAnswers.showMessageBox = [{ response: 1 }]
    expect(await shell.invoke('sorot:save-files', request)).toEqual({
      ok: true,
      value: { status: 'saved', location: folder, count: 2 }
    })
    expect(readFileSync(path.join(folder, 'a.md'), 'utf8')).toBe('baru a')
    expect(readFileSync(path.join(folder, 'b.md'), 'utf8')).toBe('baru b')
  })

  it('refuses a malformed save request without opening any dialog', async () => {
    const { shell } = await start()
    const answer = await shell.invoke('sorot:save-file', { suggestedName: 42 })
    expect(answer).toMatchObject({ ok: false, error: { code: 'bad_input' } })
    expect(shell.records.dialogs).toEqual([])
  })
})
