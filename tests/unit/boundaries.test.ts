import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

/*
 * Imports between folders (floors, cycles, electron, Node built-ins) are checked by
 * dependency-cruiser in the lint lane (.dependency-cruiser.cjs). What an import graph cannot
 * show is checked here: globals used without an import, and how the page reaches a bridge.
 */

const SRC = path.resolve(__dirname, '../../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
}

const PLATFORM_GLOBAL = /\b(window|document|localStorage|process|Buffer)\./
const BRIDGE_CALL = /window\.sorot|fetch\(['"`]\/rpc/

describe('folder boundaries (DESIGN.md §1)', () => {
  it('src/shared uses no DOM or Node global', () => {
    for (const file of sourceFiles(path.join(SRC, 'shared'))) {
      const text = readFileSync(file, 'utf8')
      expect(text, `${path.relative(SRC, file)} uses a DOM or Node global`).not.toMatch(
        PLATFORM_GLOBAL
      )
    }
  })

  it('the renderer reaches a bridge only through api.ts and injects no raw HTML', () => {
    for (const file of sourceFiles(path.join(SRC, 'renderer'))) {
      const text = readFileSync(file, 'utf8')
      if (!file.endsWith(path.join('src', 'api.ts'))) {
        expect(text, `${path.relative(SRC, file)} talks to a bridge directly`).not.toMatch(
          BRIDGE_CALL
        )
      }
      expect(text, `${path.relative(SRC, file)} injects raw HTML`).not.toContain(
        'dangerouslySetInnerHTML'
      )
    }
  })

  it('the checks see a violation when there is one', () => {
    expect('const dir = process.cwd()').toMatch(PLATFORM_GLOBAL)
    expect("await fetch('/rpc/articles.list')").toMatch(BRIDGE_CALL)
    expect('window.sorot.articlesList()').toMatch(BRIDGE_CALL)
  })
})
