import { promises as fs } from 'node:fs'
import path from 'node:path'
import { SorotFailure } from '../../../shared/result'
import type { SaveFilesRequest, SaveOutcome } from '../../../shared/save-requests'
import { writeFileAtomic } from '../store/atomic-file'

/**
 * The app's save capability without Electron: ipc.ts asks the OS dialogs where to write and
 * hands the answer here, so the checks and the writing are tested in plain Node.
 */

/**
 * A name the page suggested, as a plain file name: no folders, no `..`, none of the characters
 * Windows refuses. A suggestion is only a name, never a place to write.
 */
export function plainFileName(name: string): string {
  const plain = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[<>:"/\\|?*\p{Cc}]/gu, ' ')
    .trim()
    .replace(/^\.+/, '')
  if (!plain)
    throw new SorotFailure('bad_input', `fileName: ${JSON.stringify(name)} is not a file name`)
  return plain
}

/** The OS dialog filter for a MIME type and file name, e.g. "Markdown (*.md)". */
export function dialogFilters(
  suggestedName: string,
  mimeType: string
): Array<{ name: string; extensions: string[] }> {
  const extension = path.extname(suggestedName).slice(1)
  if (!extension) return []
  const kind = mimeType.split(';')[0].trim() || extension
  return [{ name: kind, extensions: [extension] }]
}

/** Writes one file where the save dialog said (the dialog already asked about replacing it). */
export async function writeSavedFile(file: string, text: string): Promise<SaveOutcome> {
  await writeFileAtomic(file, text)
  return { status: 'saved', location: file, count: 1 }
}

/**
 * Writes `files` into `dir`, each atomically. When some already exist there, `confirmReplace`
 * is asked first (with their names) and nothing is written unless it says yes.
 */
export async function writeFilesIntoFolder(
  dir: string,
  files: SaveFilesRequest['files'],
  confirmReplace: (existing: string[]) => Promise<boolean>
): Promise<SaveOutcome> {
  const planned = files.map((file) => ({
    target: path.join(dir, plainFileName(file.fileName)),
    content: file.content
  }))
  const names = new Set(planned.map((p) => p.target.toLowerCase()))
  if (names.size !== planned.length)
    throw new SorotFailure('bad_input', 'files: two files would have the same name')
  const existing: string[] = []
  for (const { target } of planned) {
    const found = await fs.stat(target).then(
      () => true,
      () => false
    )
    if (found) existing.push(path.basename(target))
  }
  if (existing.length && !(await confirmReplace(existing))) return { status: 'cancelled' }
  for (const { target, content: text } of planned) await writeFileAtomic(target, text)
  return { status: 'saved', location: dir, count: planned.length }
}
