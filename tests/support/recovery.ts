import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { openCore } from '../../src/main/core/core'
import { takeSnapshot } from '../../src/main/core/store/snapshots'
import { importFile, SEED, value } from './core'

export const tempDir = (): Promise<string> => mkdtemp(path.join(os.tmpdir(), 'sorot-recovery-'))

export interface Library {
  dataDir: string
  articleId: string
  annotationId: string
}

/** A library with one article and one highlight, and a snapshot of it in backups/. */
export async function libraryWithSnapshot(
  snapshot = true
): Promise<Library & { snapshot?: string }> {
  const dataDir = await tempDir()
  const core = await openCore({ dataDir, version: 'test' })
  const { id: articleId } = await importFile(core, SEED)
  const { id: annotationId } = await value<{ id: string }>(core, 'annotations.create', {
    articleId,
    kind: 'highlight',
    start: 0,
    end: 10
  })
  await value(core, 'settings.set', { theme: 'sepia' })
  const taken = snapshot ? await takeSnapshot(core.store, 'manual') : undefined
  await core.close()
  return { dataDir, articleId, annotationId, snapshot: taken?.name }
}
