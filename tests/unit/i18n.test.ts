import { readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { languageFromLocale, localeFiles, resources } from '../../src/shared/i18n'
import { ROOT } from '../support/paths'

/** Every key path of a nested message object, plural suffixes folded. */
function keys(messages: unknown, prefix = ''): string[] {
  if (typeof messages !== 'object' || messages === null) return [prefix]
  return Object.entries(messages).flatMap(([key, value]) =>
    keys(value, prefix ? `${prefix}.${key}` : key)
  )
}

describe('locales', () => {
  it('loads every locale file on disk, and no two files define the same top-level key', () => {
    for (const language of ['id', 'en'] as const) {
      const dir = path.join(ROOT, 'src/shared/i18n/locales', language)
      const onDisk = readdirSync(dir).map((f) => f.replace(/\.json$/, ''))
      expect(Object.keys(localeFiles[language]).sort(), language).toEqual(onDisk.sort())
      const topKeys = Object.values(localeFiles[language]).flatMap((file) => Object.keys(file))
      expect(topKeys.length, `${language}: ${topKeys.join(', ')}`).toBe(new Set(topKeys).size)
    }
  })

  it('Indonesian and English have exactly the same keys', () => {
    const id = keys(resources.id.translation).sort()
    const en = keys(resources.en.translation).sort()
    expect(id.length).toBeGreaterThan(20)
    expect(id).toEqual(en)
  })

  it('no message is left empty or untranslated placeholder text', () => {
    for (const language of ['id', 'en'] as const) {
      const flat = keys(resources[language].translation)
      for (const key of flat) {
        const value = key
          .split('.')
          .reduce<unknown>(
            (node, part) => (node as Record<string, unknown>)[part],
            resources[language].translation
          )
        expect(typeof value === 'string' && value.trim().length > 0, `${language}: ${key}`).toBe(
          true
        )
      }
    }
  })

  it('follows the system language: Indonesian for id and ms, English otherwise', () => {
    expect(languageFromLocale('id-ID')).toBe('id')
    expect(languageFromLocale('ms_MY')).toBe('id')
    expect(languageFromLocale('in')).toBe('id')
    expect(languageFromLocale('en-US')).toBe('en')
    expect(languageFromLocale('nl')).toBe('en')
    expect(languageFromLocale(undefined)).toBe('en')
  })
})
