/**
 * Imported first by main.tsx: modules run in the order they are imported, so on the library
 * screen the list is asked for before React and the views have even been evaluated.
 */
import { parseRoute } from '@renderer/route'
import { preloadLibrary } from './use-library'

if (parseRoute(window.location.hash).view === 'library') preloadLibrary()
