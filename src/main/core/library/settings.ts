import { defaultSettings, READER_LIMITS, type Settings } from '../../../shared/model'
import type { LibraryStore } from '../store/library-store'
import type { Emit } from '../events'

type ReaderSetting = keyof typeof READER_LIMITS

/** A stored reader setting inside its range, or the default when missing or out of range. */
function readerSetting(value: number | undefined, name: ReaderSetting): number {
  const { min, max } = READER_LIMITS[name]
  return value !== undefined && Number.isFinite(value) && value >= min && value <= max
    ? value
    : defaultSettings[name]
}

/** The reader's settings, without the file's bookkeeping; older files get the defaults. */
export function getSettings(store: LibraryStore): Settings {
  const { language, theme, fontSize, lineHeight, measure, glossLanguage } = store.settings.data
  return {
    language,
    theme,
    glossLanguage: glossLanguage ?? null,
    fontSize: readerSetting(fontSize, 'fontSize'),
    lineHeight: readerSetting(lineHeight, 'lineHeight'),
    measure: readerSetting(measure, 'measure')
  }
}

/** Changes only the given settings and saves them; a change that changes nothing writes nothing. */
export async function setSettings(
  store: LibraryStore,
  change: Partial<Settings>,
  emit: Emit
): Promise<Settings> {
  const settings = await applySettings(store, change)
  emit({ type: 'settings.changed', settings })
  return settings
}

async function applySettings(store: LibraryStore, change: Partial<Settings>): Promise<Settings> {
  const current = getSettings(store)
  const changes = (Object.keys(change) as Array<keyof Settings>).some(
    (key) => change[key] !== undefined && change[key] !== current[key]
  )
  if (!changes) return current
  await store.settings.update((settings) => {
    if (change.language !== undefined) settings.language = change.language
    if (change.theme !== undefined) settings.theme = change.theme
    if (change.fontSize !== undefined) settings.fontSize = change.fontSize
    if (change.lineHeight !== undefined) settings.lineHeight = change.lineHeight
    if (change.measure !== undefined) settings.measure = change.measure
    if (change.glossLanguage !== undefined) settings.glossLanguage = change.glossLanguage
  })
  return getSettings(store)
}
