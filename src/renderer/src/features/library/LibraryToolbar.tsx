import { useId, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { AnnotationFilter, LibraryFilters, ReadingState, SortKey } from './library-filters'
import { Label } from '@renderer/components/Gloss'
import type { LibraryIndex } from './library-index'
import { formatNumber } from '@renderer/format'

interface LibraryToolbarProps {
  sort: SortKey
  onSort: (sort: SortKey) => void
  filters: LibraryFilters
  onFilters: (filters: LibraryFilters) => void
  outlets: readonly string[]
  tags: readonly string[]
  languages: readonly string[]
  /** How many articles each choice has, once the whole list is in. */
  counts?: Pick<LibraryIndex, 'counts'> | null
}

const SORTS: SortKey[] = ['published', 'imported', 'title', 'outlet']
const READING: ReadingState[] = ['unread', 'reading', 'finished']
const HAS: AnnotationFilter[] = ['highlights', 'notes', 'quotes']

/**
 * Sort order and filters of the library list. Each select is named by aria-label: the label
 * around it would also give it the text of every option.
 */
export function LibraryToolbar(props: LibraryToolbarProps): ReactElement {
  const { t, i18n } = useTranslation()
  const id = useId()
  const { filters, onFilters } = props
  const withCount = (
    field: 'outlet' | 'tag' | 'language' | 'reading',
    value: string,
    text: string
  ): string => {
    // Once the whole list is in, every choice says its count, none included.
    if (!props.counts) return text
    const count = props.counts.counts(field).get(value) ?? 0
    return `${text} (${formatNumber(count, i18n.language)})`
  }
  const set = <K extends keyof LibraryFilters>(key: K, value: LibraryFilters[K]): void =>
    onFilters({ ...filters, [key]: value })
  const select = (
    key: 'outlet' | 'tag' | 'language',
    label: string,
    values: readonly string[]
  ): ReactElement => (
    <label className="field">
      <span>{label}</span>
      <select aria-label={label} value={filters[key]} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('library.filter.all')}</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {withCount(key, value, value)}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <div className="library-toolbar" role="group" aria-label={t('library.filter.label')}>
      <label className="field">
        <span>{t('library.sort.label')}</span>
        <select
          aria-label={t('library.sort.label')}
          value={props.sort}
          onChange={(e) => props.onSort(e.target.value as SortKey)}
        >
          {SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`library.sort.${sort}`)}
            </option>
          ))}
        </select>
      </label>
      {select('outlet', t('library.filter.outlet'), props.outlets)}
      {select('tag', t('library.filter.tag'), props.tags)}
      {select('language', t('library.filter.language'), props.languages)}
      <label className="field">
        <span>{t('library.filter.reading')}</span>
        <select
          aria-label={t('library.filter.reading')}
          value={filters.reading}
          onChange={(e) => set('reading', e.target.value as ReadingState | '')}
        >
          <option value="">{t('library.filter.all')}</option>
          {READING.map((state) => (
            <option key={state} value={state}>
              {withCount('reading', state, t(`library.reading.${state}`))}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('library.filter.from')}</span>
        <input type="date" value={filters.from} onChange={(e) => set('from', e.target.value)} />
      </label>
      <label className="field">
        <span>{t('library.filter.to')}</span>
        <input type="date" value={filters.to} onChange={(e) => set('to', e.target.value)} />
      </label>
      <fieldset className="field has-filter" aria-describedby={`${id}-has`}>
        <legend id={`${id}-has`}>
          <Label k="library.filter.has" />
        </legend>
        {HAS.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={filters.has.includes(kind)}
              onChange={(e) =>
                set(
                  'has',
                  e.target.checked ? [...filters.has, kind] : filters.has.filter((k) => k !== kind)
                )
              }
            />
            {t(`library.filter.${kind}`)}
          </label>
        ))}
      </fieldset>
    </div>
  )
}
