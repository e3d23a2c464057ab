// First: it asks the core for the library list while the rest of the page starts.
import './features/library/preload-list'
// The reading font (library titles and the reader) is bundled: no remote fonts, the CSP allows
// only font-src 'self'. Only the Latin subset: its files are large enough that Vite emits them
// as files (the small subsets would be inlined as data: URLs, which that CSP refuses).
import '@fontsource/literata/latin-400.css'
import '@fontsource/literata/latin-400-italic.css'
import '@fontsource/literata/latin-700.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { initI18n } from './i18n'
import './theme.css'
import './styles.css'

initI18n()
createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>
)
