import { mkdtemp } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { jsonLdFixture, timeJsonLdImport } from '../../scripts/bench/jsonld'
import { openCore } from '../../src/main/core/core'

/** CPU time of importing `count` annotations into a fresh library of 4 articles (many per article). */
async function importCpuMs(count: number): Promise<number> {
  const dataDir = path.join(await mkdtemp(path.join(os.tmpdir(), 'sorot-jsonld-')), 'library')
  const { content } = jsonLdFixture(dataDir, 4, count)
  const core = await openCore({ dataDir, version: 'test' })
  try {
    const { cpuMs, imported } = await timeJsonLdImport(core, content)
    // Every annotation lands (a few seeded passages repeat and are skipped as duplicates).
    expect(imported).toBeGreaterThan(count * 0.98)
    return cpuMs
  } finally {
    await core.close()
  }
}

describe('JSON-LD annotation import at scale', () => {
  it(
    'grows linearly: 10x the annotations take at most 15x the CPU time',
    // A measurement on a shared machine: two retries, so one unlucky run does not fail it,
    // while a quadratic import (100x the time) fails every attempt.
    { timeout: 300_000, retry: 2 },
    async () => {
      await importCpuMs(500) // warms the code paths, so the small run is not mostly compiling
      const small = Math.min(await importCpuMs(2_000), await importCpuMs(2_000))
      const large = await importCpuMs(20_000)
      expect(large / small).toBeLessThanOrEqual(15)
    }
  )
})
