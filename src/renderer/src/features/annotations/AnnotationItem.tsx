import { memo, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { drawnColor, type AnnotationColor } from '@shared/annotations'
import type { Annotation } from '@shared/model'
import { ColorButtons } from './ColorButtons'
import { LabelEditor } from './LabelEditor'
import { HighlightLabel } from './HighlightLabel'
import { NoteEditor } from './NoteEditor'
import { NoteText } from './NoteText'
import { NoteVersions } from './NoteVersions'
import { SpeakerEditor } from './SpeakerEditor'
import { shortenQuote } from '@renderer/format'

export interface ItemActions {
  jump: (id: string) => void
  setColor: (id: string, color: AnnotationColor) => void
  setLabels: (id: string, labels: string[]) => void
  saveNote: (id: string, note: string) => Promise<void>
  /** Keeps one of a note's versions from two devices. */
  keepNote: (id: string, note: string) => void
  saveSpeaker: (id: string, speaker: string | null) => Promise<void>
  remove: (id: string) => void
  /** Opens (id) or closes (null) the editor of one annotation. */
  edit: (id: string | null, focusNote?: boolean) => void
  reattach: (id: string) => void
}

interface Props {
  annotation: Annotation
  active: boolean
  editing: boolean
  focusNote: boolean
  choices: string[]
  /** True when there is a selection an orphan could be re-attached to. */
  canReattach: boolean
  actions: ItemActions
}

function ItemView({
  annotation,
  active,
  editing,
  focusNote,
  choices,
  canReattach,
  actions
}: Props): ReactElement {
  const { t } = useTranslation()
  const quote = annotation.target?.selectors[1].exact ?? ''
  const shown = shortenQuote(quote)
  const colorName = t(`annotations.colors.${annotation.color}`, { defaultValue: annotation.color })
  const pending = annotation.id.startsWith('pending-')
  return (
    <li
      className={`annotation-item${active ? ' is-active' : ''}`}
      data-annotation-id={annotation.id}
      aria-current={active ? 'true' : undefined}
    >
      <div className="annotation-head">
        <span
          className={`swatch swatch-${drawnColor(annotation.color)} swatch-static`}
          role="img"
          aria-label={t('annotations.colorIs', { color: colorName })}
        />
        {annotation.orphan ? (
          <q className="annotation-quote" lang="id">
            {shown}
          </q>
        ) : (
          <button
            type="button"
            className="annotation-quote link-button"
            lang="id"
            onClick={() => actions.jump(annotation.id)}
            aria-label={t('annotations.jumpTo', { quote: shown })}
          >
            <q>{shown}</q>
          </button>
        )}
      </div>
      {annotation.kind === 'quote' && (
        <p className="annotation-speaker muted">
          {annotation.speaker
            ? t('annotations.speaker', { name: annotation.speaker })
            : t('annotations.noSpeaker')}
        </p>
      )}
      {annotation.author && (
        <p className="annotation-author muted">
          {t('annotations.byAuthor', { name: annotation.author })}
        </p>
      )}
      {annotation.labels.length > 0 && (
        <ul className="annotation-labels" aria-label={t('annotations.labelsTitle')}>
          {annotation.labels.map((label) => (
            <li key={label} className="label-chip static">
              <HighlightLabel label={label} />
            </li>
          ))}
        </ul>
      )}
      {annotation.otherNotes?.length && !editing ? (
        <NoteVersions
          note={annotation.note}
          otherNotes={annotation.otherNotes}
          onKeep={(text) => actions.keepNote(annotation.id, text)}
        />
      ) : (
        annotation.note && !editing && <NoteText note={annotation.note} />
      )}
      {editing && (
        <div className="annotation-editor">
          <div className="color-row" role="group" aria-label={t('annotations.colorTitle')}>
            <ColorButtons
              labelKey="annotations.colorIs"
              current={annotation.color}
              onPick={(color) => actions.setColor(annotation.id, color)}
            />
          </div>
          {annotation.kind === 'quote' && (
            <SpeakerEditor
              speaker={annotation.speaker ?? null}
              onSave={(speaker) => actions.saveSpeaker(annotation.id, speaker)}
            />
          )}
          <LabelEditor
            labels={annotation.labels}
            choices={choices}
            onChange={(labels) => actions.setLabels(annotation.id, labels)}
          />
          <NoteEditor
            note={annotation.note}
            label={t('annotations.noteLabel')}
            autoFocus={focusNote}
            onSave={async (note) => {
              await actions.saveNote(annotation.id, note)
              actions.edit(null)
            }}
            onCancel={() => actions.edit(null)}
          />
        </div>
      )}
      <div className="annotation-actions">
        {annotation.orphan && (
          <button
            type="button"
            className="button small"
            disabled={!canReattach}
            title={canReattach ? undefined : t('annotations.reattachHint')}
            onClick={() => actions.reattach(annotation.id)}
          >
            {t('annotations.reattach')}
          </button>
        )}
        {!editing && (
          <button
            type="button"
            className="button small"
            disabled={pending}
            onClick={() => actions.edit(annotation.id)}
            aria-label={t('annotations.editNamed', { quote: shown.slice(0, 40) })}
          >
            {t('annotations.edit')}
          </button>
        )}
        <button
          type="button"
          className="button small"
          disabled={pending}
          onClick={() => actions.remove(annotation.id)}
          aria-label={t('annotations.deleteNamed', { quote: shown.slice(0, 40) })}
        >
          {t('annotations.delete')}
        </button>
      </div>
    </li>
  )
}

/** One annotation in the side panel: quote, labels, colour, note, speaker, and its editor. */
export const AnnotationItem = memo(ItemView)
