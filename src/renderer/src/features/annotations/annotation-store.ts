import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { ChannelInput } from '@shared/contract'
import type { Annotation } from '@shared/model'
import { api } from '@renderer/api'

type Changes = Omit<ChannelInput<'annotations.update'>, 'articleId' | 'id'>
type NewAnnotation = Omit<ChannelInput<'annotations.create'>, 'articleId'>

/** What Ctrl/Cmd+Z takes back: a deletion, a change (with the fields before it) or a creation. */
type UndoStep =
  | { kind: 'deleted'; id: string }
  | { kind: 'changed'; id: string; before: Changes }
  | { kind: 'created'; id: string }

export interface AnnotationState {
  /** Live annotations, in text order (article note first, orphans last). */
  annotations: Annotation[]
  /** The trash, loaded when asked for. */
  trash: Annotation[] | null
  loaded: boolean
  error: string | null
  /** The last deletion, for the "Deleted · Undo" toast. */
  lastDeleted: Annotation | null
  canUndo: boolean
}

const PENDING_PREFIX = 'pending-'

/** Keeps unchanged annotations as the same objects, so memoised rows and blocks stay put. */
function reconcile(previous: readonly Annotation[], next: Annotation[]): Annotation[] {
  const known = new Map(previous.map((a) => [a.id, a]))
  return next.map((a) => {
    const old = known.get(a.id)
    return old && JSON.stringify(old) === JSON.stringify(a) ? old : a
  })
}

const startOf = (a: Annotation): number => a.target?.selectors[0].start ?? -1

/** Where a new annotation goes in text order (matching the core's order closely enough). */
function insertInOrder(list: readonly Annotation[], annotation: Annotation): Annotation[] {
  const at = list.findIndex((a) => a.target && !a.orphan && startOf(a) > startOf(annotation))
  const next = [...list]
  const orphansFrom = next.findIndex((a) => a.orphan)
  next.splice(at >= 0 ? at : orphansFrom >= 0 ? orphansFrom : next.length, 0, annotation)
  return next
}

/**
 * One article's annotations and every change to them: creation drawn at once (before the
 * core answers, so a highlight appears without waiting for the disk), changes, soft delete,
 * restore, the trash, and an undo stack. Reloads when the core says the article's annotations
 * changed (another window, the CLI over serve, a new version).
 */
export class AnnotationStore {
  readonly articleId: string
  #state: AnnotationState = {
    annotations: [],
    trash: null,
    loaded: false,
    error: null,
    lastDeleted: null,
    canUndo: false
  }
  #listeners = new Set<() => void>()
  #undo: UndoStep[] = []
  #text = ''
  #version = 0

  constructor(articleId: string) {
    this.articleId = articleId
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  getState = (): AnnotationState => this.#state

  /** The article text and version, so a pending highlight can be drawn before the core answers. */
  setArticle(text: string, version: number): void {
    const newVersion = this.#version !== 0 && version !== this.#version
    this.#text = text
    this.#version = version
    // A new version re-anchored the annotations in the core: some may have moved or be orphans.
    if (newVersion) void this.reload()
  }

  #set(change: Partial<AnnotationState>): void {
    this.#state = { ...this.#state, ...change, canUndo: this.#undo.length > 0 }
    for (const listener of this.#listeners) listener()
  }

  #fail(message: string): void {
    this.#set({ error: message })
  }

  async reload(): Promise<void> {
    const result = await api.call('annotations.list', { articleId: this.articleId })
    if (!result.ok) return this.#fail(result.error.message)
    const pending = this.#state.annotations.filter((a) => a.id.startsWith(PENDING_PREFIX))
    let next = reconcile(this.#state.annotations, result.value)
    for (const annotation of pending) next = insertInOrder(next, annotation)
    this.#set({ annotations: next, loaded: true, error: null })
    if (this.#state.trash) await this.loadTrash()
  }

  async loadTrash(): Promise<void> {
    const result = await api.call('annotations.list', { articleId: this.articleId, trash: true })
    if (result.ok) this.#set({ trash: result.value })
    else this.#fail(result.error.message)
  }

  /** Creates an annotation; a highlight shows at once and is swapped for the stored one. */
  async create(input: NewAnnotation): Promise<Annotation | null> {
    const now = new Date().toISOString()
    const pendingId = `${PENDING_PREFIX}${crypto.randomUUID()}`
    const hasRange = input.start !== undefined && input.end !== undefined
    if (hasRange) {
      const [start, end] = [input.start ?? 0, input.end ?? 0]
      const pending: Annotation = {
        id: pendingId,
        articleId: this.articleId,
        kind: input.kind,
        target: {
          version: this.#version,
          selectors: [
            { type: 'TextPositionSelector', start, end },
            {
              type: 'TextQuoteSelector',
              exact: this.#text.slice(start, end),
              prefix: '',
              suffix: ''
            }
          ]
        },
        color: input.color ?? 'yellow',
        labels: input.labels ?? [],
        note: input.note ?? '',
        createdAt: now,
        updatedAt: now
      }
      this.#set({ annotations: insertInOrder(this.#state.annotations, pending) })
    }
    const result = await api.call('annotations.create', { articleId: this.articleId, ...input })
    const without = this.#state.annotations.filter((a) => a.id !== pendingId)
    if (!result.ok) {
      this.#set({ annotations: without })
      this.#fail(result.error.message)
      return null
    }
    this.#undo.push({ kind: 'created', id: result.value.id })
    const present = without.some((a) => a.id === result.value.id)
    this.#set({
      annotations: present ? without : insertInOrder(without, result.value),
      error: null
    })
    return result.value
  }

  /** Changes colour, labels, note or speaker, or re-attaches to a new range. */
  async update(id: string, changes: Changes, undoable = true): Promise<Annotation | null> {
    const current = this.#state.annotations.find((a) => a.id === id)
    const result = await api.call('annotations.update', {
      articleId: this.articleId,
      id,
      ...changes
    })
    if (!result.ok) {
      this.#fail(result.error.message)
      return null
    }
    if (current && undoable) {
      const before: Changes = {}
      if (changes.color !== undefined) before.color = current.color as Changes['color']
      if (changes.labels !== undefined) before.labels = current.labels
      if (changes.note !== undefined) before.note = current.note
      if (changes.speaker !== undefined) before.speaker = current.speaker ?? null
      if (changes.start !== undefined && current.target && !current.orphan) {
        before.start = current.target.selectors[0].start
        before.end = current.target.selectors[0].end
      }
      this.#undo.push({ kind: 'changed', id, before })
    }
    this.#replace(result.value)
    return result.value
  }

  #replace(annotation: Annotation): void {
    const others = this.#state.annotations.filter((a) => a.id !== annotation.id)
    this.#set({ annotations: insertInOrder(others, annotation), error: null })
  }

  /** Moves an annotation to the trash; Undo (or Ctrl/Cmd+Z) brings it back. */
  async remove(id: string, undoable = true): Promise<void> {
    const result = await api.call('annotations.delete', { articleId: this.articleId, id })
    if (!result.ok) return this.#fail(result.error.message)
    if (undoable) this.#undo.push({ kind: 'deleted', id })
    this.#set({
      annotations: this.#state.annotations.filter((a) => a.id !== id),
      lastDeleted: undoable ? result.value : this.#state.lastDeleted,
      trash: this.#state.trash && [result.value, ...this.#state.trash]
    })
  }

  async restore(id: string): Promise<void> {
    const result = await api.call('annotations.restore', { articleId: this.articleId, id })
    if (!result.ok) return this.#fail(result.error.message)
    this.#set({
      trash: this.#state.trash && this.#state.trash.filter((a) => a.id !== id),
      lastDeleted: this.#state.lastDeleted?.id === id ? null : this.#state.lastDeleted
    })
    this.#replace(result.value)
  }

  async emptyTrash(): Promise<void> {
    const result = await api.call('annotations.emptyTrash', { articleId: this.articleId })
    if (!result.ok) return this.#fail(result.error.message)
    const gone = new Set(result.value.map((a) => a.id))
    this.#undo = this.#undo.filter((step) => !gone.has(step.id))
    this.#set({ trash: [], lastDeleted: null })
  }

  /** The toast's Undo: restores that deletion, wherever it is in the undo stack. */
  async undoDelete(id: string): Promise<void> {
    this.#undo = this.#undo.filter((step) => !(step.kind === 'deleted' && step.id === id))
    await this.restore(id)
  }

  dismissDeleted(): void {
    this.#set({ lastDeleted: null })
  }

  /** Takes back the last deletion, change or creation. */
  async undo(): Promise<void> {
    const step = this.#undo.pop()
    this.#set({})
    if (!step) return
    if (step.kind === 'deleted') await this.restore(step.id)
    else if (step.kind === 'changed') await this.update(step.id, step.before, false)
    else await this.remove(step.id, false)
  }
}

/** The store of one article's annotations, loaded on mount and kept in step with the core. */
export function useAnnotationStore(articleId: string): [AnnotationStore, AnnotationState] {
  const store = useMemo(() => new AnnotationStore(articleId), [articleId])
  const state = useSyncExternalStore(store.subscribe, store.getState)
  useEffect(() => {
    void store.reload()
    return api.subscribe((event) => {
      if (event.type === 'annotations.changed' && event.articleId === articleId) void store.reload()
    })
  }, [store, articleId])
  return [store, state]
}
