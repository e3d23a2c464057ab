import { useRef, useState, type RefObject } from 'react'

export interface FindState {
  findOpen: boolean
  openFind: () => void
  closeFind: () => void
}

/** The find bar's open state; closing it gives the focus back to where it was when opened. */
export function useFind(bodyRef: RefObject<HTMLElement | null>): FindState {
  const [findOpen, setFindOpen] = useState(false)
  const returnFocus = useRef<HTMLElement | null>(null)
  const openFind = (): void => {
    if (!findOpen) returnFocus.current = document.activeElement as HTMLElement | null
    setFindOpen(true)
    document.querySelector<HTMLInputElement>('.find-bar input')?.focus()
  }
  const closeFind = (): void => {
    setFindOpen(false)
    ;(returnFocus.current ?? bodyRef.current)?.focus()
  }
  return { findOpen, openFind, closeFind }
}
