import type { Settings } from '../../../shared/model'
import type { LibraryStore } from '../store/library-store'

/** The reader's settings, without the file's bookkeeping. */
export function getSettings(store: LibraryStore): Settings {
  const { language, theme } = store.settings.data
  return { language, theme }
}

/** Changes only the given settings and saves them. */
export async function setSettings(
  store: LibraryStore,
  change: Partial<Settings>
): Promise<Settings> {
  await store.settings.update((settings) => {
    if (change.language !== undefined) settings.language = change.language
    if (change.theme !== undefined) settings.theme = change.theme
  })
  return getSettings(store)
}
