import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const RENDERER = path.resolve(__dirname, '../../src/renderer/src')
/** Attributes a person reads or hears: they must come from i18next too. */
const SPOKEN_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-placeholder',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label'
])
/** Text that is not language: symbols, arrows, punctuation, numbers. */
const NOT_WORDS = /^[\s\p{P}\p{S}\p{N}]*$/u

interface Finding {
  file: string
  line: number
  text: string
}

/** Literal JSX text and literal spoken attributes in one TSX source. */
export function untranslated(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX)
  const findings: Finding[] = []
  const report = (node: ts.Node, text: string): void => {
    findings.push({
      file: path.relative(RENDERER, file),
      line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      text
    })
  }
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && !NOT_WORDS.test(node.text)) report(node, node.text.trim())
    if (ts.isJsxAttribute(node) && SPOKEN_ATTRIBUTES.has(node.name.getText(sf))) {
      const init = node.initializer
      const literal =
        init && ts.isStringLiteral(init)
          ? init.text
          : init &&
              ts.isJsxExpression(init) &&
              init.expression &&
              ts.isStringLiteral(init.expression)
            ? init.expression.text
            : null
      if (literal !== null && !NOT_WORDS.test(literal))
        report(node, `${node.name.getText(sf)}="${literal}"`)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return findings
}

describe('no hard-coded UI text', () => {
  it('every JSX text and spoken attribute in the renderer goes through i18next', () => {
    const files = readdirSync(RENDERER, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.tsx'))
      .map((e) => path.join(e.parentPath, e.name))
    expect(files.length).toBeGreaterThan(3)
    const findings = files.flatMap((file) => untranslated(file, readFileSync(file, 'utf8')))
    expect(findings).toEqual([])
  })

  it('catches literal text, literal aria-labels and titles', () => {
    const source = `export const A = () => <div title="Tutup" aria-label={'Close'}>Hello <b>{t('x')}</b> — 3</div>`
    expect(untranslated(path.join(RENDERER, 'fake.tsx'), source).map((f) => f.text)).toEqual([
      'title="Tutup"',
      `aria-label="Close"`,
      'Hello'
    ])
  })
})
