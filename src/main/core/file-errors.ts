import { lookupTable, ownValue } from '../../shared/own'

/** What a file-system error code means, in the words a reader understands. */
const words = lookupTable<string>({
  ENOENT: 'no such file',
  EISDIR: 'is a folder',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  EBUSY: 'the file is locked by another program',
  EMFILE: 'too many files are open'
})

/** The plain words for `error`'s code, or null when the code has none. */
export function fileErrorWords(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException)?.code
  return (code && ownValue(words, code)) || null
}
