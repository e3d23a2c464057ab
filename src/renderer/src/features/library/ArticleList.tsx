import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useLayoutEffect, useRef, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArticleSummary, TagInfo } from '@shared/model'
import { formatDate } from '@renderer/format'
import { hrefFor } from '@renderer/route'
import { loadReaderView } from '@renderer/views'

interface ArticleListProps {
  articles: readonly ArticleSummary[]
  /** How many rows the list has: more than `articles` while the rest of the library loads. */
  count?: number
  /** Told when rows past `articles` come into view (the reader scrolled before they were in). */
  onMissingRows?: () => void
  /** The rest of the library is still loading: told to assistive technology (aria-busy). */
  busy?: boolean
  tags: readonly TagInfo[]
  selected: ReadonlySet<string>
  onToggle: (id: string) => void
}

const ROW_ESTIMATE = 84

/**
 * The library rows, virtualised over the window's scroll: only the rows near the viewport are
 * in the DOM, so 10,000 articles scroll as smoothly as ten.
 */
export function ArticleList({
  articles,
  count = articles.length,
  onMissingRows,
  busy = false,
  tags,
  selected,
  onToggle
}: ArticleListProps): ReactElement {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const listRef = useRef<HTMLUListElement>(null)
  const [offset, setOffset] = useState(0)
  useLayoutEffect(() => {
    setOffset(listRef.current ? listRef.current.getBoundingClientRect().top + window.scrollY : 0)
  }, [])
  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 12,
    scrollMargin: offset,
    getItemKey: (index) => articles[index]?.id ?? index
  })
  const colorOf = new Map(tags.map((tag) => [tag.name, tag.color]))
  const items = virtualizer.getVirtualItems()
  const missing = items.some((item) => item.index >= articles.length)
  useEffect(() => {
    if (missing) onMissingRows?.()
  }, [missing, onMissingRows])

  return (
    <ul
      ref={listRef}
      className="article-list"
      // About to open an article: its reader's code is fetched meanwhile (once; then cached).
      onPointerEnter={() => void loadReaderView()}
      onFocus={() => void loadReaderView()}
      aria-label={t('library.listLabel')}
      aria-busy={busy || undefined}
      style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
    >
      {items.map((item) => {
        const article = articles[item.index]
        // A row past the first screenful before the rest of the list is in: nothing to show yet.
        if (!article) return null
        return (
          <li
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className={selected.has(article.id) ? 'article-item selected' : 'article-item'}
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
            aria-setsize={count}
            aria-posinset={item.index + 1}
          >
            <input
              type="checkbox"
              className="article-select"
              checked={selected.has(article.id)}
              onChange={() => onToggle(article.id)}
              aria-label={t('library.select', { title: article.title })}
            />
            <a className="article-row" href={hrefFor({ view: 'reader', id: article.id })}>
              <span className="article-title" lang={article.language ?? undefined}>
                {article.title}
              </span>
              <span className="article-meta">
                <span>{article.outlet ?? t('library.unknownOutlet')}</span>
                <span>
                  {article.publishedAt
                    ? formatDate(article.publishedAt, lang)
                    : t('library.importedOn', { date: formatDate(article.importedAt, lang) })}
                </span>
                <span>{t('library.words', { count: article.wordCount })}</span>
                {(article.counts?.highlights ?? 0) > 0 && (
                  <span>{t('library.highlightCount', { count: article.counts?.highlights })}</span>
                )}
                {(article.counts?.notes ?? 0) > 0 && (
                  <span>{t('library.noteCount', { count: article.counts?.notes })}</span>
                )}
                {(article.counts?.quotes ?? 0) > 0 && (
                  <span>{t('library.quoteCount', { count: article.counts?.quotes })}</span>
                )}
              </span>
              {(article.tags ?? []).length > 0 && (
                <span className="article-tags">
                  {(article.tags ?? []).map((tag) => (
                    <span key={tag} className={`tag-chip tag-${colorOf.get(tag) ?? 'none'}`}>
                      {tag}
                    </span>
                  ))}
                </span>
              )}
            </a>
          </li>
        )
      })}
    </ul>
  )
}
