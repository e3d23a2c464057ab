/**
 * Offers text as a download through a Blob URL (the browser bridge; the Electron save dialog
 * comes later). Downloads are not governed by the page's CSP, so it needs no change.
 */
export function downloadText(fileName: string, content: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the URL; give it a moment before it is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
