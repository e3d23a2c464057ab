import { expect, type Download, type Locator, type Page } from '@playwright/test'
import type { AppHome, Words } from './words'

/** Settings › Backups: back up, restore from a file or a snapshot, and the restore report. */
export class BackupsSection {
  readonly root: Locator
  readonly status: Locator
  readonly snapshots: Locator
  readonly report: Locator
  /** The "Restore from a backup?" confirmation. */
  readonly confirm: Locator

  constructor(
    private readonly page: Page,
    private readonly words: Words
  ) {
    this.root = page.getByRole('region', { name: words('settings.backups.title') })
    this.status = this.root.getByRole('status')
    this.snapshots = this.root.getByRole('list', { name: words('settings.backups.listLabel') })
    this.report = this.root.getByRole('region', { name: words('settings.backups.report.title') })
    this.confirm = page.getByRole('dialog', { name: words('settings.backups.confirmTitle') })
  }

  get noSnapshots(): Locator {
    return this.root.getByText(this.words('settings.backups.none'))
  }

  /** Presses "Back up library…" and returns the downloaded backup. */
  async backUp(): Promise<Download> {
    const downloading = this.page.waitForEvent('download')
    await this.root.getByRole('button', { name: this.words('settings.backups.create') }).click()
    return downloading
  }

  /** Chooses a backup file to restore; the confirmation opens. */
  async chooseBackupFile(file: string): Promise<void> {
    await this.root.getByLabel(this.words('settings.backups.fileLabel')).setInputFiles(file)
  }

  /** Restore on the only snapshot in the list; the confirmation opens. */
  async restoreSnapshot(): Promise<void> {
    await this.snapshots
      .getByRole('button', { name: this.words('settings.backups.restore') })
      .click()
  }

  async confirmRestore(): Promise<void> {
    await this.confirm.getByRole('button', { name: this.words('settings.backups.confirm') }).click()
  }
}

/** Settings › Sync: the CouchDB form, its state as a status line, and the log of syncs. */
export class SyncSection {
  readonly root: Locator
  readonly status: Locator
  readonly log: Locator

  constructor(
    page: Page,
    private readonly words: Words
  ) {
    this.root = page.getByRole('region', { name: words('sync.title') })
    this.status = this.root.getByRole('status')
    this.log = this.root.locator('.sync-log li')
  }

  /** Fills the form and presses Start syncing. */
  async start(form: {
    url: string
    database: string
    user: string
    password: string
  }): Promise<void> {
    await this.root.getByLabel(this.words('sync.url')).fill(form.url)
    await this.root.getByLabel(this.words('sync.database')).fill(form.database)
    await this.root.getByLabel(this.words('sync.user')).fill(form.user)
    await this.root.getByLabel(this.words('sync.password'), { exact: true }).fill(form.password)
    await this.press('sync.start')
  }

  /** Presses one of the sync buttons, by its locale key (`sync.pause`, `sync.stop`, …). */
  async press(key: 'sync.start' | 'sync.pause' | 'sync.resume' | 'sync.stop'): Promise<void> {
    await this.root.getByRole('button', { name: this.words(key) }).click()
  }
}

/** The settings screen: interface language, translated labels, backups and sync. */
export class SettingsPage {
  readonly heading: Locator
  readonly language: Locator
  readonly gloss: Locator
  readonly backups: BackupsSection
  readonly sync: SyncSection

  constructor(
    private readonly page: Page,
    private readonly home: AppHome,
    words: Words
  ) {
    this.heading = page.getByRole('heading', { level: 1 })
    this.language = page.getByLabel(words('settings.language'))
    this.gloss = page.getByLabel(words('settings.gloss'))
    this.backups = new BackupsSection(page, words)
    this.sync = new SyncSection(page, words)
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.home()}#/settings`)
    await expect(this.heading).toBeVisible()
  }
}
