import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = path.resolve(__dirname, '../../src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
}

/** Every module specifier a file imports (static, dynamic and require). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  const found = [
    ...text.matchAll(
      /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g
    )
  ]
  return found.map((m) => m[1] ?? m[2] ?? m[3])
}

const NODE_BUILTINS =
  /^(node:|fs$|path$|os$|crypto$|http$|https$|child_process$|worker_threads$|url$|util$|stream$|net$)/

describe('folder boundaries (DESIGN.md §1)', () => {
  it('src/shared imports nothing platform-specific', () => {
    for (const file of sourceFiles(path.join(SRC, 'shared'))) {
      for (const spec of importsOf(file)) {
        expect(spec, `${path.relative(SRC, file)} imports ${spec}`).not.toMatch(NODE_BUILTINS)
        expect(spec, `${path.relative(SRC, file)} imports ${spec}`).not.toMatch(
          /^electron|^react|\/main\/|\/renderer\/|\/preload\//
        )
      }
      const text = readFileSync(file, 'utf8')
      expect(text, `${path.relative(SRC, file)} uses a DOM or Node global`).not.toMatch(
        /\b(window|document|localStorage|process|Buffer)\./
      )
    }
  })

  it('src/main/core never imports electron', () => {
    for (const file of sourceFiles(path.join(SRC, 'main', 'core'))) {
      for (const spec of importsOf(file)) {
        expect(spec, `${path.relative(SRC, file)} imports ${spec}`).not.toMatch(/^electron(\/|$)/)
      }
    }
  })

  it('the renderer reaches the core only through api.ts', () => {
    for (const file of sourceFiles(path.join(SRC, 'renderer'))) {
      for (const spec of importsOf(file)) {
        expect(spec, `${path.relative(SRC, file)} imports ${spec}`).not.toMatch(NODE_BUILTINS)
        expect(spec, `${path.relative(SRC, file)} imports ${spec}`).not.toMatch(
          /^electron|\/main\/|\/preload\/index/
        )
      }
      const text = readFileSync(file, 'utf8')
      if (!file.endsWith(path.join('src', 'api.ts'))) {
        expect(text, `${path.relative(SRC, file)} talks to a bridge directly`).not.toMatch(
          /window\.sorot|fetch\(['"`]\/rpc/
        )
      }
      expect(text, `${path.relative(SRC, file)} injects raw HTML`).not.toContain(
        'dangerouslySetInnerHTML'
      )
    }
  })

  it('the boundary check sees a violation when there is one', () => {
    expect(importsOf(__filename)).toContain('node:fs')
    expect("import { app } from 'electron'").toMatch(/from\s+['"]electron['"]/)
  })
})
