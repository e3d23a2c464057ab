import { useEffect, useMemo } from 'react'
import type { ChannelInput } from '@shared/contract'
import type { Annotation } from '@shared/model'
import { api } from '@renderer/api'
import { createStore, useStore, type ReadableStore } from '@renderer/state/store'

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

/** One article's annotations and what the reader does to them (see createAnnotationStore). */
export interface AnnotationStore extends ReadableStore<AnnotationState> {
  readonly articleId: string
  /** The article text and version, so a pending highlight can be drawn before the core answers. */
  setArticle: (text: string, version: number) => void
  reload: () => Promise<void>
  loadTrash: () => Promise<void>
  /** Creates an annotation; a highlight shows at once and is swapped for the stored one. */
  create: (input: NewAnnotation) => Promise<Annotation | null>
  /** Changes colour, labels, note or speaker, or re-attaches to a new range. */
  update: (id: string, changes: Changes, undoable?: boolean) => Promise<Annotation | null>
  /** Moves an annotation to the trash; Undo (or Ctrl/Cmd+Z) brings it back. */
  remove: (id: string, undoable?: boolean) => Promise<void>
  restore: (id: string) => Promise<void>
  emptyTrash: () => Promise<void>
  /** The toast's Undo: restores that deletion, wherever it is in the undo stack. */
  undoDelete: (id: string) => Promise<void>
  dismissDeleted: () => void
  /** Takes back the last deletion, change or creation. */
  undo: () => Promise<void>
}

const EMPTY: AnnotationState = {
  annotations: [],
  trash: null,
  loaded: false,
  error: null,
  lastDeleted: null,
  canUndo: false
}

/**
 * One article's annotations and every change to them: creation drawn at once (before the
 * core answers, so a highlight appears without waiting for the disk), changes, soft delete,
 * restore, the trash, and an undo stack. Reloads when the core says the article's annotations
 * changed (another window, the CLI over serve, a new version).
 */
export function createAnnotationStore(articleId: string): AnnotationStore {
  const state = createStore<AnnotationState>(EMPTY)
  let undoSteps: UndoStep[] = []
  let text = ''
  let version = 0

  const set = (change: Partial<AnnotationState>): void =>
    state.set({ ...change, canUndo: undoSteps.length > 0 })
  const fail = (message: string): void => set({ error: message })
  const current = (): AnnotationState => state.get()

  const replace = (annotation: Annotation): void => {
    const others = current().annotations.filter((a) => a.id !== annotation.id)
    set({ annotations: insertInOrder(others, annotation), error: null })
  }

  const store: AnnotationStore = {
    articleId,
    get: state.get,
    subscribe: state.subscribe,

    setArticle(nextText, nextVersion) {
      const newVersion = version !== 0 && nextVersion !== version
      text = nextText
      version = nextVersion
      // A new version re-anchored the annotations in the core: some may have moved or be orphans.
      if (newVersion) void store.reload()
    },

    async reload() {
      const result = await api.call('annotations.list', { articleId })
      if (!result.ok) return fail(result.error.message)
      const pending = current().annotations.filter((a) => a.id.startsWith(PENDING_PREFIX))
      let next = reconcile(current().annotations, result.value)
      for (const annotation of pending) next = insertInOrder(next, annotation)
      set({ annotations: next, loaded: true, error: null })
      if (current().trash) await store.loadTrash()
    },

    async loadTrash() {
      const result = await api.call('annotations.list', { articleId, trash: true })
      if (result.ok) set({ trash: result.value })
      else fail(result.error.message)
    },

    async create(input) {
      const now = new Date().toISOString()
      const pendingId = `${PENDING_PREFIX}${crypto.randomUUID()}`
      if (input.start !== undefined && input.end !== undefined) {
        const [start, end] = [input.start, input.end]
        const pending: Annotation = {
          id: pendingId,
          articleId,
          kind: input.kind,
          target: {
            version,
            selectors: [
              { type: 'TextPositionSelector', start, end },
              { type: 'TextQuoteSelector', exact: text.slice(start, end), prefix: '', suffix: '' }
            ]
          },
          color: input.color ?? 'yellow',
          labels: input.labels ?? [],
          note: input.note ?? '',
          createdAt: now,
          updatedAt: now
        }
        set({ annotations: insertInOrder(current().annotations, pending) })
      }
      const result = await api.call('annotations.create', { articleId, ...input })
      const without = current().annotations.filter((a) => a.id !== pendingId)
      if (!result.ok) {
        set({ annotations: without })
        fail(result.error.message)
        return null
      }
      undoSteps.push({ kind: 'created', id: result.value.id })
      const present = without.some((a) => a.id === result.value.id)
      set({ annotations: present ? without : insertInOrder(without, result.value), error: null })
      return result.value
    },

    async update(id, changes, undoable = true) {
      const before = current().annotations.find((a) => a.id === id)
      const result = await api.call('annotations.update', { articleId, id, ...changes })
      if (!result.ok) {
        fail(result.error.message)
        return null
      }
      if (before && undoable)
        undoSteps.push({ kind: 'changed', id, before: undoOf(before, changes) })
      replace(result.value)
      return result.value
    },

    async remove(id, undoable = true) {
      const result = await api.call('annotations.delete', { articleId, id })
      if (!result.ok) return fail(result.error.message)
      if (undoable) undoSteps.push({ kind: 'deleted', id })
      const { annotations, lastDeleted, trash } = current()
      set({
        annotations: annotations.filter((a) => a.id !== id),
        lastDeleted: undoable ? result.value : lastDeleted,
        trash: trash && [result.value, ...trash]
      })
    },

    async restore(id) {
      const result = await api.call('annotations.restore', { articleId, id })
      if (!result.ok) return fail(result.error.message)
      const { trash, lastDeleted } = current()
      set({
        trash: trash && trash.filter((a) => a.id !== id),
        lastDeleted: lastDeleted?.id === id ? null : lastDeleted
      })
      replace(result.value)
    },

    async emptyTrash() {
      const result = await api.call('annotations.emptyTrash', { articleId })
      if (!result.ok) return fail(result.error.message)
      const gone = new Set(result.value.map((a) => a.id))
      undoSteps = undoSteps.filter((step) => !gone.has(step.id))
      set({ trash: [], lastDeleted: null })
    },

    async undoDelete(id) {
      undoSteps = undoSteps.filter((step) => !(step.kind === 'deleted' && step.id === id))
      await store.restore(id)
    },

    dismissDeleted() {
      set({ lastDeleted: null })
    },

    async undo() {
      const step = undoSteps.pop()
      set({})
      if (!step) return
      if (step.kind === 'deleted') await store.restore(step.id)
      else if (step.kind === 'changed') await store.update(step.id, step.before, false)
      else await store.remove(step.id, false)
    }
  }
  return store
}

/** The fields a change replaces, as they were: what undoing it puts back. */
function undoOf(annotation: Annotation, changes: Changes): Changes {
  const before: Changes = {}
  if (changes.color !== undefined) before.color = annotation.color as Changes['color']
  if (changes.labels !== undefined) before.labels = annotation.labels
  if (changes.note !== undefined) before.note = annotation.note
  if (changes.speaker !== undefined) before.speaker = annotation.speaker ?? null
  if (changes.otherNotes !== undefined) before.otherNotes = annotation.otherNotes ?? []
  if (changes.start !== undefined && annotation.target && !annotation.orphan) {
    before.start = annotation.target.selectors[0].start
    before.end = annotation.target.selectors[0].end
  }
  return before
}

/**
 * One article's annotations: a store made when the reader opens the article, loaded on mount
 * and kept in step with the core.
 */
export function useAnnotations(articleId: string): [AnnotationStore, AnnotationState] {
  const store = useMemo(() => createAnnotationStore(articleId), [articleId])
  const state = useStore(store)
  useEffect(() => {
    void store.reload()
    return api.subscribe((event) => {
      if (event.type === 'annotations.changed' && event.articleId === articleId) void store.reload()
    })
  }, [store, articleId])
  return [store, state]
}
