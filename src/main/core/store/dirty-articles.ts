/**
 * The articles whose annotations file was written since sync last looked, so a sync walks
 * only those files instead of every one (issue 18). Each mark has a generation: a sync settles
 * the marks it saw, and a write that lands while it runs stays marked for the next one. A file
 * is marked just before its change, in the same tick, so an edit is either in a sync's
 * snapshot or newer than the time that sync started.
 */
export class DirtyArticles {
  #generation = 0
  readonly #marked = new Map<string, number>()

  mark(id: string): void {
    this.#generation += 1
    this.#marked.set(id, this.#generation)
  }

  /** The ids marked so far, and the generation that settles exactly these marks. */
  snapshot(): { ids: ReadonlySet<string>; upTo: number } {
    return { ids: new Set(this.#marked.keys()), upTo: this.#generation }
  }

  /** Forgets the marks up to `upTo` (a sync handled them); later marks stay. */
  settle(upTo: number): void {
    for (const [id, generation] of this.#marked) if (generation <= upTo) this.#marked.delete(id)
  }
}
