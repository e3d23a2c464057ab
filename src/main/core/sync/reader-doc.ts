import { createHash } from 'node:crypto'
import { z } from 'zod'
import { ANNOTATION_COLORS } from '../../../shared/annotations'
import type { SorotEvent, SpeakerCorrection } from '../../../shared/model'
import { getSettings, setSettings } from '../library/settings'
import { settingsFileSchema } from '../store/schemas'
import type { LibraryStore } from '../store/library-store'
import { canonicalJson } from './merge'

/**
 * What belongs to the reader beyond articles and annotations (issue 18): settings, tag colours
 * and speaker identities, splits and corrections. One document holds them as a flat map of
 * entries, merged entry by entry against the last synced map (a three-way merge), so an edit on
 * one device and another edit on the other both survive, and a removal is a removal.
 */
export const READER_DOC_ID = 'reader:library'

/** An entry's value; null is "absent" (a removed tag colour, a split identity). */
export type Entries = Record<string, unknown>

const SETTING_NAMES = [
  'language',
  'theme',
  'fontSize',
  'lineHeight',
  'measure',
  'glossLanguage'
] as const

const correctionSchema = z.object({
  quote: z.string().max(10_000),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  speaker: z.string().max(500),
  correctedAt: z.string()
})

/** The schema of each entry, by the prefix of its key. */
function entrySchema(key: string): z.ZodType | null {
  const [kind, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)]
  // A setting is wrapped, so that its null ("follow the system") is a value, not an absence.
  if (kind === 'setting' && (SETTING_NAMES as readonly string[]).includes(name))
    return z.object({ value: settingsFileSchema.shape[name as (typeof SETTING_NAMES)[number]] })
  if (kind === 'tagColor') return z.enum(ANNOTATION_COLORS)
  if (kind === 'identity') return z.array(z.string().max(500)).max(1000)
  if (kind === 'separate') return z.literal(true)
  if (kind === 'correction') return correctionSchema
  return null
}

export const readerDocSchema = z.object({
  kind: z.literal('reader'),
  entries: z.record(z.string().max(1000), z.unknown()).superRefine((entries, context) => {
    for (const [key, value] of Object.entries(entries)) {
      const schema = entrySchema(key)
      if (!schema) context.addIssue({ code: 'custom', path: [key], message: 'unknown entry' })
      else if (value !== null && !schema.safeParse(value).success)
        context.addIssue({ code: 'custom', path: [key], message: 'invalid value' })
    }
  })
})

export type ReaderDoc = z.infer<typeof readerDocSchema>

const correctionKey = (articleKey: string, c: Omit<SpeakerCorrection, 'articleId'>): string =>
  `correction:${articleKey}:${c.start}:${c.end}:${createHash('sha256').update(c.quote).digest('hex').slice(0, 16)}`

/**
 * This device's entries. Corrections of articles this device does not have are taken from the
 * last synced map unchanged, so not having an article never reads as deleting its corrections.
 */
export function localEntries(
  store: LibraryStore,
  keyOf: ReadonlyMap<string, string>,
  base: Entries
): Entries {
  const entries: Entries = {}
  const settings = getSettings(store)
  for (const name of SETTING_NAMES) entries[`setting:${name}`] = { value: settings[name] }
  for (const [tag, color] of Object.entries(store.index.data.tagColors ?? {}))
    entries[`tagColor:${tag}`] = color
  const speakers = store.speakers.data
  for (const identity of speakers.identities)
    entries[`identity:${identity.name}`] = [...identity.aliases].sort()
  for (const name of speakers.separate) entries[`separate:${name}`] = true
  const known = new Set(keyOf.values())
  for (const [key, value] of Object.entries(base))
    if (key.startsWith('correction:') && !known.has(key.split(':')[1])) entries[key] = value
  for (const { articleId, ...correction } of speakers.corrections) {
    const articleKey = keyOf.get(articleId)
    if (articleKey) entries[correctionKey(articleKey, correction)] = correction
  }
  return entries
}

export const same = (a: unknown, b: unknown): boolean =>
  canonicalJson(a ?? null) === canonicalJson(b ?? null)

/**
 * Entry by entry: the side that changed since the last sync wins. When both did, this device's
 * edit wins (it is the later one to reach the server), except on joining: a device's defaults
 * never overrule the library it joins.
 */
export function mergeEntries(base: Entries, mine: Entries, theirs: Entries): Entries {
  const joining = Object.keys(base).length === 0
  const merged: Entries = {}
  for (const key of new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)])) {
    const [b, m, t] = [base[key] ?? null, mine[key] ?? null, theirs[key] ?? null]
    const value = same(m, b) ? t : same(t, b) ? m : joining && t !== null ? t : m
    if (value !== null) merged[key] = value
  }
  return merged
}

const sortedJson = (items: unknown[]): string =>
  items
    .map((item) => canonicalJson(item))
    .sort()
    .join('\n')

/** Writes the merged entries into this device's files (only what changed); the events to send. */
export async function applyEntries(
  store: LibraryStore,
  byKey: ReadonlyMap<string, string>,
  merged: Entries,
  mine: Entries
): Promise<SorotEvent[]> {
  if (same(merged, mine)) return []
  const events: SorotEvent[] = []
  const settingsChange: Record<string, unknown> = {}
  for (const name of SETTING_NAMES) {
    const entry = merged[`setting:${name}`] as { value: unknown } | undefined
    if (entry && !same(entry, mine[`setting:${name}`])) settingsChange[name] = entry.value
  }
  if (Object.keys(settingsChange).length)
    await setSettings(store, settingsChange, (event) => events.push(event))
  const colors = Object.fromEntries(
    Object.entries(merged)
      .filter(([key]) => key.startsWith('tagColor:'))
      .map(([key, color]) => [key.slice('tagColor:'.length), color])
  )
  if (!same(colors, store.index.data.tagColors ?? {})) {
    await store.index.update((index) => {
      index.tagColors = colors as typeof index.tagColors
    })
    events.push({ type: 'library.changed' })
  }
  const identities = Object.entries(merged)
    .filter(([key]) => key.startsWith('identity:'))
    .map(([key, aliases]) => ({
      name: key.slice('identity:'.length),
      aliases: aliases as string[]
    }))
  const separate = Object.keys(merged)
    .filter((key) => key.startsWith('separate:'))
    .map((key) => key.slice('separate:'.length))
  const corrections: SpeakerCorrection[] = []
  for (const [key, value] of Object.entries(merged)) {
    const articleId = key.startsWith('correction:') ? byKey.get(key.split(':')[1]) : undefined
    if (articleId) corrections.push({ articleId, ...(value as z.infer<typeof correctionSchema>) })
  }
  const speakers = store.speakers.data
  if (
    sortedJson(identities) !== sortedJson(speakers.identities) ||
    sortedJson(separate) !== sortedJson(speakers.separate) ||
    sortedJson(corrections) !== sortedJson(speakers.corrections)
  ) {
    await store.speakers.update((file) => {
      file.identities = identities
      file.separate = separate
      file.corrections = corrections
    })
    events.push({ type: 'library.changed' })
  }
  return events
}
