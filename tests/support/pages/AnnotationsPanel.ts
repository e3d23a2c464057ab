import type { Locator, Page } from '@playwright/test'
import { startingWith, wordsLike, type Words } from './words'

/** One annotation in the side panel: its labels, note, and the editor behind Edit. */
export class AnnotationItem {
  constructor(
    readonly root: Locator,
    private readonly words: Words
  ) {}

  /** The labels as chips, in the order they were given. */
  get labels(): Locator {
    return this.root.getByRole('list', { name: this.words('annotations.labelsTitle') })
  }

  /** The note as rendered Markdown. */
  get note(): Locator {
    return this.root.locator('.note-text')
  }

  /** "Two versions of this note": the texts a sync kept from two devices, to choose one. */
  get noteVersions(): Locator {
    return this.root.getByRole('region', { name: this.words('annotations.noteVersionsTwo') })
  }

  /** Keeps the version at this place (1 is the note the merge put first). */
  async keepVersion(number: number): Promise<void> {
    await this.noteVersions
      .getByRole('button', { name: this.words('annotations.keepVersion', { number }) })
      .click()
  }

  /** Who made it ("by Sari"), in a team library. */
  get author(): Locator {
    return this.root.locator('.annotation-author')
  }

  get editButton(): Locator {
    return this.root.getByRole('button', { name: startingWith(this.words('annotations.edit')) })
  }

  async edit(): Promise<void> {
    await this.editButton.click()
  }

  async delete(): Promise<void> {
    await this.root
      .getByRole('button', { name: startingWith(this.words('annotations.delete')) })
      .click()
  }

  /** Toggles a label offered in the editor ("Important", …). */
  async toggleLabel(label: string): Promise<void> {
    await this.root.getByRole('button', { name: label }).click()
  }

  async setColour(colour: string): Promise<void> {
    await this.root
      .getByRole('button', { name: this.words('annotations.colorIs', { color: colour }) })
      .click()
  }

  async addLabel(label: string): Promise<void> {
    await this.root.getByLabel(this.words('annotations.newLabel')).fill(label)
    await this.root
      .getByRole('button', { name: this.words('annotations.addLabel'), exact: true })
      .click()
  }

  /** Writes the note in the open editor and saves it. */
  async writeNote(note: string): Promise<void> {
    await this.root.getByLabel(this.words('annotations.noteLabel')).fill(note)
    await this.root.getByRole('button', { name: this.words('annotations.saveNote') }).click()
  }

  /** Changes a quote's speaker in the open editor. */
  async setSpeaker(name: string): Promise<void> {
    await this.root.getByLabel(this.words('quotes.speakerField')).fill(name)
    await this.root.getByRole('button', { name: this.words('quotes.saveSpeaker') }).click()
  }
}

/** The annotation side panel of the reader: annotations in text order, orphans, the note. */
export class AnnotationsPanel {
  readonly root: Locator
  readonly list: Locator
  /** Every annotation's row (label chips, which are list items too, left out). */
  readonly items: Locator
  /** The row of the annotation the reader is on (j/k move it). */
  readonly active: Locator
  readonly orphans: Locator
  readonly articleNote: Locator
  readonly trash: Locator

  constructor(
    private readonly page: Page,
    private readonly words: Words
  ) {
    this.root = page.getByRole('complementary')
    this.list = this.root.getByRole('list', { name: words('annotations.listLabel') })
    this.items = this.root.getByRole('listitem').filter({
      has: page.getByRole('button', { name: startingWith(words('annotations.delete')) })
    })
    this.active = this.items.and(page.locator('[aria-current="true"]'))
    this.orphans = this.root.getByRole('region', {
      name: wordsLike(words, 'annotations.orphansTitle', ['count'])
    })
    this.articleNote = this.root.getByRole('region', { name: words('annotations.articleNote') })
    this.trash = page.getByRole('dialog', { name: words('annotations.trashTitle') })
  }

  /** The annotation whose row shows `text`. */
  item(text: string): AnnotationItem {
    return new AnnotationItem(this.items.filter({ hasText: text }), this.words)
  }

  /** The annotation at this place in text order. */
  at(index: number): AnnotationItem {
    return new AnnotationItem(this.items.nth(index), this.words)
  }

  /** "Show annotations by": everyone, or one author of a team library. */
  get authorFilter(): Locator {
    return this.root.getByLabel(this.words('annotations.authorFilter'))
  }

  /** The article note's editor field (once "Write an article note" is pressed). */
  get articleNoteField(): Locator {
    return this.root.getByLabel(this.words('annotations.articleNoteLabel'))
  }

  async startArticleNote(): Promise<void> {
    await this.root
      .getByRole('button', { name: this.words('annotations.writeArticleNote') })
      .click()
  }

  async writeArticleNote(note: string): Promise<void> {
    await this.startArticleNote()
    await this.articleNoteField.fill(note)
    await this.root.getByRole('button', { name: this.words('annotations.saveNote') }).click()
  }

  /** "Re-attach here" on an orphan: enabled once text is selected. */
  get reattach(): Locator {
    return this.orphans.getByRole('button', { name: this.words('annotations.reattach') })
  }

  async openTrash(): Promise<Locator> {
    await this.root.getByRole('button', { name: this.words('annotations.trash') }).click()
    return this.trash
  }

  async restoreFromTrash(): Promise<void> {
    await this.trash.getByRole('button', { name: this.words('annotations.restore') }).click()
  }

  async emptyTrash(): Promise<void> {
    await this.trash.getByRole('button', { name: this.words('annotations.emptyTrash') }).click()
    await this.trash
      .getByRole('button', { name: this.words('annotations.emptyTrashForGood') })
      .click()
  }

  async closeTrash(): Promise<void> {
    await this.trash.getByRole('button', { name: this.words('common.close') }).click()
  }
}
