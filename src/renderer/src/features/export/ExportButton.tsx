import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { ExportDialog } from './ExportDialog'

/** The "Export…" button of the reader header and the library, with the dialog it opens. */
export function ExportButton({ articleId }: { articleId?: string }): ReactElement {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button small" onClick={() => setOpen(true)}>
        {t('export.dialog.open')}
      </button>
      <ExportDialog articleId={articleId} open={open} onClose={() => setOpen(false)} />
    </>
  )
}
