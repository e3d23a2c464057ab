import { useEffect, type ReactElement } from 'react'

interface Props {
  message: string
  actionLabel: string
  onAction: () => void
  onDismiss: () => void
  /** How long the toast stays, in milliseconds. */
  duration?: number
}

/** A short message at the bottom of the window with one action ("Deleted · Undo"). */
export function Toast({
  message,
  actionLabel,
  onAction,
  onDismiss,
  duration = 8000
}: Props): ReactElement {
  useEffect(() => {
    const timer = window.setTimeout(onDismiss, duration)
    return () => window.clearTimeout(timer)
  }, [onDismiss, duration, message])
  return (
    <div className="toast" role="status">
      <span>{message}</span>
      <span aria-hidden="true">·</span>
      <button type="button" className="toast-action" onClick={onAction}>
        {actionLabel}
      </button>
    </div>
  )
}
