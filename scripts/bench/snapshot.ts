/**
 * The daily snapshot (the 100,000-article issue): the first snapshot of a library stores every
 * data file, compressed, in the version store once; a day later, after a day's imports and
 * highlights, the next one stores what changed and a manifest. snapshotMs and snapshotExtraMb
 * are that second, daily one: its time and the disk space it added.
 */
import { lstat, readdir } from 'node:fs/promises'
import path from 'node:path'
import { takeSnapshot } from '../../src/main/core/store/snapshots'
import { openCore, type Core } from '../../src/main/core/core'
import type { BenchContext, Figure } from './common'
import { articleParagraphs, corpusWords, seededRandom } from './generate'
import { round } from './stats'

/** A day of a monitoring desk: articles imported and highlights made. */
const DAY_IMPORTS = 200
const DAY_HIGHLIGHTS = 50

/** Disk space (allocated blocks) under `dir`, each file counted once however many names it has. */
async function diskBytes(dir: string, seen = new Set<bigint>()): Promise<number> {
  let bytes = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    const info = await lstat(file, { bigint: true })
    if (seen.has(info.ino)) continue
    seen.add(info.ino)
    bytes += Number(info.blocks) * 512
    if (entry.isDirectory()) bytes += await diskBytes(file, seen)
  }
  return bytes
}

async function call<T>(core: Core, channel: string, input: unknown): Promise<T> {
  const result = await core.dispatch(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`)
  return result.value as T
}

/** A day's changes: new articles imported in one batch, highlights on the newest of them. */
async function aDayOfWork(core: Core): Promise<void> {
  const words = corpusWords()
  const random = seededRandom(7)
  const items = Array.from({ length: DAY_IMPORTS }, (_, i) => ({
    name: `hari-${i + 1}.txt`,
    text: `Berita hari ini nomor ${i + 1}\n\n${articleParagraphs(words, 600, random).join('\n\n')}`
  }))
  const outcomes = await call<Array<{ id: string }>>(core, 'articles.import', { items })
  for (let i = 0; i < DAY_HIGHLIGHTS; i++) {
    const start = Math.floor(random() * 2000)
    await call(core, 'annotations.create', {
      articleId: outcomes[i % outcomes.length].id,
      kind: 'highlight',
      start,
      end: start + 40
    })
  }
}

const MB = 1024 * 1024

export async function snapshotBenchmarks(
  workDir: string,
  context: BenchContext
): Promise<Figure[]> {
  const dataDir = context.library(path.join(workDir, 'library'))
  const backups = path.join(dataDir, 'backups')
  const core = await openCore({ dataDir, version: 'bench' })
  try {
    let started = performance.now()
    const first = await takeSnapshot(core.store, 'daily')
    const firstMs = performance.now() - started
    const firstBytes = await diskBytes(backups)
    await aDayOfWork(core)
    const before = await diskBytes(backups)
    started = performance.now()
    const daily = await takeSnapshot(core.store, 'daily')
    const dailyMs = performance.now() - started
    const extra = (await diskBytes(backups)) - before
    const seen = new Set<bigint>()
    // The library itself: everything but backups/.
    let library = 0
    for (const entry of await readdir(dataDir, { withFileTypes: true }))
      if (entry.name !== 'backups') {
        const file = path.join(dataDir, entry.name)
        const info = await lstat(file, { bigint: true })
        library += Number(info.blocks) * 512
        if (entry.isDirectory()) library += await diskBytes(file, seen)
      }
    const n = context.size
    return [
      {
        key: 'snapshotMs',
        name: `snapshot.daily after a day (${DAY_IMPORTS} imports, ${DAY_HIGHLIGHTS} highlights) of ${n} articles: ${daily.shared} shared, ${daily.stored} stored`,
        value: round(dailyMs),
        unit: 'ms',
        target: 3000,
        better: 'lower'
      },
      {
        key: 'snapshotExtraMb',
        name: `snapshot.daily disk space added (library ${round(library / MB, 1)} MB; target 5% of it)`,
        value: round(extra / MB, 2),
        unit: 'MB',
        target: round((0.05 * library) / MB, 1),
        better: 'lower'
      },
      {
        key: 'snapshotFirstMs',
        name: `snapshot.first of ${n} articles: every file stored compressed once (${first.stored} stored; context, no target)`,
        value: round(firstMs),
        unit: 'ms',
        target: Number.POSITIVE_INFINITY,
        better: 'lower'
      },
      {
        key: 'snapshotFirstExtraMb',
        name: 'snapshot.first disk space (context, no target)',
        value: round(firstBytes / MB, 1),
        unit: 'MB',
        target: Number.POSITIVE_INFINITY,
        better: 'lower'
      }
    ]
  } finally {
    await core.close()
  }
}
