import './reader.css'
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
import { DEFAULT_ANNOTATION_COLOR, type AnnotationColor } from '@shared/annotations'
import type { ArticleDetail, ArticleQuotation, Settings } from '@shared/model'
import { findQuotes } from '@shared/quotes'
import { api } from '@renderer/api'
import { Toast } from '@renderer/components/Toast'
import { formatDate, formatNumber } from '@renderer/format'
import { hrefFor } from '@renderer/route'
import { AnnotationPanel } from '@renderer/features/annotations/AnnotationPanel'
import type { ItemActions } from '@renderer/features/annotations/AnnotationItem'
import { useAnnotationStore } from '@renderer/features/annotations/annotation-store'
import { labelChoices, rememberLabels } from '@renderer/features/annotations/labels'
import { SelectionToolbar } from '@renderer/features/annotations/SelectionToolbar'
import {
  selectionToSpan,
  spanToRange,
  type TextSpan
} from '@renderer/features/annotations/selection-offsets'
import { TrashDialog } from '@renderer/features/annotations/TrashDialog'
import {
  extendSelectionByKey,
  useArticleSelection
} from '@renderer/features/annotations/use-selection'
import { ArticleBody } from './ArticleBody'
import { ExportButton } from '@renderer/features/export/ExportButton'
import { QuotesPanel } from '@renderer/features/quotes/QuotesPanel'
import { EditDetailsDialog } from './EditDetailsDialog'
import { FindBar, scrollRangeIntoView } from './FindBar'
import { markHighlightStart, markReaderStart } from './perf-marks'
import { ReaderSettings } from './ReaderSettings'
import { ReadingProgress, scrollToProgress } from './ReadingProgress'
import { RemovedPanel } from './RemovedPanel'
import { ShortcutsDialog } from './ShortcutsDialog'
import { useReaderShortcuts } from './use-reader-shortcuts'
import { Label } from '@renderer/components/Gloss'

/** Words per minute used for the reading-time estimate. */
const READING_SPEED = 200

interface Props {
  id: string
  /** A canonical offset to scroll to (from `#/article/<id>?at=N`). */
  at?: number
  settings: Settings | null
  updateSettings: (change: Partial<Settings>) => Promise<void>
}

/** Scrolls to an annotation's first mark and flashes it. */
function scrollToSpan(root: HTMLElement | null, span: TextSpan): void {
  const range = root && spanToRange(root, span)
  if (!range) return
  scrollRangeIntoView(range)
  if (typeof CSS === 'undefined' || !CSS.highlights) return
  CSS.highlights.set('sorot-target', new Highlight(range))
  window.setTimeout(() => CSS.highlights.delete('sorot-target'), 1600)
}

/**
 * The reading view: title, metadata, the article's blocks with their highlights, the
 * annotation panel, find, reader settings, keyboard shortcuts. Keyed by article id.
 */
export function ReaderView({ id, at, settings, updateSettings }: Props): ReactElement {
  const { t, i18n } = useTranslation()
  useState(markReaderStart)
  const [article, setArticle] = useState<ArticleDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [editingDetails, setEditingDetails] = useState(false)
  const [store, annotationState] = useAnnotationStore(id)
  // Stable, so the undo toast's timer is not restarted by every render of the reader.
  const dismissDeleted = useCallback(() => store.dismissDeleted(), [store])
  const [activeId, setActiveId] = useState<string | null>(null)
  const [editing, setEditing] = useState<{ id: string; focusNote: boolean } | null>(null)
  const [findOpen, setFindOpen] = useState(false)
  const [helpOpen, setHelpOpen] = useState(false)
  const [trashOpen, setTrashOpen] = useState(false)
  const [restored, setRestored] = useState(false)
  const [lastColor, setLastColor] = useState<AnnotationColor>(DEFAULT_ANNOTATION_COLOR)
  const [panelTab, setPanelTab] = useState<'annotations' | 'quotes'>('annotations')
  const bodyRef = useRef<HTMLDivElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)
  const findReturnFocus = useRef<HTMLElement | null>(null)
  const selection = useArticleSelection(bodyRef, article ? article.text : null)
  const { annotations } = annotationState
  const ready = article !== null && (annotationState.loaded || annotationState.error !== null)

  useEffect(() => {
    const load = (): void =>
      void api.call('articles.get', { id }).then((result) => {
        if (!result.ok) return setError(result.error.message)
        // A new version (an import, a restored removal) replaces the text; else keep the object.
        setArticle((current) =>
          current &&
          current.version === result.value.version &&
          current.updatedAt === result.value.updatedAt
            ? current
            : result.value
        )
      })
    load()
    return api.subscribe((event) => {
      if (event.type === 'library.changed') load()
    })
  }, [id])

  useEffect(() => {
    if (article) store.setArticle(article.text, article.version)
  }, [article, store])

  // Once the blocks are drawn: go to `?at=`, else to where the reader was.
  useEffect(() => {
    if (!ready || restored) return
    if (at === undefined && article.readingProgress && bodyRef.current)
      scrollToProgress(bodyRef.current, article.text.length, article.readingProgress)
    // Progress starts counting from the next frame, after the restored scroll has landed.
    const frame = requestAnimationFrame(() => setRestored(true))
    return () => cancelAnimationFrame(frame)
  }, [ready, restored, at, article])

  useEffect(() => {
    if (!ready || at === undefined) return
    const end = Math.min(at + 1, article.text.length)
    scrollToSpan(bodyRef.current, { start: at, end })
  }, [ready, at, article])

  const placed = useMemo(() => annotations.filter((a) => a.target && !a.orphan), [annotations])
  // Kept the same array while the labels are the same, so the panel's rows stay memoised.
  const choiceKey = useMemo(() => labelChoices(annotations).join('\u0000'), [annotations])
  const choices = useMemo(() => choiceKey.split('\u0000'), [choiceKey])
  const annotationsRef = useRef(annotations)
  useEffect(() => {
    annotationsRef.current = annotations
  })
  const spanOf = useCallback((annotationId: string): TextSpan | null => {
    const found = annotationsRef.current.find((a) => a.id === annotationId)
    const position = found?.target?.selectors[0]
    return position ? { start: position.start, end: position.end } : null
  }, [])

  const focusAnnotation = useCallback(
    (annotationId: string, scroll = true): void => {
      setActiveId(annotationId)
      const span = spanOf(annotationId)
      if (scroll && span) scrollToSpan(bodyRef.current, span)
      document
        .querySelector(`[data-annotation-id="${annotationId}"]`)
        ?.scrollIntoView({ block: 'nearest' })
    },
    [spanOf]
  )

  /** The selection now (not the last drawn state: a key may come before the next frame). */
  const currentSpan = (): TextSpan | null =>
    bodyRef.current && article
      ? selectionToSpan(bodyRef.current, window.getSelection(), article.text)
      : null

  // The actions stay the same object across selections, so the panel's rows do not re-render.
  const currentSpanRef = useRef(currentSpan)
  useEffect(() => {
    currentSpanRef.current = currentSpan
  })

  const create = async (
    kind: 'highlight' | 'quote',
    color: AnnotationColor,
    openNote = false
  ): Promise<void> => {
    const span = currentSpan()
    if (!span || !article) return
    markHighlightStart()
    let speaker: string | null | undefined
    if (kind === 'quote') {
      const overlapping = findQuotes(article.text).find(
        (q) => q.start < span.end && q.end > span.start && q.kind !== 'term'
      )
      speaker = overlapping?.speaker ?? null
    }
    window.getSelection()?.removeAllRanges()
    const created = await store.create({
      kind,
      start: span.start,
      end: span.end,
      color,
      labels: kind === 'quote' ? ['quote'] : [],
      ...(speaker !== undefined && { speaker })
    })
    if (!created) return
    setActiveId(created.id)
    if (openNote) setEditing({ id: created.id, focusNote: true })
  }

  const highlight = (color: AnnotationColor): void => {
    setLastColor(color)
    void create('highlight', color)
  }

  const actions = useMemo<ItemActions>(
    () => ({
      jump: (annotationId) => focusAnnotation(annotationId),
      setColor: (annotationId, color) => void store.update(annotationId, { color }),
      setLabels: (annotationId, labels) => {
        rememberLabels(labels)
        void store.update(annotationId, { labels })
      },
      saveNote: async (annotationId, note) => {
        await store.update(annotationId, { note })
      },
      saveSpeaker: async (annotationId, speaker) => {
        await store.update(annotationId, { speaker })
      },
      remove: (annotationId) => {
        setEditing((current) => (current?.id === annotationId ? null : current))
        void store.remove(annotationId)
      },
      edit: (annotationId, focusNote = false) =>
        setEditing(annotationId ? { id: annotationId, focusNote } : null),
      reattach: (annotationId) => {
        const span = currentSpanRef.current()
        if (!span) return
        window.getSelection()?.removeAllRanges()
        void store.update(annotationId, { start: span.start, end: span.end })
      }
    }),
    [store, focusAnnotation]
  )

  const step = (by: 1 | -1): void => {
    if (placed.length === 0) return
    const index = placed.findIndex((a) => a.id === activeId)
    let next: number
    if (index >= 0) next = (index + by + placed.length) % placed.length
    else {
      // From where the reader is: the first annotation below (or above) the top of the screen.
      const below = placed.findIndex((a) => {
        const mark = document.querySelector(`mark[data-ids~="${a.id}"]`)
        return mark ? mark.getBoundingClientRect().top > 60 : false
      })
      next = by === 1 ? Math.max(0, below) : below <= 0 ? placed.length - 1 : below - 1
    }
    focusAnnotation(placed[next].id)
  }

  const openFind = (): void => {
    if (!findOpen) findReturnFocus.current = document.activeElement as HTMLElement | null
    setFindOpen(true)
    document.querySelector<HTMLInputElement>('.find-bar input')?.focus()
  }
  const closeFind = (): void => {
    setFindOpen(false)
    ;(findReturnFocus.current ?? bodyRef.current)?.focus()
  }

  useReaderShortcuts({
    highlight: () => highlight(lastColor),
    note: () => {
      if (currentSpan()) void create('highlight', lastColor, true)
      else if (activeId) setEditing({ id: activeId, focusNote: true })
    },
    next: () => step(1),
    previous: () => step(-1),
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

  /** Saves a detected quotation as a quote annotation over exactly its range. */
  const saveQuotation = async (quotation: ArticleQuotation): Promise<void> => {
    const created = await store.create({
      kind: 'quote',
      start: quotation.start,
      end: quotation.end,
      color: lastColor,
      labels: ['quote'],
      speaker: quotation.speaker
    })
    if (created) setActiveId(created.id)
  }

  const showSaved = (annotationId: string): void => {
    setPanelTab('annotations')
    // After the Annotations tab is drawn, so its row can be scrolled to.
    requestAnimationFrame(() => focusAnnotation(annotationId))
  }

  const saveArticleNote = async (text: string): Promise<void> => {
    const existing = annotations.find((a) => a.kind === 'note' && !a.target)
    if (existing) await store.update(existing.id, { note: text })
    else await store.create({ kind: 'note', note: text })
  }

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

  const published = formatDate(article.publishedAt, lang)
  const minutes = Math.max(1, Math.round(article.wordCount / READING_SPEED))
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
        <header className="article-header">
          <h1 id="article-title">{article.title}</h1>
          <p className="article-byline muted" lang={lang}>
            {[
              article.outlet,
              article.author,
              published
                ? t('reader.published', { date: published })
                : t('reader.imported', { date: formatDate(article.importedAt, lang) }),
              t('reader.wordsAndMinutes', { words: formatNumber(article.wordCount, lang), minutes })
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <div className="article-tools" lang={lang}>
            <button type="button" className="button small" onClick={() => setEditingDetails(true)}>
              {t('reader.edit')}
            </button>
            {settings && <ReaderSettings settings={settings} update={updateSettings} />}
            <button type="button" className="button small" onClick={openFind}>
              <Label k="reader.find.open" />
            </button>
            <button type="button" className="button small" onClick={() => setHelpOpen(true)}>
              {t('reader.shortcuts.open')}
            </button>
            <RemovedPanel article={article} onRestored={setArticle} />
            <ExportButton articleId={article.id} />
          </div>
          <EditDetailsDialog
            key={article.updatedAt}
            article={article}
            open={editingDetails}
            onClose={() => setEditingDetails(false)}
            onSaved={(meta) => setArticle({ ...article, ...meta })}
          />
        </header>
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
          activeId={activeId}
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
      <div lang={lang} className="panel-column" ref={panelRef}>
        <div className="panel-tabs" role="tablist" aria-label={t('quotes.tabsLabel')}>
          {(['annotations', 'quotes'] as const).map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              id={`panel-tab-${tab}`}
              aria-selected={panelTab === tab}
              // Only the shown panel exists: a reference to a missing id is invalid ARIA.
              aria-controls={panelTab === tab ? `panel-${tab}` : undefined}
              onClick={() => setPanelTab(tab)}
            >
              {t(tab === 'annotations' ? 'quotes.annotationsTab' : 'quotes.quotesTab')}
            </button>
          ))}
        </div>
        <div role="tabpanel" id={`panel-${panelTab}`} aria-labelledby={`panel-tab-${panelTab}`}>
          {panelTab === 'annotations' ? (
            <AnnotationPanel
              annotations={annotations}
              activeId={activeId}
              editing={editing}
              choices={choices}
              canReattach={selection !== null}
              actions={actions}
              onSaveArticleNote={saveArticleNote}
              scrollRef={panelRef}
              onOpenTrash={() => {
                setTrashOpen(true)
                void store.loadTrash()
              }}
            />
          ) : (
            <QuotesPanel
              articleId={article.id}
              version={article.version}
              annotations={annotations}
              onJump={(q) => scrollToSpan(bodyRef.current, { start: q.start, end: q.end })}
              onSave={(q) => void saveQuotation(q)}
              onOpenSaved={showSaved}
            />
          )}
        </div>
      </div>
      {selection && (
        <SelectionToolbar
          rect={selection.rect}
          onHighlight={highlight}
          onQuote={() => void create('quote', lastColor)}
          onNote={() => void create('highlight', lastColor, true)}
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
