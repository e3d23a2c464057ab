import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { AnnotationColor } from '@shared/annotations'
import { ColorButtons } from './ColorButtons'
import { Label } from '@renderer/components/Gloss'

interface Props {
  /** Where the selection is on screen (viewport coordinates). */
  rect: DOMRect
  onHighlight: (color: AnnotationColor) => void
  onQuote: () => void
  onNote: () => void
}

const TOOLBAR_HEIGHT = 44
const TOOLBAR_HALF_WIDTH = 190

/**
 * The small toolbar by a selection: a highlight per colour, "Quote" and "Note". Pressing its
 * buttons keeps the selection (mousedown is not allowed to move it).
 */
export function SelectionToolbar({ rect, onHighlight, onQuote, onNote }: Props): ReactElement {
  const { t } = useTranslation()
  const above = rect.top > TOOLBAR_HEIGHT + 12
  const top = above ? rect.top - TOOLBAR_HEIGHT - 8 : rect.bottom + 8
  const middle = rect.left + rect.width / 2
  const left = Math.min(
    Math.max(middle - TOOLBAR_HALF_WIDTH, 8),
    window.innerWidth - 2 * TOOLBAR_HALF_WIDTH - 8
  )
  return (
    <div
      className="selection-toolbar"
      role="toolbar"
      aria-label={t('annotations.toolbar')}
      style={{ top, left: Math.max(8, left) }}
      onMouseDown={(event) => event.preventDefault()}
    >
      <ColorButtons labelKey="annotations.highlightIn" onPick={onHighlight} />
      <span className="toolbar-divider" aria-hidden="true" />
      <button type="button" className="button small" onClick={onQuote}>
        <Label k="annotations.quote" />
      </button>
      <button type="button" className="button small" onClick={onNote}>
        <Label k="annotations.note" />
      </button>
    </div>
  )
}
