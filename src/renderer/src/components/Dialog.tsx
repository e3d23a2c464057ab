import { useEffect, useRef, type ReactElement, type ReactNode } from 'react'
import { Label } from './Gloss'

interface Props {
  open: boolean
  title: string
  onClose: () => void
  children: ReactNode
}

/**
 * A modal <dialog>: the browser traps focus inside it, Escape closes it, and focus returns to
 * what was focused before it opened.
 */
export function Dialog({ open, title, onClose, children }: Props): ReactElement {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])
  return (
    <dialog ref={ref} className="dialog" aria-label={title} onClose={onClose}>
      <h2 className="dialog-title">{title}</h2>
      {open && children}
    </dialog>
  )
}

/** A dialog form's buttons: Cancel, then the primary action that submits the form. */
export function DialogActions({
  submitLabel,
  onCancel,
  disabled = false
}: {
  submitLabel: string
  onCancel: () => void
  disabled?: boolean
}): ReactElement {
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onCancel}>
        <Label k="common.cancel" />
      </button>
      <button type="submit" className="button primary" disabled={disabled}>
        {submitLabel}
      </button>
    </div>
  )
}
