import type { Locator, Page } from '@playwright/test'
import { dragOver } from '../selection'
import { AnnotationsPanel } from './AnnotationsPanel'
import { ExportDialog } from './ExportDialog'
import { FindBar } from './FindBar'
import { QuotesPanel } from './QuotesPanel'
import type { AppHome, Words } from './words'

/** The reading view of one article: its text, highlights, panels, find and settings. */
export class ReaderPage {
  readonly article: Locator
  /** The article text, focusable for keyboard selection. */
  readonly body: Locator
  /** Each block (paragraph, heading, quote, list item) of the text, in order. */
  readonly blocks: Locator
  /** The highlights drawn in the text, one mark per run of text they cover. */
  readonly marks: Locator
  /** The mark of the annotation the reader is on (j/k). */
  readonly activeMark: Locator
  readonly selectionToolbar: Locator
  readonly annotations: AnnotationsPanel
  readonly quotesPanel: QuotesPanel
  readonly annotationsTab: Locator
  readonly find: FindBar
  readonly readingSettings: Locator
  readonly shortcuts: Locator
  readonly progress: Locator
  readonly removed: Locator
  readonly details: Locator
  readonly exportDialog: ExportDialog

  constructor(
    private readonly page: Page,
    private readonly home: AppHome,
    private readonly words: Words
  ) {
    this.article = page.getByRole('article')
    this.body = page.getByRole('document', { name: words('reader.bodyLabel') })
    this.blocks = this.body.locator('[data-block]')
    this.marks = this.body.locator('mark')
    this.activeMark = this.body.locator('mark.hl-active')
    this.selectionToolbar = page.getByRole('toolbar', { name: words('annotations.toolbar') })
    this.annotations = new AnnotationsPanel(page, words)
    this.quotesPanel = new QuotesPanel(page, words)
    this.annotationsTab = page.getByRole('tab', { name: words('quotes.annotationsTab') })
    this.find = new FindBar(page, words)
    this.readingSettings = page.getByRole('dialog', { name: words('reader.settings.title') })
    this.shortcuts = page.getByRole('dialog', { name: words('reader.shortcuts.title') })
    this.progress = page.getByRole('progressbar', { name: words('reader.progress') })
    this.removed = page.getByRole('region', { name: words('reader.removedTitle') })
    this.details = page.getByRole('dialog', { name: words('reader.editTitle') })
    this.exportDialog = new ExportDialog(page, words)
  }

  /** Opens the article by its address, at a text offset when given. */
  async goto(id: string, at?: number): Promise<void> {
    const query = at === undefined ? '' : `?at=${at}`
    await this.page.goto(`${this.home()}#/article/${id}${query}`)
  }

  /** The article's title, as its level-1 heading. */
  heading(title: string | RegExp): Locator {
    return this.page.getByRole('heading', { level: 1, name: title })
  }

  /** The first block that holds `text`. */
  blockWith(text: string): Locator {
    return this.blocks.filter({ hasText: text }).first()
  }

  /** Selects `phrase` with the mouse, in the given block or the first block holding it. */
  async select(phrase: string, block?: Locator): Promise<void> {
    await dragOver(this.page, block ?? this.blockWith(phrase), phrase)
  }

  /** Selects `phrase` with the mouse and presses h, as a reader highlights. */
  async highlight(phrase: string, block?: Locator): Promise<void> {
    await this.select(phrase, block)
    await this.page.keyboard.press('h')
  }

  /** Focuses the text and extends the selection by `count` words with Shift+Ctrl+→. */
  async selectWords(count: number, { focus = true } = {}): Promise<void> {
    if (focus) await this.body.focus()
    for (let i = 0; i < count; i++) await this.page.keyboard.press('Shift+Control+ArrowRight')
  }

  /** Presses a key with the text focused, as the reader's shortcuts expect. */
  async shortcut(key: string): Promise<void> {
    await this.body.focus()
    await this.page.keyboard.press(key)
  }

  /** Highlights the selection in a colour from the selection toolbar. */
  async highlightIn(colour: string): Promise<void> {
    await this.selectionToolbar
      .getByRole('button', { name: this.words('annotations.highlightIn', { color: colour }) })
      .click()
  }

  /** The "Deleted … Undo" notice after a delete. */
  get deletedNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: this.words('annotations.deleted') })
  }

  async openReadingSettings(): Promise<Locator> {
    await this.page.getByRole('button', { name: this.words('reader.settings.open') }).click()
    return this.readingSettings
  }

  /** Opens what cleaning removed ("Show what cleaning removed (3)"). */
  async showRemoved(count: number): Promise<Locator> {
    await this.page
      .getByRole('button', { name: this.words('reader.removedShow', { count }) })
      .click()
    return this.removed
  }

  async editDetails(fields: Record<string, string>): Promise<void> {
    await this.page.getByRole('button', { name: this.words('reader.edit') }).click()
    for (const [label, value] of Object.entries(fields))
      await this.details.getByLabel(label).fill(value)
    await this.details.getByRole('button', { name: this.words('common.save') }).click()
  }

  /** Opens the Export notes dialog from the reader's tools. */
  async openExport(): Promise<ExportDialog> {
    await this.article.getByRole('button', { name: this.words('export.dialog.open') }).click()
    return this.exportDialog
  }
}
