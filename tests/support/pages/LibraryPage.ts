import { expect, type Locator, type Page } from '@playwright/test'
import { ImportPanel } from './ImportPanel'
import { wordsLike, type AppHome, type Words } from './words'

/** The library's sort order and filters, each a control named as the reader sees it. */
export class LibraryFilters {
  readonly group: Locator
  readonly sortBy: Locator
  readonly outlet: Locator
  readonly tag: Locator
  readonly language: Locator
  readonly reading: Locator
  readonly from: Locator
  readonly to: Locator
  readonly notes: Locator

  constructor(page: Page, words: Words) {
    this.group = page.getByRole('group', { name: words('library.filter.label') })
    this.sortBy = this.group.getByLabel(words('library.sort.label'))
    this.outlet = this.group.getByLabel(words('library.filter.outlet'))
    this.tag = this.group.getByLabel(words('library.filter.tag'))
    this.language = this.group.getByLabel(words('library.filter.language'))
    this.reading = this.group.getByLabel(words('library.filter.reading'))
    this.from = this.group.getByLabel(words('library.filter.from'))
    this.to = this.group.getByLabel(words('library.filter.to'))
    this.notes = this.group.getByRole('checkbox', { name: words('library.filter.notes') })
  }

  /** Sorts by the option with this visible label ("Title", "Publication date", …). */
  async sort(label: string): Promise<void> {
    await this.sortBy.selectOption({ label })
  }

  /**
   * Shows only articles in this reading state ("Reading", "Finished", "Unread", "All"), whose
   * option may carry its count ("Finished (1)").
   */
  async readingState(label: string): Promise<void> {
    const option = this.reading
      .locator('option')
      .filter({ hasText: new RegExp(`^${label}( \\(|$)`) })
    await this.reading.selectOption((await option.getAttribute('value')) ?? '')
  }
}

/** The bar over the list while articles are selected: tag, export, trash. */
export class SelectionBar {
  readonly region: Locator

  constructor(
    page: Page,
    private readonly words: Words
  ) {
    this.region = page.getByRole('region', { name: words('library.selection.label') })
  }

  /** "2 selected", as the bar says it. */
  selected(count: number): Locator {
    return this.region.getByText(this.words('library.selection.count', { count }))
  }

  async selectAll(count: number): Promise<void> {
    await this.region
      .getByRole('button', { name: this.words('library.selection.all', { count }) })
      .click()
  }

  async addTag(tag: string): Promise<void> {
    await this.region.getByLabel(this.words('library.selection.tagLabel')).fill(tag)
    await this.region.getByRole('button', { name: this.words('library.selection.tag') }).click()
  }

  async moveToTrash(count: number): Promise<void> {
    await this.region
      .getByRole('button', { name: this.words('library.selection.delete', { count }) })
      .click()
  }

  async export(): Promise<void> {
    await this.region.getByRole('button', { name: this.words('library.selection.export') }).click()
  }
}

/** The library's tags, opened from "1 tag" over the list: colours and renames. */
export class TagsPanel {
  constructor(
    private readonly page: Page,
    private readonly words: Words
  ) {}

  async open(count: number): Promise<void> {
    await this.page.getByText(this.words('library.tags.title', { count })).click()
  }

  colourOf(tag: string): Locator {
    return this.page.getByLabel(this.words('library.tags.color', { tag }))
  }

  async rename(tag: string, name: string): Promise<void> {
    await this.page
      .getByRole('button', { name: this.words('library.tags.rename', { tag }) })
      .click()
    await this.page.getByLabel(this.words('library.tags.newName', { tag })).fill(name)
    await this.page.getByRole('button', { name: this.words('library.tags.save') }).click()
  }
}

/** The library: its list, import controls, filters, selection, tags and search. */
export class LibraryPage {
  readonly heading: Locator
  /** The list of articles; absent while the library is empty. */
  readonly list: Locator
  readonly welcome: Locator
  /** The import controls of the page (in the welcome while the library is empty). */
  readonly imports: ImportPanel
  /** The welcome's own import controls. */
  readonly welcomeImports: ImportPanel
  readonly filters: LibraryFilters
  readonly selection: SelectionBar
  readonly tags: TagsPanel
  readonly searchBox: Locator
  readonly searchResults: Locator
  readonly noMatch: Locator

  constructor(
    private readonly page: Page,
    private readonly home: AppHome,
    private readonly words: Words
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: words('library.title') })
    this.list = page.getByRole('list', { name: words('library.listLabel') })
    this.welcome = page.getByRole('region', { name: words('library.welcome.title') })
    this.imports = new ImportPanel(page, page, words)
    this.welcomeImports = new ImportPanel(page, this.welcome, words)
    this.filters = new LibraryFilters(page, words)
    this.selection = new SelectionBar(page, words)
    this.tags = new TagsPanel(page, words)
    this.searchBox = page.getByLabel(words('search.label'))
    this.searchResults = page.getByRole('region', { name: words('search.results') })
    this.noMatch = page.getByText(words('library.noMatch'))
  }

  /** Opens the app on the library and waits for its heading. */
  async goto(): Promise<void> {
    await this.page.goto(this.home())
    await expect(this.heading).toBeVisible()
  }

  /** The article's row, a link named by its title (and its details). */
  row(title: string | RegExp): Locator {
    return this.page.getByRole('link', { name: title })
  }

  /** The rows' titles, top to bottom. */
  get titles(): Locator {
    return this.list.locator('.article-title')
  }

  rowTitles(): Promise<string[]> {
    return this.titles.allTextContents()
  }

  /** The checkbox that selects the article (`title` as a pattern matches its start). */
  checkbox(title: string | RegExp): Locator {
    const prefix = wordsLike(this.words, 'library.select', ['title'], { open: true })
    const name =
      typeof title === 'string'
        ? this.words('library.select', { title })
        : new RegExp(prefix.source.replace('.*?', '') + title.source)
    return this.page.getByRole('checkbox', { name, exact: true })
  }

  /** "4 articles", as the page counts them. */
  count(count: number): Locator {
    return this.page.getByText(this.words('library.count', { count }), { exact: true })
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: this.words('library.clearFilters') }).click()
  }

  async openArticle(title: string | RegExp): Promise<void> {
    await this.row(title).click()
  }

  /** Types in the search box; the results region answers. */
  async search(query: string): Promise<Locator> {
    await this.searchBox.fill(query)
    return this.searchResults
  }
}
