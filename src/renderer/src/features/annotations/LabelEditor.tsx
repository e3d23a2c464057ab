import { useId, useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { HighlightLabel } from './HighlightLabel'
import { labelFromInput, labelName } from './labels'
import { Label } from '@renderer/components/Gloss'

interface Props {
  labels: string[]
  /** Labels to offer: the defaults and the reader's own used before. */
  choices: string[]
  onChange: (labels: string[]) => void
}

/** Toggles for the offered labels and a field for a label of the reader's own. */
export function LabelEditor({ labels, choices, onChange }: Props): ReactElement {
  const { t } = useTranslation()
  const [typed, setTyped] = useState('')
  const inputId = useId()
  const listId = useId()
  const toggle = (label: string): void =>
    onChange(labels.includes(label) ? labels.filter((l) => l !== label) : [...labels, label])
  const add = (event: FormEvent): void => {
    event.preventDefault()
    const label = labelFromInput(typed, t)
    if (label && !labels.includes(label)) onChange([...labels, label])
    setTyped('')
  }
  const offered = [...new Set([...choices, ...labels])]
  return (
    <fieldset className="label-editor">
      <legend>
        <Label k="annotations.labelsTitle" />
      </legend>
      <div className="label-choices">
        {offered.map((label) => (
          <button
            key={label}
            type="button"
            className="label-chip"
            aria-pressed={labels.includes(label)}
            onClick={() => toggle(label)}
          >
            <HighlightLabel label={label} />
          </button>
        ))}
      </div>
      <form className="label-add" onSubmit={add}>
        <label htmlFor={inputId} className="visually-hidden">
          <Label k="annotations.newLabel" />
        </label>
        <input
          id={inputId}
          list={listId}
          value={typed}
          maxLength={80}
          placeholder={t('annotations.newLabel')}
          onChange={(event) => setTyped(event.currentTarget.value)}
        />
        <datalist id={listId}>
          {choices.map((label) => (
            <option key={label} value={labelName(label, t)} />
          ))}
        </datalist>
        <button type="submit" className="button small" disabled={!typed.trim()}>
          <Label k="annotations.addLabel" />
        </button>
      </form>
    </fieldset>
  )
}
