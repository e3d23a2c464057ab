/** Imports under way, by job id, so a window can cancel its own between two items. */
export class ImportJobs {
  readonly #cancelled = new Set<string>()
  readonly #running = new Set<string>()

  /** Runs `work` as job `jobId` (when given), with a check it can ask before each item. */
  async run<T>(
    jobId: string | undefined,
    work: (isCancelled: () => boolean) => Promise<T>
  ): Promise<T> {
    if (!jobId) return work(() => false)
    this.#running.add(jobId)
    try {
      return await work(() => this.#cancelled.has(jobId))
    } finally {
      this.#running.delete(jobId)
      this.#cancelled.delete(jobId)
    }
  }

  /** Asks job `jobId` to stop; false when no such job is running. */
  cancel(jobId: string): boolean {
    if (!this.#running.has(jobId)) return false
    this.#cancelled.add(jobId)
    return true
  }
}
