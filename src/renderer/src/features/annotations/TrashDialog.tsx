import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { Annotation } from '@shared/model'
import { Dialog } from '@renderer/components/Dialog'
import { NoteText } from './NoteText'
import { Label } from '@renderer/components/Gloss'
import { shortenQuote } from '@renderer/format'

interface Props {
  open: boolean
  trash: Annotation[] | null
  onRestore: (id: string) => void
  onEmpty: () => Promise<void>
  onClose: () => void
}

/** The article's deleted annotations: each restorable; emptying the trash asks first. */
export function TrashDialog({ open, trash, onRestore, onEmpty, onClose }: Props): ReactElement {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const close = (): void => {
    setConfirming(false)
    onClose()
  }
  const items = trash ?? []
  return (
    <Dialog open={open} title={t('annotations.trashTitle')} onClose={close}>
      {trash === null ? (
        <p className="muted">{t('reader.loading')}</p>
      ) : items.length === 0 ? (
        <p className="muted">{t('annotations.trashEmpty')}</p>
      ) : (
        <ul className="trash-list">
          {items.map((annotation) => {
            const quote = annotation.target?.selectors[1].exact ?? t('annotations.articleNote')
            return (
              <li key={annotation.id}>
                <q lang="id">{shortenQuote(quote, 200)}</q>
                {annotation.note && <NoteText note={annotation.note} />}
                <button
                  type="button"
                  className="button small"
                  onClick={() => onRestore(annotation.id)}
                >
                  {t('annotations.restore')}
                </button>
              </li>
            )
          })}
        </ul>
      )}
      {confirming ? (
        <div className="confirm" role="alertdialog" aria-label={t('annotations.emptyTrash')}>
          <p>{t('annotations.emptyTrashConfirm', { count: items.length })}</p>
          <div className="dialog-actions">
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => void onEmpty().then(() => setConfirming(false))}
            >
              {t('annotations.emptyTrashForGood')}
            </button>
          </div>
        </div>
      ) : (
        <div className="dialog-actions">
          <button
            type="button"
            className="button"
            disabled={items.length === 0}
            onClick={() => setConfirming(true)}
          >
            {t('annotations.emptyTrash')}
          </button>
          <button type="button" className="button primary" onClick={close}>
            <Label k="common.close" />
          </button>
        </div>
      )}
    </Dialog>
  )
}
