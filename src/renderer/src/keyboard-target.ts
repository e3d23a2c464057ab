/** True when keys (and a paste) belong to what the reader is typing into. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return (
    target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    (target.tagName === 'INPUT' &&
      !['checkbox', 'radio', 'button', 'range'].includes((target as HTMLInputElement).type))
  )
}

/** True while a modal dialog is open: it has its own keys, and the page's do not apply. */
export function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null
}
