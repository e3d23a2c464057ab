import type { SorotEvent } from '../../shared/model'

export type EventListener = (event: SorotEvent) => void

/** How a use case tells the UI what it changed (the core's EventHub, or nothing in a bench). */
export type Emit = (event: SorotEvent) => void

/** The core's one event stream; each bridge forwards it (IPC events or Server-Sent Events). */
export class EventHub {
  readonly #listeners = new Set<EventListener>()

  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  emit(event: SorotEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event)
      } catch {
        // A broken listener (a closed window or connection) must not stop the others.
      }
    }
  }
}
