import { lazy } from 'react'

/** Loads the reader's code (the annotations, quotes and Markdown code come with it). */
export const loadReaderView = (): Promise<typeof import('./features/reader/ReaderView')> =>
  import('./features/reader/ReaderView')

// The screens besides the library load when first shown, so the library's first paint waits only
// for its own code. The library starts loading the reader as soon as a row is pointed at or
// focused, so opening an article does not wait for it either.
export const ReaderView = lazy(async () => ({ default: (await loadReaderView()).ReaderView }))
export const SettingsView = lazy(async () => ({
  default: (await import('./features/settings/SettingsView')).SettingsView
}))
export const SpeakersView = lazy(async () => ({
  default: (await import('./features/quotes/SpeakersView')).SpeakersView
}))
