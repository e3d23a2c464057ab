import { IMPORTABLE } from './import-store'

/** Reads every entry of a dropped folder (the API hands them out in pages). */
function readEntries(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const all: FileSystemEntry[] = []
    const next = (): void =>
      reader.readEntries((page) => {
        if (page.length === 0) resolve(all)
        else {
          all.push(...page)
          next()
        }
      }, reject)
    next()
  })
}

async function filesOf(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject)
    )
    return [file]
  }
  if (!entry.isDirectory) return []
  const children = await readEntries((entry as FileSystemDirectoryEntry).createReader())
  children.sort((a, b) => a.name.localeCompare(b.name))
  const nested = await Promise.all(children.map(filesOf))
  return nested.flat().filter((file) => IMPORTABLE.test(file.name))
}

/** The files of a drop, with dropped folders walked recursively for importable files. */
export async function droppedFiles(transfer: DataTransfer): Promise<File[]> {
  const entries = [...transfer.items]
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null))
    .filter((entry): entry is FileSystemEntry => entry !== null)
  if (entries.length === 0) return [...transfer.files]
  return (await Promise.all(entries.map(filesOf))).flat()
}
