import { SorotFailure } from '../../../shared/result'
import { SCHEMA_VERSION } from './schemas'

/** Which data file of DESIGN.md §3 a migration applies to. */
export type DataFileKind = 'index' | 'settings' | 'article' | 'annotations' | 'speakers'

/** One step: turns a file at schemaVersion `from` into the same file at `from + 1`. */
export interface Migration {
  kind: DataFileKind
  from: number
  migrate(file: Record<string, unknown>): Record<string, unknown>
}

/**
 * The migrations this build knows. Schema 1 is the first released schema, so there are none
 * yet; the next schema change adds its step here (and a snapshot is taken before any file is
 * rewritten by it: see JsonFile.load).
 */
export const MIGRATIONS: readonly Migration[] = []

/**
 * Brings `file` (at schemaVersion `version`, below SCHEMA_VERSION) up to SCHEMA_VERSION one
 * step at a time. Throws a SorotFailure naming the file when a step is missing: such a file is
 * left as it is rather than guessed at.
 */
export function migrateFile(
  name: string,
  kind: DataFileKind,
  file: Record<string, unknown>,
  version: number,
  migrations: readonly Migration[] = MIGRATIONS
): Record<string, unknown> {
  let current = file
  for (let from = version; from < SCHEMA_VERSION; from++) {
    const step = migrations.find((m) => m.kind === kind && m.from === from)
    if (!step)
      throw new SorotFailure(
        'storage',
        `${name} uses schema ${version}, which this version of Sorot cannot upgrade (no step from schema ${from}); the file was not changed.`
      )
    current = { ...step.migrate(current), schemaVersion: from + 1 }
  }
  return current
}
