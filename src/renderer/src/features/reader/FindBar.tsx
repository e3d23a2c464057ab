import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ReactElement,
  type RefObject
} from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '@renderer/format'
import { spanToRange } from '@renderer/features/annotations/selection-offsets'
import { findMatches } from './find-matches'
import { Label } from '@renderer/components/Gloss'

interface Props {
  text: string
  bodyRef: RefObject<HTMLDivElement | null>
  /** Changes whenever the body re-renders its text nodes (the drawn ranges must be rebuilt). */
  revision: unknown
  onClose: () => void
}

const ALL = 'sorot-find'
const CURRENT = 'sorot-find-current'

/**
 * Scrolls the window so a range sits in the upper third of the screen, when it is off screen.
 * Blocks far away are not laid out yet (content-visibility), so their real height shows only
 * once they come into view: the next frame corrects the position once.
 */
export function scrollRangeIntoView(range: Range, correct = true): void {
  const rect = range.getBoundingClientRect()
  if (rect.top >= 80 && rect.bottom <= window.innerHeight - 40) return
  window.scrollTo({ top: window.scrollY + rect.top - window.innerHeight / 3 })
  if (correct) requestAnimationFrame(() => scrollRangeIntoView(range, false))
}

/**
 * Find in the article: match count, next and previous (Enter, Shift+Enter), Escape closes.
 * Matches are drawn with the CSS Custom Highlight API, which paints over text without adding
 * elements, so highlight marks and the offsets they carry stay as they are.
 */
export function FindBar({ text, bodyRef, revision, onClose }: Props): ReactElement {
  const { t, i18n } = useTranslation()
  const [query, setQuery] = useState('')
  const [current, setCurrent] = useState(0)
  const inputRef = useRef<HTMLInputElement>(null)
  const inputId = useId()
  const matches = useMemo(() => findMatches(text, query), [text, query])
  const at = matches.length === 0 ? 0 : Math.min(current, matches.length - 1)

  useEffect(() => {
    inputRef.current?.focus()
    inputRef.current?.select()
  }, [])

  useEffect(() => {
    const root = bodyRef.current
    const registry = typeof CSS !== 'undefined' ? CSS.highlights : undefined
    if (!root || !registry) return
    const ranges = matches.map((m) => spanToRange(root, m)).filter((r): r is Range => !!r)
    registry.set(ALL, new Highlight(...ranges))
    const focused = ranges[at]
    if (focused) {
      registry.set(CURRENT, new Highlight(focused))
      scrollRangeIntoView(focused)
    } else registry.delete(CURRENT)
    return () => {
      registry.delete(ALL)
      registry.delete(CURRENT)
    }
  }, [matches, at, bodyRef, revision])

  const step = (by: number): void => {
    if (matches.length > 0) setCurrent((at + by + matches.length) % matches.length)
  }
  const lang = i18n.language
  return (
    <div className="find-bar" role="search" aria-label={t('reader.find.title')}>
      <label htmlFor={inputId} className="visually-hidden">
        <Label k="reader.find.label" />
      </label>
      <input
        id={inputId}
        ref={inputRef}
        type="search"
        value={query}
        placeholder={t('reader.find.placeholder')}
        onChange={(event) => {
          setQuery(event.currentTarget.value)
          setCurrent(0)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault()
            step(event.shiftKey ? -1 : 1)
          }
          if (event.key === 'Escape') {
            event.preventDefault()
            event.stopPropagation()
            onClose()
          }
        }}
      />
      <span className="find-count" aria-live="polite">
        {query.trim() === ''
          ? ''
          : matches.length === 0
            ? t('reader.find.none')
            : t('reader.find.count', {
                current: formatNumber(at + 1, lang),
                total: formatNumber(matches.length, lang)
              })}
      </span>
      <button
        type="button"
        className="button small"
        onClick={() => step(-1)}
        disabled={matches.length === 0}
        aria-label={t('reader.find.previous')}
        title={t('reader.find.previous')}
      >
        ↑
      </button>
      <button
        type="button"
        className="button small"
        onClick={() => step(1)}
        disabled={matches.length === 0}
        aria-label={t('reader.find.next')}
        title={t('reader.find.next')}
      >
        ↓
      </button>
      <button
        type="button"
        className="button small"
        onClick={onClose}
        aria-label={t('reader.find.close')}
        title={t('reader.find.close')}
      >
        ×
      </button>
    </div>
  )
}
