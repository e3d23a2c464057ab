import {
  forwardRef,
  memo,
  useLayoutEffect,
  useMemo,
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactElement
} from 'react'
import { useTranslation } from 'react-i18next'
import { labelName } from '@renderer/features/annotations/labels'
import { drawnColor } from '@shared/annotations'
import type { Annotation, Block } from '@shared/model'
import { blockOffsets } from '@shared/text'
import { rangesByBlock, segmentBlock, type HighlightRange } from '@shared/highlight-segments'
import { markHighlightPainted, markReaderPainted } from './perf-marks'

/** What a block needs to draw one highlight. */
interface BlockMark extends HighlightRange {
  color: string
  hasNote: boolean
  /** Colour and labels in words, read out with the mark: colour is never the only signal. */
  summary: string
  /** "Said by …" for a quote annotation: read out with the mark and shown on hover. */
  speaker?: string
}

interface BlockProps {
  block: Block
  index: number
  start: number
  marks: BlockMark[]
  /** Changes whenever the block's marks would draw differently: the memo compares this. */
  signature: string
  activeId: string | null
  noteDescription: string
}

// Only a name of the closed colour set ever reaches CSS, whatever a stored file holds.
const colorVar = (color: string): string => `var(--hl-${drawnColor(color)}, var(--hl-yellow))`

/** Horizontal bands, one per highlight, so overlapping highlights stay told apart. */
function stackStyle(colors: string[]): CSSProperties {
  const step = 100 / colors.length
  const stops = colors.map(
    (color, i) => `${colorVar(color)} ${(i * step).toFixed(1)}% ${((i + 1) * step).toFixed(1)}%`
  )
  return { backgroundImage: `linear-gradient(to bottom, ${stops.join(', ')})` }
}

function BlockText({
  block,
  index,
  start,
  marks,
  activeId,
  noteDescription
}: BlockProps): ReactElement {
  const byId = new Map(marks.map((m) => [m.id, m]))
  const segments = segmentBlock(start, block.text.length, marks)
  const children = segments.map((segment) => {
    const text = block.text.slice(segment.start - start, segment.end - start)
    if (segment.ids.length === 0)
      return (
        <span key={segment.start} data-offset={segment.start}>
          {text}
        </span>
      )
    const covering = segment.ids.map((id) => byId.get(id) as BlockMark)
    const noted = covering.some((m) => m.hasNote && m.end === segment.end)
    const classes = ['hl']
    if (covering.length === 1) classes.push(`hl-${drawnColor(covering[0].color)}`)
    else classes.push('hl-stack')
    if (covering.some((m) => m.start === segment.start)) classes.push('hl-from')
    if (covering.some((m) => m.end === segment.end)) classes.push('hl-to')
    if (activeId && segment.ids.includes(activeId)) classes.push('hl-active')
    if (noted) classes.push('hl-noted')
    const said = [...new Set(covering.map((m) => m.speaker).filter(Boolean))].join('; ')
    const summaries = covering.map((m) => m.summary).join('; ')
    const description = [summaries, said, noted ? noteDescription : ''].filter(Boolean).join(', ')
    return (
      <mark
        key={segment.start}
        data-offset={segment.start}
        data-ids={segment.ids.join(' ')}
        className={classes.join(' ')}
        style={covering.length > 1 ? stackStyle(covering.map((m) => m.color)) : undefined}
        aria-description={description || undefined}
        title={said || undefined}
      >
        {text}
      </mark>
    )
  })
  const common = { 'data-block': index, 'data-start': start }
  switch (block.type) {
    case 'h':
      return <h2 {...common}>{children}</h2>
    case 'quote':
      return <blockquote {...common}>{children}</blockquote>
    case 'li':
      return (
        <p className="list-item" {...common}>
          {children}
        </p>
      )
    default:
      return <p {...common}>{children}</p>
  }
}

/** Re-renders a block only when its text or the highlights drawn on it change. */
const BlockView = memo(
  BlockText,
  (a, b) =>
    a.block === b.block &&
    a.start === b.start &&
    a.signature === b.signature &&
    a.activeId === b.activeId &&
    a.noteDescription === b.noteDescription
)

interface Props {
  blocks: Block[]
  annotations: Annotation[]
  activeId: string | null
  onKeyDown: (event: KeyboardEvent<HTMLDivElement>) => void
  onClick: (event: MouseEvent<HTMLDivElement>) => void
}

/**
 * The article's blocks with their highlights. Focusable, so a keyboard reader can select with
 * Shift+arrows; each block and text segment carries its canonical offset (selection-offsets.ts).
 */
export const ArticleBody = forwardRef<HTMLDivElement, Props>(function ArticleBody(
  { blocks, annotations, activeId, onKeyDown, onClick },
  ref
): ReactElement {
  const { t } = useTranslation()
  const offsets = useMemo(() => blockOffsets(blocks), [blocks])
  const lengths = useMemo(() => blocks.map((b) => b.text.length), [blocks])
  const perBlock = useMemo(() => {
    // Few colour and label combinations recur over many highlights: words made once for each.
    const summaries = new Map<string, string>()
    const summaryOf = (a: Annotation): string => {
      const key = `${a.color}\u0000${a.labels.join('\u0000')}`
      let summary = summaries.get(key)
      if (summary === undefined) {
        summary = [
          t(`annotations.colors.${a.color}`),
          ...a.labels.map((l) => labelName(l, t))
        ].join(', ')
        summaries.set(key, summary)
      }
      return summary
    }
    const marks: BlockMark[] = []
    for (const a of annotations) {
      const position = a.target?.selectors[0]
      if (!position || a.orphan) continue
      marks.push({
        id: a.id,
        start: position.start,
        end: position.end,
        color: a.color,
        hasNote: a.note.trim() !== '',
        summary: summaryOf(a),
        ...(a.kind === 'quote' && {
          speaker: a.speaker
            ? t('annotations.speaker', { name: a.speaker })
            : t('annotations.noSpeaker')
        })
      })
    }
    return rangesByBlock(offsets, lengths, marks).map((list) => ({
      list,
      signature: list
        .map(
          (m) =>
            `${m.id}:${m.start}:${m.end}:${m.color}:${+m.hasNote}:${m.speaker ?? ''}:${m.summary}`
        )
        .join('|')
    }))
  }, [annotations, offsets, lengths, t])

  useLayoutEffect(() => {
    markReaderPainted()
    markHighlightPainted()
  })

  const noteDescription = t('annotations.hasNote')
  return (
    <div
      ref={ref}
      className="article-body"
      tabIndex={0}
      role="document"
      aria-label={t('reader.bodyLabel')}
      onKeyDown={onKeyDown}
      onClick={onClick}
    >
      {blocks.map((block, index) => {
        const { list, signature } = perBlock[index]
        return (
          <BlockView
            key={index}
            block={block}
            index={index}
            start={offsets[index]}
            marks={list}
            signature={signature}
            activeId={activeId && list.some((m) => m.id === activeId) ? activeId : null}
            noteDescription={noteDescription}
          />
        )
      })}
    </div>
  )
})
