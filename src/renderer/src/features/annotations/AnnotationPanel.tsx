import { useId, useState, type ReactElement, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { Annotation } from '@shared/model'
import { authorsOf, isArticleNote, isMadeBy } from '@shared/annotations'
import { AnnotationItem, type ItemActions } from './AnnotationItem'
import { ArticleNote } from './ArticleNote'
import { VIRTUAL_FROM, VirtualList } from './VirtualList'
import { Label } from '@renderer/components/Gloss'

interface Props {
  annotations: Annotation[]
  activeId: string | null
  editing: { id: string; focusNote: boolean } | null
  choices: string[]
  canReattach: boolean
  actions: ItemActions
  onSaveArticleNote: (text: string) => Promise<void>
  onOpenTrash: () => void
  /** The scrolling column the panel sits in (a long list renders only the rows in view). */
  scrollRef: RefObject<HTMLElement | null>
}

/**
 * The side panel: the article note, every highlight and quote in text order (each jumps to
 * its place), and the orphans a new version could not place, re-attachable or deletable.
 */
export function AnnotationPanel({
  annotations,
  activeId,
  editing,
  choices,
  canReattach,
  actions,
  onSaveArticleNote,
  onOpenTrash,
  scrollRef
}: Props): ReactElement {
  const { t } = useTranslation()
  const articleNote = annotations.find(isArticleNote) ?? null
  const authors = authorsOf(annotations)
  // In a team library the reader can show one person's annotations ('' is everyone's).
  const [author, setAuthor] = useState('')
  const filterId = useId()
  const shown = author && authors.includes(author) ? author : ''
  const listed = shown ? annotations.filter((a) => isMadeBy(a, shown)) : annotations
  const placed = listed.filter((a) => a.target && !a.orphan)
  const orphans = listed.filter((a) => a.target && a.orphan)
  // Only orphans can be re-attached: placed rows ignore the selection and so stay memoised.
  const item = (annotation: Annotation): ReactElement => (
    <AnnotationItem
      key={annotation.id}
      annotation={annotation}
      active={annotation.id === activeId}
      editing={editing?.id === annotation.id}
      focusNote={editing?.id === annotation.id && editing.focusNote}
      choices={choices}
      canReattach={annotation.orphan === true && canReattach}
      actions={actions}
    />
  )
  return (
    <aside className="annotation-panel" aria-labelledby="annotation-panel-title">
      <div className="panel-header">
        <h2 id="annotation-panel-title" className="panel-title">
          {t('annotations.panelTitle', { count: placed.length })}
        </h2>
        <button type="button" className="button small" onClick={onOpenTrash}>
          <Label k="annotations.trash" />
        </button>
      </div>
      <ArticleNote
        note={articleNote}
        onSave={onSaveArticleNote}
        onKeep={(text) => articleNote && actions.keepNote(articleNote.id, text)}
      />
      {authors.length > 0 && (
        <p className="author-filter">
          <label htmlFor={filterId}>{t('annotations.authorFilter')}</label>{' '}
          <select id={filterId} value={shown} onChange={(event) => setAuthor(event.target.value)}>
            <option value="">{t('annotations.allAuthors')}</option>
            {authors.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </p>
      )}
      {placed.length === 0 ? (
        <p className="muted panel-empty">{t('annotations.empty')}</p>
      ) : placed.length >= VIRTUAL_FROM ? (
        <VirtualList
          items={placed}
          scrollRef={scrollRef}
          renderItem={item}
          keyOf={(a) => a.id}
          focusIndex={placed.findIndex((a) => a.id === activeId)}
          label={t('annotations.listLabel')}
        />
      ) : (
        <ol className="annotation-list" aria-label={t('annotations.listLabel')}>
          {placed.map(item)}
        </ol>
      )}
      {orphans.length > 0 && (
        <section className="orphans" aria-labelledby="orphans-title">
          <h3 id="orphans-title" className="panel-subtitle">
            {t('annotations.orphansTitle', { count: orphans.length })}
          </h3>
          <p className="muted orphans-hint">{t('annotations.orphansHint')}</p>
          <ol className="annotation-list">{orphans.map(item)}</ol>
        </section>
      )}
    </aside>
  )
}
