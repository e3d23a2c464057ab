import { lazy, Suspense, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'

// Loaded when the reader first asks for it, not with the screen the button is on.
const ExportDialog = lazy(async () => ({ default: (await import('./ExportDialog')).ExportDialog }))

/**
 * The "Export…" button of the reader header (small, beside the article's tools) and the
 * library (as large as the import buttons beside it), with the dialog it opens.
 */
export function ExportButton({
  articleId,
  small = true
}: {
  articleId?: string
  small?: boolean
}): ReactElement {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  // Once opened, the dialog stays mounted (closed), so it keeps the choices made in it.
  const [opened, setOpened] = useState(false)
  return (
    <>
      <button
        type="button"
        className={small ? 'button small' : 'button'}
        onClick={() => {
          setOpened(true)
          setOpen(true)
        }}
      >
        {t('export.dialog.open')}
      </button>
      {opened && (
        <Suspense fallback={null}>
          <ExportDialog articleId={articleId} open={open} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  )
}
