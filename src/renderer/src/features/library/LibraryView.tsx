import './library.css'
import { useMemo, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api'
import { ArticleList } from './ArticleList'
import { ExportButton } from '../export/ExportButton'
import { ExportDialog } from '../export/ExportDialog'
import { ImportControls } from './ImportControls'
import { LibraryToolbar } from './LibraryToolbar'
import { SearchResults } from './SearchResults'
import { SelectionBar } from './SelectionBar'
import { TagsPanel } from './TagsPanel'
import {
  choicesOf,
  filterArticles,
  NO_FILTERS,
  sortArticles,
  type LibraryFilters,
  type SortKey
} from './library-filters'
import { useLibrary } from './use-library'
import { useSearch } from './use-search'
import { useTags } from './use-tags'

interface LibraryViewProps {
  /** Opens the export dialog for the chosen articles (the export feature passes it). */
  onExport?: (articleIds: string[]) => void
}

/**
 * The library: search box, sort and filters, the (virtualised) list of articles, tags, and
 * what can be done to several selected articles at once.
 */
export function LibraryView({ onExport }: LibraryViewProps = {}): ReactElement {
  const { t, i18n } = useTranslation()
  const { articles, error } = useLibrary()
  const { tags } = useTags()
  const [query, setQuery] = useState('')
  const search = useSearch(query)
  const [sort, setSort] = useState<SortKey>('imported')
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  // The selection the export dialog was opened for; null while it is closed.
  const [exporting, setExporting] = useState<string[] | null>(null)

  const shown = useMemo(
    () => (articles ? sortArticles(filterArticles(articles, filters), sort, i18n.language) : []),
    [articles, filters, sort, i18n.language]
  )
  const outlets = useMemo(() => choicesOf(articles ?? [], (a) => a.outlet), [articles])
  const languages = useMemo(() => choicesOf(articles ?? [], (a) => a.language), [articles])
  // Only ids still in the library count as selected (a deleted one drops out).
  const live = useMemo(() => new Set((articles ?? []).map((a) => a.id)), [articles])
  const chosen = [...selected].filter((id) => live.has(id))

  const toggle = (id: string): void =>
    setSelected((current) => {
      const next = new Set(current)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })

  const run = async (action: () => Promise<string | null>): Promise<void> => {
    setBusy(true)
    setActionError(await action())
    setBusy(false)
  }
  const tagSelected = (change: { add?: string[]; remove?: string[] }): void =>
    void run(async () => {
      const result = await api.call('articles.tag', { ids: chosen, ...change })
      return result.ok ? null : result.error.message
    })
  const deleteSelected = (): void =>
    void run(async () => {
      for (const id of chosen) {
        const result = await api.call('articles.delete', { id })
        if (!result.ok) return result.error.message
      }
      setSelected(new Set())
      return null
    })

  return (
    <section className="library" aria-labelledby="library-title">
      {exporting && <ExportDialog articleIds={exporting} open onClose={() => setExporting(null)} />}
      <header className="page-header">
        <div>
          <h1 id="library-title">{t('library.title')}</h1>
          {articles && <p className="muted">{t('library.count', { count: articles.length })}</p>}
        </div>
        <ImportControls />
        <ExportButton />
      </header>
      {error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
      {!articles && !error && <p className="muted">{t('library.loading')}</p>}
      {articles?.length === 0 && (
        <div className="empty">
          <p>{t('library.empty')}</p>
          <p className="muted">{t('library.emptyHint')}</p>
        </div>
      )}
      {articles && articles.length > 0 && (
        <>
          <div className="library-search" role="search">
            <label className="field">
              <span>{t('search.label')}</span>
              <input
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                placeholder={t('search.placeholder')}
              />
            </label>
          </div>
          {search.error && (
            <p className="error" role="alert">
              {t('errors.generic', { message: search.error })}
            </p>
          )}
          {query.trim() && search.response && <SearchResults response={search.response} />}
          {!query.trim() && (
            <>
              <LibraryToolbar
                sort={sort}
                onSort={setSort}
                filters={filters}
                onFilters={setFilters}
                outlets={outlets}
                tags={tags.map((tag) => tag.name)}
                languages={languages}
              />
              <TagsPanel tags={tags} />
              <SelectionBar
                count={chosen.length}
                total={shown.length}
                busy={busy}
                onSelectAll={() => setSelected(new Set(shown.map((a) => a.id)))}
                onClear={() => setSelected(new Set())}
                onTag={(tag) => tagSelected({ add: [tag] })}
                onUntag={(tag) => tagSelected({ remove: [tag] })}
                onDelete={deleteSelected}
                onExport={() => (onExport ? onExport(chosen) : setExporting(chosen))}
              />
              {actionError && (
                <p className="error" role="alert">
                  {t('errors.generic', { message: actionError })}
                </p>
              )}
              {shown.length === 0 ? (
                <p className="muted">{t('library.noMatch')}</p>
              ) : (
                <ArticleList articles={shown} tags={tags} selected={selected} onToggle={toggle} />
              )}
            </>
          )}
        </>
      )}
    </section>
  )
}
