import type { Removal } from '../../../shared/model'
import { junkRules, type JunkRule } from './junk-rules'

export interface SourceLine {
  /** 0-based line number in the decoded source. */
  line: number
  text: string
}

export interface CleanedLines {
  /** Lines left after cleaning; blank lines stay (as '') so paragraph breaks survive. */
  lines: SourceLine[]
  removed: Removal[]
  /** The link found on a "Tautan sumber" line, when there is one. */
  sourceUrl: string | null
}

const URL_PATTERN = /https?:\/\/[^\s<>"')\]]+/i

/**
 * Removes news junk line by line, recording every removal with its rule and line. A removal
 * whose `rule:line:text` key is in `keep` (one the reader restored) is left in place.
 */
export function cleanLines(
  text: string,
  rules: JunkRule[] = junkRules,
  keep: ReadonlySet<string> = new Set()
): CleanedLines {
  const removed: Removal[] = []
  const kept = (rule: string, match: string, line: number): boolean =>
    keep.has(`${rule}:${line}:${match}`)
  const lines: SourceLine[] = []
  let sourceUrl: string | null = null
  let afterSourceLink = false
  let list: JunkRule | null = null
  text.split('\n').forEach((raw, line) => {
    const trimmed = raw.trim()
    if (trimmed === '') {
      lines.push({ line, text: '' })
      return
    }
    if (list?.listItem?.test(trimmed) && !kept(list.name, raw, line)) {
      removed.push({ rule: list.name, text: raw, line })
      return
    }
    list = null
    if (afterSourceLink && /^https?:\/\/\S+$/i.test(trimmed) && !kept('source-link', raw, line)) {
      sourceUrl ??= trimmed
      removed.push({ rule: 'source-link', text: raw, line })
      return
    }
    afterSourceLink = false
    const lineRule = rules.find((rule) => rule.line?.test(trimmed) && !kept(rule.name, raw, line))
    if (lineRule) {
      removed.push({ rule: lineRule.name, text: raw, line })
      // Only a bare heading ("Baca juga:") starts a list; a line naming its one headline does not.
      if (lineRule.listItem && /^[^:]*:?\s*$/.test(trimmed)) list = lineRule
      if (lineRule.name === 'source-link') {
        afterSourceLink = true
        sourceUrl ??= trimmed.match(URL_PATTERN)?.[0] ?? null
      }
      return
    }
    let rest = raw
    for (const rule of rules) {
      if (!rule.inline) continue
      rest = rest.replace(rule.inline, (match) => {
        if (kept(rule.name, match, line)) return match
        removed.push({ rule: rule.name, text: match, line })
        return ''
      })
    }
    lines.push({ line, text: rest.replace(/[ \t]{2,}/g, ' ').trim() })
  })
  return { lines, removed, sourceUrl }
}
