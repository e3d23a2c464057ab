import { useEffect, useState } from 'react'
import { isTyping, modalOpen } from '@renderer/keyboard-target'
import { droppedFiles } from './dropped-files'
import { importFiles, importText } from './import-store'

/**
 * Files or folders dropped anywhere on the window are imported, and so is text or HTML pasted
 * outside a text field. Returns whether files are being dragged over the window.
 */
export function useDropAndPaste(): boolean {
  const [dragging, setDragging] = useState(false)
  useEffect(() => {
    let depth = 0
    const hasFiles = (event: DragEvent): boolean =>
      event.dataTransfer?.types.includes('Files') ?? false
    const onDragEnter = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      depth++
      setDragging(true)
    }
    const onDragLeave = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const onDragOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    }
    const onDrop = (event: DragEvent): void => {
      depth = 0
      setDragging(false)
      if (!event.dataTransfer || !hasFiles(event)) return
      // Without this the browser would open the file in place of the app.
      event.preventDefault()
      void droppedFiles(event.dataTransfer).then(importFiles)
    }
    const onPaste = (event: ClipboardEvent): void => {
      if (isTyping(event.target) || modalOpen() || !event.clipboardData) return
      const html = event.clipboardData.getData('text/html')
      const text = event.clipboardData.getData('text/plain')
      if (!html.trim() && !text.trim()) return
      event.preventDefault()
      void importText(html.trim() ? html : text, html.trim() ? 'html' : 'text')
    }
    window.addEventListener('dragenter', onDragEnter)
    window.addEventListener('dragleave', onDragLeave)
    window.addEventListener('dragover', onDragOver)
    window.addEventListener('drop', onDrop)
    document.addEventListener('paste', onPaste)
    return () => {
      window.removeEventListener('dragenter', onDragEnter)
      window.removeEventListener('dragleave', onDragLeave)
      window.removeEventListener('dragover', onDragOver)
      window.removeEventListener('drop', onDrop)
      document.removeEventListener('paste', onPaste)
    }
  }, [])
  return dragging
}
