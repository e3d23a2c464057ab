import { expect, type Locator, type Page } from '@playwright/test'
import type { AppHome, Words } from './words'

/** One person in the Speakers list, with their names, quotations and the merge form. */
export class SpeakerGroup {
  constructor(
    readonly root: Locator,
    private readonly words: Words
  ) {}

  async splitOff(alias: string): Promise<void> {
    await this.root
      .getByRole('button', { name: this.words('quotes.splitAlias', { alias }) })
      .click()
  }

  /** Opens the "Same person as…" form. */
  async startMerge(): Promise<void> {
    await this.root.getByRole('button', { name: `${this.words('quotes.mergeLabel')}…` }).click()
  }

  /** Merges this speaker into `name`. */
  async mergeInto(name: string): Promise<void> {
    await this.startMerge()
    await this.root.getByLabel(this.words('quotes.mergeLabel')).fill(name)
    await this.root.getByRole('button', { name: this.words('quotes.mergeButton') }).click()
  }

  /** The link that opens one of the person's articles at the quotation. */
  articleLink(title: string | RegExp): Locator {
    return this.root.getByRole('link', { name: title }).first()
  }
}

/** A chart figure with its "Show as a table" alternative. */
export class ChartFigure {
  constructor(
    readonly root: Locator,
    private readonly words: Words
  ) {}

  /** The chart itself, an image named by its summary. */
  chart(summary: RegExp): Locator {
    return this.root.getByRole('img', { name: summary })
  }

  /** The names drawn beside the bars of a bar chart (one per bar when none is dropped). */
  get barLabels(): Locator {
    return this.root.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')
  }

  /** The rows of the table alternative, header first. */
  get rows(): Locator {
    return this.root.getByRole('row')
  }

  async showTable(): Promise<void> {
    await this.root.getByText(this.words('quotes.showTable')).click()
  }

  /** The table's button that opens a speaker, for keyboard users. */
  async openSpeaker(name: string): Promise<void> {
    await this.root
      .getByRole('button', { name: this.words('quotes.openSpeaker', { name }) })
      .click()
  }

  /** The chart's bars, left to right. */
  get bars(): Locator {
    return this.root.locator('.recharts-bar-rectangle')
  }
}

/** The Speakers view: everyone quoted in the library, searchable, with charts. */
export class SpeakersPage {
  readonly heading: Locator
  readonly search: Locator
  readonly charts: Locator
  /** Every speaker's section in the list (the charts' region left out). */
  readonly groups: Locator
  readonly topChart: ChartFigure
  readonly outlet: Locator
  readonly publishedFrom: Locator

  constructor(
    private readonly page: Page,
    private readonly home: AppHome,
    private readonly words: Words
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: words('quotes.speakersTitle') })
    this.search = page.getByLabel(words('quotes.searchLabel'))
    this.charts = page.getByRole('region', { name: words('quotes.chartsTitle') })
    this.groups = page.locator('.speakers-list').getByRole('region')
    this.topChart = new ChartFigure(
      this.charts.getByRole('figure', { name: words('quotes.topChartTitle') }),
      words
    )
    this.outlet = this.charts.getByLabel(words('quotes.outletFilter'))
    this.publishedFrom = this.charts.getByLabel(words('quotes.fromDate'))
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.home()}#/speakers`)
    await expect(this.heading).toBeVisible()
  }

  /** The person's section, named exactly by their name. */
  speaker(name: string): SpeakerGroup {
    return new SpeakerGroup(
      this.groups.and(this.page.getByRole('region', { name, exact: true })),
      this.words
    )
  }

  /** The time chart of the speaker open in the list. */
  timeChart(name: string): ChartFigure {
    return new ChartFigure(
      this.charts.getByRole('figure', { name: this.words('quotes.timeChartTitle', { name }) }),
      this.words
    )
  }

  noMatch(query: string): Locator {
    return this.page.getByText(this.words('quotes.noMatch', { query }))
  }
}
