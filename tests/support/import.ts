import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Core } from '../../src/main/core/core'
import type { ArticleDetail, ImportOutcome } from '../../src/shared/model'
import { value } from './core'

export const b64 = (bytes: Uint8Array | string): string => Buffer.from(bytes).toString('base64')

/** Imports raw bytes under a file name through the contract, as the UI does. */
export async function importBytes(
  core: Core,
  name: string,
  bytes: Uint8Array | string
): Promise<ImportOutcome> {
  const [outcome] = await value<ImportOutcome[]>(core, 'articles.import', {
    items: [{ name, base64: b64(bytes) }]
  })
  return outcome
}

export const article = (core: Core, id: string): Promise<ArticleDetail> =>
  value<ArticleDetail>(core, 'articles.get', { id })

/** Every file under the data dir with its size and mtime: "nothing changed" means equal. */
export async function snapshot(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  const files = entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name))
  return Promise.all(
    files.sort().map(async (f) => {
      const s = await stat(f)
      return `${path.relative(dir, f)} ${s.size} ${s.mtimeMs}`
    })
  )
}

export const ARTICLE = [
  'Harga Cabai Naik di Pasar Induk',
  '',
  'Harga cabai rawit di Pasar Induk Kramat Jati naik tajam sejak awal pekan ini.',
  '',
  '"Pasokan dari Jawa Tengah berkurang karena hujan," kata Suryani, pedagang di pasar itu.'
].join('\n')
