import { useId, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { ImportActions, ImportStatus, type ImportDialog } from './ImportControls'

/**
 * What an empty library shows: what Sorot does, every way to bring the first article in (the
 * import controls themselves, each with a line about it), and the formats it reads.
 */
export function LibraryWelcome({
  onDialog
}: {
  onDialog: (dialog: ImportDialog) => void
}): ReactElement {
  const { t } = useTranslation()
  const titleId = useId()
  return (
    <section className="welcome" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('library.welcome.title')}</h2>
      <p className="welcome-intro">{t('library.welcome.intro')}</p>
      <h3>{t('library.welcome.ways')}</h3>
      <ImportActions explained onDialog={onDialog} />
      <p className="welcome-drop">{t('library.welcome.drop')}</p>
      <p className="muted">{t('library.welcome.formats')}</p>
      <ImportStatus />
    </section>
  )
}
