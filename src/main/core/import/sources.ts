import { promises as fs } from 'node:fs'
import path from 'node:path'
import { MAX_IMPORT_BYTES } from '../../../shared/contract'
import { SorotFailure } from '../../../shared/result'
import { tooLarge } from './decode'
import { fileErrorWords } from '../file-errors'

/** File endings Sorot imports when it walks a folder (a file named directly is always tried). */
export const IMPORTABLE_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm']

const importable = (name: string): boolean =>
  IMPORTABLE_EXTENSIONS.includes(path.extname(name).toLowerCase()) && !name.startsWith('.')

/** Expands folders (recursively) into the importable files they hold, each folder sorted. */
export async function expandImportPaths(paths: string[]): Promise<string[]> {
  const files: string[] = []
  for (const input of paths) {
    const stat = await fs.stat(input).catch(() => null)
    if (stat?.isDirectory()) {
      const entries = await fs.readdir(input, { recursive: true, withFileTypes: true })
      files.push(
        ...entries
          .filter((e) => e.isFile() && importable(e.name))
          .map((e) => path.join(e.parentPath, e.name))
          .sort()
      )
    } else files.push(input)
  }
  return files
}

/** A file that could not be read, in plain words naming it. */
function readFailure(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  return `${file}: ${fileErrorWords(error) ?? String(code ?? error)}`
}

/**
 * Reads a file to import. A file over the size limit is refused before it is read, so a huge
 * file costs nothing; errors name the file in plain words.
 */
export async function readImportFile(file: string): Promise<Buffer> {
  try {
    const { size } = await fs.stat(file)
    if (size > MAX_IMPORT_BYTES) throw tooLarge(file, size)
    return await fs.readFile(file)
  } catch (error) {
    if (error instanceof SorotFailure) throw error
    throw new SorotFailure('unreadable', readFailure(file, error))
  }
}
