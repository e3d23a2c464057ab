import { useEffect, useRef } from 'react'
import { isTyping, modalOpen } from '@renderer/keyboard-target'

export interface ReaderShortcuts {
  highlight: () => void
  note: () => void
  next: () => void
  previous: () => void
  find: () => void
  undo: () => void
  help: () => void
  escape: () => boolean
}

/**
 * The reader's keys: h, n, j, k, ?, Ctrl/Cmd+F, Ctrl/Cmd+Z and Escape. None fires while the
 * reader types in a field or while a modal dialog is open (it has its own keys).
 */
export function useReaderShortcuts(shortcuts: ReaderShortcuts): void {
  const latest = useRef(shortcuts)
  useEffect(() => {
    latest.current = shortcuts
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing) return
      if (modalOpen()) return
      const on = latest.current
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      if (mod && !event.altKey && key === 'f') {
        event.preventDefault()
        on.find()
        return
      }
      if (isTyping(event.target)) return
      if (mod && !event.shiftKey && !event.altKey && key === 'z') {
        event.preventDefault()
        on.undo()
        return
      }
      if (event.key === 'Escape') {
        if (on.escape()) event.preventDefault()
        return
      }
      if (mod || event.altKey) return
      const action = {
        h: on.highlight,
        n: on.note,
        j: on.next,
        k: on.previous,
        '?': on.help
      }[event.key]
      if (action) {
        event.preventDefault()
        action()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
