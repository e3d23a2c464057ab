import { useId, useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Label } from '@renderer/components/Gloss'

interface Props {
  speaker: string | null
  onSave: (speaker: string | null) => void | Promise<void>
}

/** The speaker of a quote annotation, editable; an empty name means "unknown". */
export function SpeakerEditor({ speaker, onSave }: Props): ReactElement {
  const { t } = useTranslation()
  const id = useId()
  const [draft, setDraft] = useState(speaker ?? '')
  const changed = draft.trim() !== (speaker ?? '')
  const save = (event: FormEvent): void => {
    event.preventDefault()
    if (changed) void onSave(draft.trim() === '' ? null : draft.trim())
  }
  return (
    <form className="speaker-editor" onSubmit={save}>
      <label htmlFor={id}>
        <Label k="quotes.speakerField" />
      </label>
      <div className="speaker-editor-row">
        <input
          id={id}
          type="text"
          value={draft}
          maxLength={300}
          placeholder={t('quotes.speakerPlaceholder')}
          onChange={(event) => setDraft(event.currentTarget.value)}
        />
        <button type="submit" className="button small" disabled={!changed}>
          <Label k="quotes.saveSpeaker" />
        </button>
      </div>
    </form>
  )
}
