import { useEffect, useId, useRef, useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Label } from '@renderer/components/Gloss'

interface Props {
  note: string
  label: string
  onSave: (note: string) => void | Promise<void>
  onCancel: () => void
  autoFocus?: boolean
}

/** A Markdown note in a textarea; Ctrl/Cmd+Enter saves, Escape cancels. */
export function NoteEditor({ note, label, onSave, onCancel, autoFocus }: Props): ReactElement {
  const { t } = useTranslation()
  const [draft, setDraft] = useState(note)
  const id = useId()
  const ref = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    if (autoFocus) ref.current?.focus()
  }, [autoFocus])
  const save = (event?: FormEvent): void => {
    event?.preventDefault()
    void onSave(draft)
  }
  return (
    <form className="note-editor" onSubmit={save}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={ref}
        rows={4}
        value={draft}
        placeholder={t('annotations.notePlaceholder')}
        onChange={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save()
          if (event.key === 'Escape') {
            event.preventDefault()
            event.stopPropagation()
            onCancel()
          }
        }}
      />
      <p className="muted note-hint">{t('annotations.markdownHint')}</p>
      <div className="note-actions">
        <button type="button" className="button small" onClick={onCancel}>
          <Label k="common.cancel" />
        </button>
        <button type="submit" className="button small primary">
          <Label k="annotations.saveNote" />
        </button>
      </div>
    </form>
  )
}
