import { promises as fs } from 'node:fs'
import { SorotFailure } from '../../../../shared/result'
import { call, printJson, UsageError, type CliCommand, type CliContext } from '../command'

/** Reads a whole text file the user named, failing with its name. */
export async function readTextFile(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8')
  } catch (error) {
    throw new SorotFailure('unreadable', `Could not read ${file}: ${(error as Error).message}`)
  }
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`

function printSkipped(
  context: CliContext,
  skipped: Array<{ id: string | null; reason: string }>
): void {
  for (const item of skipped) context.io.stdout(`  ${item.id ?? '(no id)'}: ${item.reason}`)
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  usage: 'restore FILE',
  writes: true,
  summary:
    'restore a backup: into an empty library as it was, else merged without losing newer data',
  async run(context, args) {
    if (args.length !== 1) throw new UsageError('restore needs exactly one backup file')
    const content = await readTextFile(args[0])
    const report = await call(await context.core(), 'backup.restore', { content })
    if (context.json) printJson(context, report)
    else {
      context.io.stdout(
        `restored: ${plural(report.articlesAdded, 'new article')}, ${plural(report.articlesUpdated, 'article')} updated, ${plural(report.versionsAdded, 'version')} and ${plural(report.annotationsAdded, 'annotation')} added, ${report.annotationsUpdated} annotation(s) updated`
      )
      if (report.skipped.length) {
        context.io.stdout(`kept the library's own copy of ${report.skipped.length}:`)
        printSkipped(
          context,
          report.skipped.map((s) => ({ id: `${s.kind} ${s.id}`, reason: s.reason }))
        )
      }
      context.io.stdout(`the library as it was before is in backups/${report.snapshot}`)
    }
    return 0
  }
}
