import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Label } from '@renderer/components/Gloss'

interface SelectionBarProps {
  count: number
  total: number
  onSelectAll: () => void
  onClear: () => void
  onTag: (tag: string) => void
  onUntag: (tag: string) => void
  onDelete: () => void
  /** Opens the export dialog for the selection (the library passes it). */
  onExport?: () => void
  busy: boolean
}

/** What can be done to the selected articles at once: tag, move to the trash, export. */
export function SelectionBar(props: SelectionBarProps): ReactElement {
  const { t } = useTranslation()
  const [tag, setTag] = useState('')
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    if (!tag.trim()) return
    props.onTag(tag.trim())
    setTag('')
  }
  return (
    <div className="selection-bar" role="region" aria-label={t('library.selection.label')}>
      <span aria-live="polite">{t('library.selection.count', { count: props.count })}</span>
      <button type="button" className="button" onClick={props.onSelectAll}>
        {t('library.selection.all', { count: props.total })}
      </button>
      {props.count > 0 && (
        <>
          <button type="button" className="button" onClick={props.onClear}>
            <Label k="library.selection.clear" />
          </button>
          <form className="selection-tag" onSubmit={submit}>
            <label className="field">
              <span>{t('library.selection.tagLabel')}</span>
              <input value={tag} onChange={(e) => setTag(e.target.value)} maxLength={80} />
            </label>
            <button type="submit" className="button" disabled={props.busy || !tag.trim()}>
              <Label k="library.selection.tag" />
            </button>
            <button
              type="button"
              className="button"
              disabled={props.busy || !tag.trim()}
              onClick={() => {
                props.onUntag(tag.trim())
                setTag('')
              }}
            >
              {t('library.selection.untag')}
            </button>
          </form>
          <button
            type="button"
            className="button"
            disabled={!props.onExport}
            onClick={() => props.onExport?.()}
          >
            {t('library.selection.export')}
          </button>
          <button
            type="button"
            className="button danger"
            disabled={props.busy}
            onClick={props.onDelete}
          >
            {t('library.selection.delete', { count: props.count })}
          </button>
        </>
      )}
    </div>
  )
}
