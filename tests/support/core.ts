import { mkdtemp, readFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { openCore, type Core, type CoreOptions } from '../../src/main/core/core'

export { CORPUS, SEED } from './paths'

/** A core over a new temp data dir. */
export async function tempCore(
  options: Omit<CoreOptions, 'dataDir' | 'version'> = {}
): Promise<Core> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sorot-unit-'))
  return openCore({ ...options, dataDir, version: 'test' })
}

/** Calls a channel and returns its value, failing the test with the error otherwise. */
export async function value<T = unknown>(core: Core, channel: string, input: unknown): Promise<T> {
  const result = await core.dispatch(channel, input)
  if (!result.ok)
    throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`)
  return result.value as T
}

/** Imports a file from disk through the contract, as the UI does. */
export async function importFile(
  core: Core,
  file: string
): Promise<{ id: string; status: string }> {
  const base64 = (await readFile(file)).toString('base64')
  const [outcome] = await value<Array<{ id: string; status: string }>>(core, 'articles.import', {
    items: [{ name: path.basename(file), base64 }]
  })
  return outcome
}
