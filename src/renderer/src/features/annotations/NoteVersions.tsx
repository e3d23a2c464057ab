import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { NoteText } from './NoteText'

interface Props {
  note: string
  otherNotes: readonly string[]
  /** Keeps one text as the note and drops the others (undoable like any edit). */
  onKeep: (text: string) => void
}

/**
 * A note edited on two devices between syncs: every text it was given, side by side, and one
 * click to keep one. Sync never picks for the reader.
 */
export function NoteVersions({ note, otherNotes, onKeep }: Props): ReactElement {
  const { t } = useTranslation()
  const versions = [note, ...otherNotes.filter((text) => text !== note)]
  const title =
    versions.length === 2
      ? t('annotations.noteVersionsTwo')
      : t('annotations.noteVersionsMany', { count: versions.length })
  return (
    <section className="note-versions" aria-label={title}>
      <p className="note-versions-title">{title}</p>
      <p className="muted note-versions-hint">{t('annotations.noteVersionsHint')}</p>
      <ol className="note-versions-list">
        {versions.map((text, index) => (
          <li key={text} className="note-version">
            {text ? (
              <NoteText note={text} />
            ) : (
              <p className="muted">{t('annotations.noteEmpty')}</p>
            )}
            <button type="button" className="button small" onClick={() => onKeep(text)}>
              {t('annotations.keepVersion', { number: index + 1 })}
            </button>
          </li>
        ))}
      </ol>
    </section>
  )
}
