import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore } from '../../src/main/core/core'
import { TEMP_FILE } from '../../src/main/core/store/atomic-file'
import {
  annotationsFileSchema,
  articleFileSchema,
  indexFileSchema,
  settingsFileSchema
} from '../../src/main/core/store/schemas'
import { bundleForNode } from '../support/bundle'
import { CORPUS, importFile, SEED } from '../support/core'
import { ROOT } from '../support/paths'

const KILLS = 60

/** A deterministic random source, so a failing run can be replayed from its seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

interface Acknowledged {
  annotations: Map<string, Set<string>>
  articles: Set<string>
}

/**
 * Runs the writer until it is killed: at a random moment after it is ready, or (one run in
 * six) while it is still starting and opening the store. Collects what it acknowledged.
 */
async function runAndKill(
  writer: string,
  dataDir: string,
  articleIds: string[],
  random: () => number,
  acknowledged: Acknowledged
): Promise<void> {
  const child = spawn(process.execPath, [writer, dataDir, ...articleIds], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  child.stderr.on('data', (chunk) => (stderr += String(chunk)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const lines = createInterface({ input: child.stdout })
  const ready = new Promise<void>((resolve) => {
    lines.on('line', (line) => {
      const [kind, a, b] = line.split(' ')
      if (kind === 'ready') resolve()
      else if (kind === 'annotation') {
        if (!acknowledged.annotations.has(a)) acknowledged.annotations.set(a, new Set())
        acknowledged.annotations.get(a)!.add(b)
      } else if (kind === 'article') acknowledged.articles.add(a)
    })
  })
  const early = random() < 1 / 6
  if (early) await new Promise((resolve) => setTimeout(resolve, 150 + random() * 250))
  else {
    await Promise.race([ready, exited])
    await new Promise((resolve) => setTimeout(resolve, random() * 250))
  }
  if (child.exitCode !== null) throw new Error(`the writer stopped by itself: ${stderr}`)
  child.kill('SIGKILL')
  await exited
  // Lines already in the pipe when the kill landed were acknowledged too.
  await new Promise<void>((resolve) => (lines.once('close', resolve), setImmediate(resolve)))
}

/** Every data file, parsed with its schema; throws naming the first that does not parse. */
async function readAllDataFiles(dataDir: string): Promise<{
  index: ReturnType<typeof indexFileSchema.parse>
  annotations: Map<string, Set<string>>
  temps: string[]
}> {
  const parse = async <T>(file: string, schema: { parse: (v: unknown) => T }): Promise<T> => {
    const text = await readFile(file, 'utf8')
    try {
      return schema.parse(JSON.parse(text))
    } catch (error) {
      throw new Error(`${file} does not parse: ${(error as Error).message}: ${text.slice(0, 80)}`)
    }
  }
  const index = await parse(path.join(dataDir, 'index.json'), indexFileSchema)
  await parse(path.join(dataDir, 'settings.json'), settingsFileSchema)
  const temps: string[] = []
  const annotations = new Map<string, Set<string>>()
  for (const folder of ['', 'articles', 'annotations']) {
    for (const name of await readdir(path.join(dataDir, folder))) {
      if (TEMP_FILE.test(name)) temps.push(path.join(folder, name))
      if (!folder || !name.endsWith('.json')) continue
      const file = path.join(dataDir, folder, name)
      if (folder === 'articles') await parse(file, articleFileSchema)
      else {
        const data = await parse(file, annotationsFileSchema)
        annotations.set(name.replace(/\.json$/, ''), new Set(data.annotations.map((a) => a.id)))
      }
    }
  }
  return { index, annotations, temps }
}

describe('crash safety', () => {
  let bundleDir: string
  let writer: string

  beforeAll(async () => {
    bundleDir = path.join(ROOT, 'node_modules/.cache', `sorot-crash-${process.pid}`)
    ;({ 'crash-writer': writer } = await bundleForNode(
      { 'crash-writer': path.join(ROOT, 'tests/support/crash-writer.ts') },
      bundleDir
    ))
  }, 60_000)

  afterAll(async () => {
    await rm(bundleDir, { recursive: true, force: true })
  })

  it(`keeps every file readable and every acknowledged write across ${KILLS} SIGKILLs`, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-crash-'))
    const setup = await openCore({ dataDir, version: 'test' })
    const articleIds = [
      (await importFile(setup, SEED)).id,
      (await importFile(setup, path.join(CORPUS, 'real/01-kompas-pilot-susi-air.txt'))).id
    ]
    await setup.close()
    const seed = Date.now()
    const random = seeded(seed)
    const acknowledged: Acknowledged = { annotations: new Map(), articles: new Set() }
    let tempsSeen = 0
    for (let kill = 1; kill <= KILLS; kill++) {
      await runAndKill(writer, dataDir, articleIds, random, acknowledged)
      const where = `after kill ${kill} (seed ${seed})`
      const onDisk = await readAllDataFiles(dataDir)
      tempsSeen += onDisk.temps.length
      for (const [articleId, ids] of acknowledged.annotations) {
        const stored = onDisk.annotations.get(articleId) ?? new Set()
        const lost = [...ids].filter((id) => !stored.has(id))
        expect(lost, `${where}: acknowledged annotations of ${articleId} missing`).toEqual([])
      }
      const indexed = new Set(onDisk.index.articles.map((a) => a.id))
      const lostArticles = [...acknowledged.articles].filter((id) => !indexed.has(id))
      expect(lostArticles, `${where}: acknowledged imports missing from index.json`).toEqual([])
      // The next opening repairs nothing (nothing was damaged) and sweeps the killed writes' temp files.
      const reopened = await openCore({ dataDir, version: 'test' })
      expect(reopened.recoveries, where).toEqual([])
      await reopened.close()
      expect((await readAllDataFiles(dataDir)).temps, where).toEqual([])
    }
    const total = [...acknowledged.annotations.values()].reduce((n, ids) => n + ids.size, 0)
    expect(total, 'the writer acknowledged annotations at all').toBeGreaterThan(KILLS)
    console.info(
      `crash safety: ${KILLS} kills, ${total} annotations and ${acknowledged.articles.size} imports acknowledged, ${tempsSeen} temp files left by kills and swept`
    )
    // A hang detector: 60 child processes take about 75 s here, and more on a slower CI machine.
  }, 300_000)
})
