import './reader.css'
import '@renderer/features/annotations/highlights.css'
import '@renderer/features/annotations/annotations.css'
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement
} from 'react'
import { useTranslation } from 'react-i18next'
import type { Settings } from '@shared/model'
import { Label } from '@renderer/components/Gloss'
import { Toast } from '@renderer/components/Toast'
import { useAnnotations } from '@renderer/features/annotations/annotation-store'
import { labelChoices } from '@renderer/features/annotations/labels'
import { SelectionToolbar } from '@renderer/features/annotations/SelectionToolbar'
import { TrashDialog } from '@renderer/features/annotations/TrashDialog'
import {
  extendSelectionByKey,
  useArticleSelection
} from '@renderer/features/annotations/use-selection'
import { hrefFor } from '@renderer/route'
import { ArticleBody } from './ArticleBody'
import { ArticleHeader } from './ArticleHeader'
import { FindBar } from './FindBar'
import { markReaderStart } from './perf-marks'
import { ReaderPanels } from './ReaderPanels'
import { ReadingProgress } from './ReadingProgress'
import { scrollToSpan } from './scroll-to-span'
import { ShortcutsDialog } from './ShortcutsDialog'
import { useAnnotationActions } from './use-annotation-actions'
import { useArticle } from './use-article'
import { useFind } from './use-find'
import { useReaderShortcuts } from './use-reader-shortcuts'
import { useRestoredPosition } from './use-restored-position'

interface Props {
  id: string
  /** A canonical offset to scroll to (from `#/article/<id>?at=N`). */
  at?: number
  settings: Settings | null
  updateSettings: (change: Partial<Settings>) => Promise<void>
}

/**
 * The reading view: title, metadata, the article's blocks with their highlights, the
 * annotation panel, find, reader settings, keyboard shortcuts. Keyed by article id.
 */
export function ReaderView({ id, at, settings, updateSettings }: Props): ReactElement {
  const { t, i18n } = useTranslation()
  useState(markReaderStart)
  const { article, error, setArticle } = useArticle(id)
  const [store, annotationState] = useAnnotations(id)
  // Stable, so the undo toast's timer is not restarted by every render of the reader.
  const dismissDeleted = useCallback(() => store.dismissDeleted(), [store])
  const [helpOpen, setHelpOpen] = useState(false)
  const [trashOpen, setTrashOpen] = useState(false)
  const bodyRef = useRef<HTMLDivElement>(null)
  const selection = useArticleSelection(bodyRef, article ? article.text : null)
  const { annotations } = annotationState
  const ready = article !== null && (annotationState.loaded || annotationState.error !== null)
  const restored = useRestoredPosition(article, ready, at, bodyRef)
  const { findOpen, openFind, closeFind } = useFind(bodyRef)
  const act = useAnnotationActions(store, annotations, article, bodyRef)
  const { focusAnnotation, editing, setEditing } = act

  useEffect(() => {
    if (article) store.setArticle(article.text, article.version)
  }, [article, store])

  // Kept the same array while the labels are the same, so the panel's rows stay memoised.
  const choiceKey = useMemo(() => labelChoices(annotations).join('\u0000'), [annotations])
  const choices = useMemo(() => choiceKey.split('\u0000'), [choiceKey])

  useReaderShortcuts({
    highlight: () => act.highlight(act.lastColor),
    note: () => {
      if (act.currentSpan()) void act.create('highlight', act.lastColor, true)
      else if (act.activeId) setEditing({ id: act.activeId, focusNote: true })
    },
    next: () => act.step(1),
    previous: () => act.step(-1),
    find: openFind,
    undo: () => void store.undo(),
    help: () => setHelpOpen(true),
    escape: () => {
      if (selection) {
        window.getSelection()?.removeAllRanges()
        return true
      }
      if (findOpen) {
        closeFind()
        return true
      }
      if (editing) {
        setEditing(null)
        return true
      }
      return false
    }
  })

  const onBodyKeyDown = useCallback((event: KeyboardEvent<HTMLDivElement>): void => {
    if (extendSelectionByKey(event.currentTarget, event.nativeEvent)) event.preventDefault()
  }, [])
  const onBodyClick = useCallback(
    (event: MouseEvent<HTMLDivElement>): void => {
      if (!window.getSelection()?.isCollapsed) return
      const mark = (event.target as HTMLElement).closest<HTMLElement>('mark[data-ids]')
      const ids = mark?.dataset.ids?.split(' ') ?? []
      const innermost = ids.at(-1)
      if (innermost) focusAnnotation(innermost, false)
    },
    [focusAnnotation]
  )

  const lang = i18n.language
  if (error) {
    return (
      <section className="reader">
        <p className="error" role="alert">
          {t('reader.notFound')} {error}
        </p>
        <a href={hrefFor({ view: 'library' })}>
          <Label k="nav.back" />
        </a>
      </section>
    )
  }
  if (!article || !ready) return <p className="muted">{t('reader.loading')}</p>

  const typography = settings && {
    '--reader-size': `${settings.fontSize}px`,
    '--reader-leading': String(settings.lineHeight),
    '--reader-measure': `${settings.measure}ch`
  }
  return (
    <div className="reader-layout" style={(typography ?? undefined) as CSSProperties | undefined}>
      {restored && (
        <ReadingProgress
          articleId={article.id}
          bodyRef={bodyRef}
          textLength={article.text.length}
          initial={at === undefined ? (article.readingProgress ?? 0) : 0}
        />
      )}
      <article className="reader" lang={article.language ?? 'id'} aria-labelledby="article-title">
        <a className="back-link" href={hrefFor({ view: 'library' })} lang={lang}>
          ← {t('nav.back')}
        </a>
        <ArticleHeader
          article={article}
          settings={settings}
          updateSettings={updateSettings}
          onArticleChanged={setArticle}
          onFind={openFind}
          onHelp={() => setHelpOpen(true)}
        />
        {findOpen && (
          <FindBar
            text={article.text}
            bodyRef={bodyRef}
            revision={annotations}
            onClose={closeFind}
          />
        )}
        {annotationState.error && (
          <p className="error" role="alert" lang={lang}>
            {t('errors.generic', { message: annotationState.error })}
          </p>
        )}
        <ArticleBody
          ref={bodyRef}
          blocks={article.blocks}
          annotations={annotations}
          activeId={act.activeId}
          onKeyDown={onBodyKeyDown}
          onClick={onBodyClick}
        />
        {article.url && (
          <p className="article-source muted" lang={lang}>
            {t('reader.source')}:{' '}
            <a href={article.url} target="_blank" rel="noreferrer noopener">
              {article.url}
            </a>
          </p>
        )}
      </article>
      <ReaderPanels
        article={article}
        annotations={annotations}
        activeId={act.activeId}
        editing={editing}
        choices={choices}
        canReattach={selection !== null}
        actions={act.actions}
        onSaveArticleNote={act.saveArticleNote}
        onOpenTrash={() => {
          setTrashOpen(true)
          void store.loadTrash()
        }}
        onJumpToQuotation={(q) => scrollToSpan(bodyRef.current, { start: q.start, end: q.end })}
        onSaveQuotation={(q) => void act.saveQuotation(q)}
        focusAnnotation={focusAnnotation}
      />
      {selection && (
        <SelectionToolbar
          rect={selection.rect}
          onHighlight={act.highlight}
          onQuote={() => void act.create('quote', act.lastColor)}
          onNote={() => void act.create('highlight', act.lastColor, true)}
        />
      )}
      {annotationState.lastDeleted && (
        <Toast
          key={annotationState.lastDeleted.id}
          message={t('annotations.deleted')}
          actionLabel={t('annotations.undo')}
          onAction={() => {
            const deleted = annotationState.lastDeleted
            if (deleted) void store.undoDelete(deleted.id)
          }}
          onDismiss={dismissDeleted}
        />
      )}
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <TrashDialog
        open={trashOpen}
        trash={annotationState.trash}
        onRestore={(annotationId) => void store.restore(annotationId)}
        onEmpty={() => store.emptyTrash()}
        onClose={() => setTrashOpen(false)}
      />
    </div>
  )
}
