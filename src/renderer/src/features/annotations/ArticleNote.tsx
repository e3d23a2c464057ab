import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { Annotation } from '@shared/model'
import { NoteEditor } from './NoteEditor'
import { NoteText } from './NoteText'
import { NoteVersions } from './NoteVersions'
import { Label } from '@renderer/components/Gloss'

interface Props {
  note: Annotation | null
  onSave: (text: string) => Promise<void>
  /** Keeps one of the note's versions from two devices. */
  onKeep: (text: string) => void
}

/** The one note about the whole article (an annotation of kind 'note' without a target). */
export function ArticleNote({ note, onSave, onKeep }: Props): ReactElement {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  return (
    <section className="article-note" aria-labelledby="article-note-title">
      <h3 id="article-note-title" className="panel-subtitle">
        <Label k="annotations.articleNote" />
      </h3>
      {editing ? (
        <NoteEditor
          note={note?.note ?? ''}
          label={t('annotations.articleNoteLabel')}
          autoFocus
          onSave={async (text) => {
            await onSave(text)
            setEditing(false)
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          {note?.otherNotes?.length ? (
            <NoteVersions note={note.note} otherNotes={note.otherNotes} onKeep={onKeep} />
          ) : note?.note ? (
            <NoteText note={note.note} />
          ) : (
            <p className="muted">{t('annotations.noArticleNote')}</p>
          )}
          <button type="button" className="button small" onClick={() => setEditing(true)}>
            {note?.note ? t('annotations.editArticleNote') : t('annotations.writeArticleNote')}
          </button>
        </>
      )}
    </section>
  )
}
