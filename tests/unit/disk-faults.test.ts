import { mkdtemp, readdir, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src/main/core/core'
import {
  AtomicJsonFile,
  nodeFileSystem,
  TEMP_FILE,
  useFileSystem,
  type FileSystem
} from '../../src/main/core/store/atomic-file'
import { runSorot } from '../support/cli'
import { CORPUS, importFile, SEED, value } from '../support/core'

/** Where a fault strikes in a write: creating the temp file, writing it, or renaming it. */
type Stage = 'open' | 'write' | 'rename'

interface Fault {
  code: string
  stage: Stage
}

/** What users meet: full disk, read-only data dir or file, a file locked by another program. */
const FAULTS: Fault[] = [
  { code: 'ENOSPC', stage: 'write' },
  { code: 'EACCES', stage: 'open' },
  { code: 'EPERM', stage: 'open' },
  { code: 'EROFS', stage: 'open' },
  { code: 'EBUSY', stage: 'rename' },
  { code: 'EPERM', stage: 'rename' }
]

const WORDS: Record<string, RegExp> = {
  ENOSPC: /the disk is full \(ENOSPC\)/,
  EACCES: /permission denied \(EACCES\)/,
  EPERM: /not permitted \(EPERM\)/,
  EROFS: /read-only \(EROFS\)/,
  EBUSY: /locked by another program \(EBUSY\)/
}

function errnoError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected fault, ${syscall} '${file}'`), {
    code,
    syscall,
    path: file
  })
}

/**
 * node:fs with one fault injected into writes of data files while `active`: a full disk fails
 * after half the bytes are written (a partial temp file exists at that moment).
 */
function faultyFileSystem(fault: Fault): FileSystem & { active: boolean } {
  const fs = {
    active: true,
    open: async (file: string, flags: string, mode?: number) => {
      const isTemp = TEMP_FILE.test(path.basename(file))
      if (fs.active && isTemp && fault.stage === 'open') throw errnoError(fault.code, 'open', file)
      const handle = await nodeFileSystem.open(file, flags, mode)
      if (!(fs.active && isTemp && fault.stage === 'write')) return handle
      return {
        writeFile: async (data: string) => {
          await handle.writeFile(data.slice(0, Math.floor(data.length / 2)), 'utf8')
          throw errnoError(fault.code, 'write', file)
        },
        sync: () => handle.sync(),
        close: () => handle.close()
      }
    },
    rename: async (from: string, to: string) => {
      if (fs.active && fault.stage === 'rename') throw errnoError(fault.code, 'rename', to)
      return nodeFileSystem.rename(from, to)
    },
    rm: nodeFileSystem.rm
  }
  return fs
}

interface Library {
  dataDir: string
  articleId: string
}

async function library(): Promise<Library> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-faults-'))
  const core = await openCore({ dataDir, version: 'test' })
  const { id: articleId } = await importFile(core, SEED)
  await value(core, 'annotations.create', { articleId, kind: 'highlight', start: 0, end: 12 })
  await core.close()
  return { dataDir, articleId }
}

/** Every file of the data dir with its bytes (backups aside), to compare before and after. */
async function filesOf(dataDir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {}
  for (const folder of ['', 'articles', 'annotations']) {
    for (const entry of await readdir(path.join(dataDir, folder), { withFileTypes: true })) {
      if (!entry.isFile()) continue
      const relative = path.join(folder, entry.name)
      found[relative] = await readFile(path.join(dataDir, relative), 'utf8')
    }
  }
  return found
}

async function seen(core: Core, articleId: string): Promise<unknown> {
  return {
    articles: await value(core, 'articles.list', {}),
    text: (await value<{ text: string }>(core, 'articles.get', { id: articleId })).text,
    annotations: await value(core, 'annotations.list', { articleId }),
    settings: await value(core, 'settings.get', {})
  }
}

describe('disk faults on writes', () => {
  for (const fault of FAULTS) {
    const name = `${fault.code} at ${fault.stage}`

    it(`${name}: a highlight fails naming the file; disk and memory keep the previous state; reading works`, async () => {
      const { dataDir, articleId } = await library()
      const before = await filesOf(dataDir)
      const fileSystem = faultyFileSystem(fault)
      const core = await openCore({ dataDir, version: 'test', store: { fileSystem } })
      const shown = await seen(core, articleId)

      const result = await core.dispatch('annotations.create', {
        articleId,
        kind: 'highlight',
        start: 20,
        end: 40
      })
      expect(result.ok).toBe(false)
      if (result.ok) return
      expect(result.error.code).toBe('storage')
      expect(result.error.message).toContain(
        `Could not save ${path.join(dataDir, 'annotations', `${articleId}.json`)}`
      )
      expect(result.error.message).toMatch(WORDS[fault.code])
      expect(await filesOf(dataDir)).toEqual(before)
      expect(await seen(core, articleId)).toEqual(shown)

      // The same for settings and for an import (an article file, then index.json).
      const settings = await core.dispatch('settings.set', { theme: 'dark' })
      expect(settings.ok || settings.error.message).toMatch(/settings\.json/)
      const imported = await value<Array<{ status: string; error?: string }>>(
        core,
        'articles.import',
        {
          items: [
            {
              name: 'baru.txt',
              base64: Buffer.from('Judul baru\n\nIsi berita baru.').toString('base64')
            }
          ]
        }
      )
      expect(imported[0].status).toBe('failed')
      expect(imported[0].error).toMatch(WORDS[fault.code])
      expect(await filesOf(dataDir)).toEqual(before)
      expect(await seen(core, articleId)).toEqual(shown)

      // Once the disk has room again, writing simply works.
      fileSystem.active = false
      await value(core, 'annotations.create', { articleId, kind: 'highlight', start: 20, end: 40 })
      expect(await value<unknown[]>(core, 'annotations.list', { articleId })).toHaveLength(2)
      await core.close()
    })
  }

  it('a full disk during one adapter write leaves no temp file and the old content', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sorot-faults-'))
    const file = path.join(dir, 'data.json')
    await new AtomicJsonFile<{ n: number }>(file).write({ n: 1 })
    const adapter = new AtomicJsonFile<{ n: number }>(
      file,
      faultyFileSystem({ code: 'ENOSPC', stage: 'write' })
    )
    await expect(adapter.write({ n: 2 })).rejects.toMatchObject({ code: 'ENOSPC' })
    expect(await readdir(dir)).toEqual(['data.json'])
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ n: 1 })
  })

  it('the CLI exits 1 with the message naming the file, and reading still works', async () => {
    const { dataDir, articleId } = await library()
    const before = await filesOf(dataDir)
    const restore = useFileSystem(faultyFileSystem({ code: 'ENOSPC', stage: 'write' }))
    try {
      const highlight = await runSorot([
        '--data-dir',
        dataDir,
        'highlight',
        articleId,
        '--quote',
        'Presiden Putin'
      ])
      expect(highlight.code).toBe(1)
      expect(highlight.stderr).toContain(
        `sorot: Could not save ${path.join(dataDir, 'annotations', `${articleId}.json`)}: the disk is full (ENOSPC)`
      )
      const imported = await runSorot([
        '--data-dir',
        dataDir,
        'import',
        path.join(CORPUS, 'real/02-kompas-orangtua-bima.txt')
      ])
      expect(imported.code).toBe(1)
      expect(imported.stderr).toMatch(/Could not save .*articles.*the disk is full \(ENOSPC\)/)
      const list = await runSorot(['--data-dir', dataDir, 'annotations', articleId])
      expect(list.code).toBe(0)
      expect(list.stdout.trim().split('\n')).toHaveLength(1)
    } finally {
      restore()
    }
    const after = await filesOf(dataDir)
    expect(after).toEqual(before)
  })
})
