import { Suspense, useEffect, type ReactElement } from 'react'
import { api } from './api'
import { useTranslation } from 'react-i18next'
import { LibraryView } from './features/library/LibraryView'
import { useDropAndPaste } from './features/library/use-drop-and-paste'
import { useSettings } from './features/settings/use-settings'
import { Label, setGlossLanguage } from './components/Gloss'
import { hrefFor, useRoute } from './route'
import { ReaderView, SettingsView, SpeakersView } from './views'

/** The app frame: skip link, top bar with navigation, and the current screen. */
export function App(): ReactElement {
  const { t } = useTranslation()
  const route = useRoute()
  const { settings, update } = useSettings()
  const dragging = useDropAndPaste()
  useEffect(() => setGlossLanguage(settings?.glossLanguage ?? null), [settings?.glossLanguage])

  useEffect(
    () =>
      api.subscribe((event) => {
        if (event.type === 'article.open')
          window.location.hash = hrefFor({ view: 'reader', id: event.id })
      }),
    []
  )

  return (
    <>
      <a className="skip-link" href="#main">
        <Label k="app.skipToContent" />
      </a>
      <header className="topbar">
        <a className="brand" href={hrefFor({ view: 'library' })}>
          <span className="brand-mark" aria-hidden="true" />
          {t('app.name')}
        </a>
        <nav aria-label={t('app.mainNav')}>
          <a
            href={hrefFor({ view: 'library' })}
            aria-current={route.view === 'library' || route.view === 'reader' ? 'page' : undefined}
          >
            <Label k="nav.library" />
          </a>
          <a
            href={hrefFor({ view: 'speakers' })}
            aria-current={route.view === 'speakers' ? 'page' : undefined}
          >
            <Label k="quotes.speakersTitle" />
          </a>
          <a
            href={hrefFor({ view: 'settings' })}
            aria-current={route.view === 'settings' ? 'page' : undefined}
          >
            <Label k="nav.settings" />
          </a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {route.view === 'library' && <LibraryView />}
        <Suspense fallback={null}>
          {route.view === 'reader' && (
            <ReaderView
              key={route.id}
              id={route.id}
              at={route.at}
              settings={settings}
              updateSettings={update}
            />
          )}
          {route.view === 'settings' && <SettingsView settings={settings} update={update} />}
          {route.view === 'speakers' && <SpeakersView />}
        </Suspense>
      </main>
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>{t('import.dropHere')}</p>
        </div>
      )}
    </>
  )
}
