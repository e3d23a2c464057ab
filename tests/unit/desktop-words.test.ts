import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DesktopWords } from '../../src/main/desktop-words'
import { ROOT } from '../support/paths'

describe('menus and native dialogs', () => {
  it('speak the OS language until the reader picks one, then switch live', async () => {
    const words = new DesktopWords()
    await words.use(null, 'id-ID')
    expect(words.t('desktop.menu.importFiles')).toBe('Impor Berkas…')
    await words.use(null, 'en-GB')
    expect(words.t('desktop.menu.importFiles')).toBe('Import Files…')
    await words.use('id', 'en-GB')
    expect(words.t('desktop.dialog.importFailed', { count: 2, total: 5 })).toBe(
      '2 dari 5 berkas tidak dapat diimpor'
    )
  })

  it('take every menu label and dialog message of the main process from the locale files', () => {
    const source = readFileSync(path.join(ROOT, 'src/main/index.ts'), 'utf8')
    // No literal label:, message:, detail: or dialog title in the main process's UI code.
    expect(source).not.toMatch(/\b(label|message|detail|name):\s*['`"][A-Za-z]/)
    expect(source).not.toMatch(/showErrorBox\(\s*['`"](?!Sorot['`"])/)
  })
})
