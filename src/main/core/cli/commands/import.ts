import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { ImportOutcome } from '../../../../shared/model'
import { call, printJson, UsageError, type CliCommand } from '../command'

const IMPORTABLE = new Set(['.txt', '.text', '.md', '.markdown'])

/** Expands folders (recursively) into the importable files they hold, sorted. */
async function expandPaths(paths: string[]): Promise<string[]> {
  const files: string[] = []
  for (const input of paths) {
    const stat = await fs.stat(input).catch(() => null)
    if (stat?.isDirectory()) {
      const entries = await fs.readdir(input, { recursive: true, withFileTypes: true })
      files.push(
        ...entries
          .filter((e) => e.isFile() && IMPORTABLE.has(path.extname(e.name).toLowerCase()))
          .map((e) => path.join(e.parentPath, e.name))
          .sort()
      )
    } else files.push(input)
  }
  return files
}

const readError = (file: string, error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EACCES'
        ? 'permission denied'
        : String(code ?? error)
  return `${file}: ${why}`
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import <path…|->',
  summary: 'import .txt and .md files, folders, or stdin (-)',
  async run(context, args) {
    if (args.length === 0) throw new UsageError('import needs at least one path, or - for stdin')
    const core = await context.core()
    const outcomes: ImportOutcome[] = []
    const files = await expandPaths(args.filter((a) => a !== '-'))
    for (const arg of args.includes('-') ? ['-', ...files] : files) {
      let base64: string
      try {
        base64 = (arg === '-' ? await context.io.readStdin() : await fs.readFile(arg)).toString(
          'base64'
        )
      } catch (error) {
        outcomes.push({ input: arg, status: 'failed', error: readError(arg, error) })
        continue
      }
      const name = arg === '-' ? 'stdin' : arg
      const [outcome] = await call(core, 'articles.import', { items: [{ name, base64 }] })
      outcomes.push({ ...outcome, input: arg })
    }
    if (context.json) printJson(context, outcomes)
    else {
      for (const o of outcomes) {
        if (o.status === 'failed') context.io.stderr(`failed     ${o.error}`)
        else context.io.stdout(`${o.status.padEnd(10)} ${o.id}  ${o.title}`)
      }
    }
    return outcomes.some((o) => o.status === 'failed') ? 1 : 0
  }
}
