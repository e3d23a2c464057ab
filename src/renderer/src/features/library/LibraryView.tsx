import './library.css'
import {
  lazy,
  Suspense,
  useDeferredValue,
  useEffect,
  useMemo,
  useState,
  type ReactElement
} from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '@renderer/api'
import { Label } from '@renderer/components/Gloss'
import { ArticleList } from './ArticleList'
import { ExportButton } from '@renderer/features/export/ExportButton'
import { ImportControls, ImportDialogs, type ImportDialog } from './ImportControls'
import { LibraryWelcome } from './LibraryWelcome'
import { LibraryIndex } from './library-index'
import { LibraryToolbar } from './LibraryToolbar'
import { SearchResults } from './SearchResults'
import { SelectionBar } from './SelectionBar'
import { TagsPanel } from './TagsPanel'
import {
  choicesOf,
  DEFAULT_SORT,
  hasFilters,
  NO_FILTERS,
  type LibraryFilters,
  type SortKey
} from './library-filters'
import { useLibrary } from './use-library'
import { useSearch } from './use-search'
import { useTags } from './use-tags'

const ExportDialog = lazy(async () => ({
  default: (await import('@renderer/features/export/ExportDialog')).ExportDialog
}))

/**
 * The library: search box, sort and filters, the (virtualised) list of articles, tags, and
 * what can be done to several selected articles at once.
 */
export function LibraryView(): ReactElement {
  const { t, i18n } = useTranslation()
  const { articles, total, complete, error, loadAll } = useLibrary()
  // Nothing imported yet (not: filters or a search hiding what there is).
  const empty = articles !== null && total === 0
  // The header's import controls wait until the welcome is ruled out, so the controls a reader
  // reaches for are not swapped for the welcome's under their hand.
  const headerImport = articles !== null ? !empty : error !== null
  const { tags } = useTags()
  const [query, setQuery] = useState('')
  const search = useSearch(query)
  const [sort, setSort] = useState<SortKey>(DEFAULT_SORT)
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [busy, setBusy] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)
  const [importDialog, setImportDialog] = useState<ImportDialog | null>(null)
  // The selection the export dialog was opened for; null while it is closed.
  const [exporting, setExporting] = useState<string[] | null>(null)

  // While only the first screenful is in, it is shown as it came (the default order, no filter);
  // another order or a filter waits for the whole list, and so does "select all".
  const waiting = !complete && (sort !== DEFAULT_SORT || hasFilters(filters))
  const [selectAllWhenIn, setSelectAllWhenIn] = useState(false)
  useEffect(() => {
    if (waiting || selectAllWhenIn) loadAll()
  }, [waiting, selectAllWhenIn, loadAll])
  // Built once per list: every filter and order after that answers from its indexes.
  const index = useMemo(
    () => (articles && complete ? new LibraryIndex(articles) : null),
    [articles, complete]
  )
  const shown = useMemo(
    () => (index ? index.query(filters, sort, i18n.language) : (articles ?? [])),
    [index, articles, filters, sort, i18n.language]
  )
  // The filters' choices follow in a second, background render: the rows are painted first.
  const listed = useDeferredValue(articles)
  const outlets = useMemo(() => choicesOf(listed ?? [], (a) => a.outlet), [listed])
  const languages = useMemo(() => choicesOf(listed ?? [], (a) => a.language), [listed])
  // Only ids still in the library count as selected (a deleted one drops out).
  const live = useMemo(() => new Set((articles ?? []).map((a) => a.id)), [articles])
  const chosen = [...selected].filter((id) => live.has(id))
  // "Select all" asked for before the whole list was in: done as soon as it is.
  if (selectAllWhenIn && complete) {
    setSelectAllWhenIn(false)
    setSelected(new Set(shown.map((a) => a.id)))
  }

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
      {exporting && (
        <Suspense fallback={null}>
          <ExportDialog articleIds={exporting} open onClose={() => setExporting(null)} />
        </Suspense>
      )}
      <ImportDialogs open={importDialog} onClose={() => setImportDialog(null)} />
      <header className="page-header">
        <div>
          <h1 id="library-title">{t('library.title')}</h1>
          {articles && !empty && <p className="muted">{t('library.count', { count: total })}</p>}
        </div>
        {/* An empty library shows the import controls in its welcome instead. */}
        {headerImport && (
          <>
            <ImportControls onDialog={setImportDialog} />
            <ExportButton small={false} />
          </>
        )}
      </header>
      {error && (
        <p className="error" role="alert">
          {t('errors.generic', { message: error })}
        </p>
      )}
      {!articles && !error && <p className="muted">{t('library.loading')}</p>}
      {empty && <LibraryWelcome onDialog={setImportDialog} />}
      {articles && !empty && (
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
                counts={index}
              />
              <TagsPanel tags={tags} />
              <SelectionBar
                count={chosen.length}
                total={complete ? shown.length : total}
                busy={busy}
                onSelectAll={() =>
                  complete ? setSelected(new Set(shown.map((a) => a.id))) : setSelectAllWhenIn(true)
                }
                onClear={() => setSelected(new Set())}
                onTag={(tag) => tagSelected({ add: [tag] })}
                onUntag={(tag) => tagSelected({ remove: [tag] })}
                onDelete={deleteSelected}
                onExport={() => setExporting(chosen)}
              />
              {actionError && (
                <p className="error" role="alert">
                  {t('errors.generic', { message: actionError })}
                </p>
              )}
              {waiting ? (
                <p className="muted">{t('library.loading')}</p>
              ) : shown.length === 0 ? (
                <div className="no-match">
                  <p className="muted">{t('library.noMatch')}</p>
                  <button type="button" className="button" onClick={() => setFilters(NO_FILTERS)}>
                    <Label k="library.clearFilters" />
                  </button>
                </div>
              ) : (
                <ArticleList
                  articles={shown}
                  count={complete ? shown.length : total}
                  onMissingRows={loadAll}
                  busy={!complete}
                  tags={tags}
                  selected={selected}
                  onToggle={toggle}
                />
              )}
            </>
          )}
        </>
      )}
    </section>
  )
}
