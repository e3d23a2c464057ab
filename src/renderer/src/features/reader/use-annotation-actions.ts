import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { DEFAULT_ANNOTATION_COLOR, isArticleNote, type AnnotationColor } from '@shared/annotations'
import type { Annotation, ArticleDetail, ArticleQuotation } from '@shared/model'
import { api } from '@renderer/api'
import type { ItemActions } from '@renderer/features/annotations/AnnotationItem'
import type { AnnotationStore } from '@renderer/features/annotations/annotation-store'
import { rememberLabels } from '@renderer/features/annotations/labels'
import { selectionToSpan, type TextSpan } from '@renderer/features/annotations/selection-offsets'
import { markHighlightStart } from './perf-marks'
import { scrollToSpan } from './scroll-to-span'

export interface Editing {
  id: string
  focusNote: boolean
}

export interface AnnotationActions {
  activeId: string | null
  editing: Editing | null
  setEditing: (editing: Editing | null) => void
  lastColor: AnnotationColor
  /** The selection now (not the last drawn state: a key may come before the next frame). */
  currentSpan: () => TextSpan | null
  /** Highlights, quotes or notes the selection. */
  create: (kind: 'highlight' | 'quote', color: AnnotationColor, openNote?: boolean) => Promise<void>
  highlight: (color: AnnotationColor) => void
  focusAnnotation: (annotationId: string, scroll?: boolean) => void
  /** Goes to the next (1) or previous (-1) annotation in text order. */
  step: (by: 1 | -1) => void
  /** The panel rows' actions: the same object across selections, so rows do not re-render. */
  actions: ItemActions
  saveQuotation: (quotation: ArticleQuotation) => Promise<void>
  saveArticleNote: (text: string) => Promise<void>
}

/** How far below the top of the window an annotation counts as "where the reader is". */
const READING_LINE_PX = 60

/**
 * The speaker of the detected quotation a new quote overlaps, from the core's cached detection
 * (`quotes.list`), or null when none does or the detection is of another version.
 */
async function speakerAt(article: ArticleDetail, span: TextSpan): Promise<string | null> {
  const result = await api.call('quotes.list', { articleId: article.id })
  if (!result.ok || result.value.version !== article.version) return null
  const overlapping = result.value.quotations.find(
    (q) => q.start < span.end && q.end > span.start && q.kind !== 'term'
  )
  return overlapping?.speaker ?? null
}

/**
 * What the reader does to annotations: create them from the selection, go from one to the next,
 * and the panel's edits. The active and edited annotation live here too.
 */
export function useAnnotationActions(
  store: AnnotationStore,
  annotations: readonly Annotation[],
  article: ArticleDetail | null,
  bodyRef: RefObject<HTMLElement | null>
): AnnotationActions {
  const [activeId, setActiveId] = useState<string | null>(null)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [lastColor, setLastColor] = useState<AnnotationColor>(DEFAULT_ANNOTATION_COLOR)

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
    [spanOf, bodyRef]
  )

  const currentSpan = (): TextSpan | null =>
    bodyRef.current && article
      ? selectionToSpan(bodyRef.current, window.getSelection(), article.text)
      : null
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
    window.getSelection()?.removeAllRanges()
    const speaker = kind === 'quote' ? await speakerAt(article, span) : undefined
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
      keepNote: (annotationId, note) => void store.update(annotationId, { note, otherNotes: [] }),
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

  const placed = useMemo(() => annotations.filter((a) => a.target && !a.orphan), [annotations])
  const step = (by: 1 | -1): void => {
    if (placed.length === 0) return
    const index = placed.findIndex((a) => a.id === activeId)
    let next: number
    if (index >= 0) next = (index + by + placed.length) % placed.length
    else {
      // From where the reader is: the first annotation below (or above) the top of the screen.
      const below = placed.findIndex((a) => {
        const mark = document.querySelector(`mark[data-ids~="${a.id}"]`)
        return mark ? mark.getBoundingClientRect().top > READING_LINE_PX : false
      })
      next = by === 1 ? Math.max(0, below) : below <= 0 ? placed.length - 1 : below - 1
    }
    focusAnnotation(placed[next].id)
  }

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

  const saveArticleNote = async (text: string): Promise<void> => {
    const existing = annotations.find(isArticleNote)
    if (existing) await store.update(existing.id, { note: text })
    else await store.create({ kind: 'note', note: text })
  }

  return {
    activeId,
    editing,
    setEditing,
    lastColor,
    currentSpan,
    create,
    highlight,
    focusAnnotation,
    step,
    actions,
    saveQuotation,
    saveArticleNote
  }
}
