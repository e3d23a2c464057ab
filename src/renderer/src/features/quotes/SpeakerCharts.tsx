import { useId, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { SpeakerSummary } from '@shared/model'
import { outletsOf, quotesByMonth, topSpeakers, type ChartFilter } from '@shared/speaker-stats'

/** Speakers in the bar chart. */
const TOP = 10
// Room for a name wrapped on two lines beside each bar.
const BAR_HEIGHT = 40

interface Props {
  speakers: readonly SpeakerSummary[]
  /** The speaker whose quotations over time are drawn (else the most quoted one). */
  selected: string | null
  onOpen: (name: string) => void
}

interface NamedRow {
  name: string
}

/**
 * The speakers at a glance: the most quoted (filterable by outlet and publication dates; a bar
 * opens its speaker) and one speaker's quotations per month of publication. Each chart is an
 * image with a summary for assistive technology and a table with the same counts.
 */
export function SpeakerCharts({ speakers, selected, onOpen }: Props): ReactElement {
  const { t } = useTranslation()
  const ids = { outlet: useId(), from: useId(), to: useId(), top: useId(), time: useId() }
  const [filter, setFilter] = useState<ChartFilter>({ outlet: null, from: '', to: '' })
  const outlets = outletsOf(speakers)
  const top = topSpeakers(speakers, filter, TOP)
  const focus =
    speakers.find((s) => s.name === selected) ?? speakers.find((s) => s.name === top[0]?.name)
  const timeline = focus ? quotesByMonth(focus, filter) : null

  return (
    <section className="speaker-charts" aria-labelledby={`${ids.top}-section`}>
      <h2 id={`${ids.top}-section`}>{t('quotes.chartsTitle')}</h2>
      <div className="chart-filters">
        <div className="field">
          <label htmlFor={ids.outlet}>{t('quotes.outletFilter')}</label>
          <select
            id={ids.outlet}
            value={filter.outlet ?? ''}
            onChange={(e) => setFilter({ ...filter, outlet: e.currentTarget.value || null })}
          >
            <option value="">{t('quotes.allOutlets')}</option>
            {outlets.map((outlet) => (
              <option key={outlet} value={outlet}>
                {outlet}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.from}>{t('quotes.fromDate')}</label>
          <input
            id={ids.from}
            type="date"
            value={filter.from}
            onChange={(e) => setFilter({ ...filter, from: e.currentTarget.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.to}>{t('quotes.toDate')}</label>
          <input
            id={ids.to}
            type="date"
            value={filter.to}
            onChange={(e) => setFilter({ ...filter, to: e.currentTarget.value })}
          />
        </div>
      </div>

      <figure className="speaker-chart" aria-labelledby={ids.top}>
        <figcaption id={ids.top}>{t('quotes.topChartTitle')}</figcaption>
        {top.length === 0 ? (
          <p className="muted">{t('quotes.chartEmpty')}</p>
        ) : (
          <div
            className="chart-top"
            role="img"
            aria-label={t('quotes.topChartSummary', { count: top.length })}
          >
            <ResponsiveContainer width="100%" height={top.length * BAR_HEIGHT + 30}>
              <BarChart data={top} layout="vertical" accessibilityLayer={false}>
                <XAxis type="number" allowDecimals={false} />
                {/* Every bar keeps its name: recharts would drop labels it finds too close. */}
                <YAxis
                  type="category"
                  dataKey="name"
                  width={140}
                  interval={0}
                  tick={{ fontSize: 12 }}
                />
                <Tooltip cursor={false} isAnimationActive={false} />
                <Bar
                  dataKey="quotes"
                  name={t('quotes.quotesColumn')}
                  isAnimationActive={false}
                  cursor="pointer"
                  onClick={(data) => onOpen((data.payload as NamedRow).name)}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        {top.length > 0 && (
          <details className="chart-table">
            <summary>{t('quotes.showTable')}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('quotes.speakerColumn')}</th>
                  <th scope="col">{t('quotes.quotesColumn')}</th>
                  <th scope="col">{t('quotes.articlesColumn')}</th>
                </tr>
              </thead>
              <tbody>
                {top.map((row) => (
                  <tr key={row.name}>
                    <th scope="row">
                      <button
                        type="button"
                        className="chart-open"
                        onClick={() => onOpen(row.name)}
                        aria-label={t('quotes.openSpeaker', { name: row.name })}
                      >
                        {row.name}
                      </button>
                    </th>
                    <td>{row.quotes}</td>
                    <td>{row.articles}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        )}
      </figure>

      {focus && timeline && (
        <figure className="speaker-chart" aria-labelledby={ids.time}>
          <figcaption id={ids.time}>{t('quotes.timeChartTitle', { name: focus.name })}</figcaption>
          {timeline.months.length === 0 ? (
            <p className="muted">{t('quotes.noDatedQuotes')}</p>
          ) : (
            <div
              className="chart-time"
              role="img"
              aria-label={t('quotes.timeChartSummary', { name: focus.name })}
            >
              <ResponsiveContainer width="100%" height={180}>
                <BarChart data={timeline.months} accessibilityLayer={false}>
                  <XAxis dataKey="month" />
                  <YAxis allowDecimals={false} width={30} />
                  <Tooltip cursor={false} isAnimationActive={false} />
                  <Bar dataKey="quotes" name={t('quotes.quotesColumn')} isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          )}
          {timeline.undated > 0 && (
            <p className="muted">{t('quotes.undated', { count: timeline.undated })}</p>
          )}
          {timeline.months.length > 0 && (
            <details className="chart-table">
              <summary>{t('quotes.showTable')}</summary>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('quotes.monthColumn')}</th>
                    <th scope="col">{t('quotes.quotesColumn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {timeline.months.map((row) => (
                    <tr key={row.month}>
                      <th scope="row">{row.month}</th>
                      <td>{row.quotes}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </details>
          )}
        </figure>
      )}
    </section>
  )
}
