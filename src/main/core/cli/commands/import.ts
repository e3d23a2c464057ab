import { MAX_IMPORT_BYTES } from '../../../../shared/contract'
import type { ImportOutcome } from '../../../../shared/model'
import { tooLarge } from '../../import/decode'
import { expandImportPaths, readImportFile } from '../../import/sources'
import { call, printJson, UsageError, type CliCommand } from '../command'

export const importCommand: CliCommand = {
  name: 'import',
  writes: true,
  usage: 'import <path…|-> [--url URL]',
  summary: 'import .txt, .md and .html files, folders, stdin (-) or a web page (--url)',
  options: { url: { type: 'string', multiple: true } },
  async run(context, args, values) {
    const urls = (values.url as string[] | undefined) ?? []
    if (args.length === 0 && urls.length === 0)
      throw new UsageError('import needs at least one path, - for stdin, or --url URL')
    const core = await context.core()
    const outcomes: ImportOutcome[] = []
    const files = await expandImportPaths(args.filter((a) => a !== '-'))
    for (const arg of args.includes('-') ? ['-', ...files] : files) {
      let base64: string
      try {
        const bytes = arg === '-' ? await context.io.readStdin() : await readImportFile(arg)
        if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(arg, bytes.length)
        base64 = bytes.toString('base64')
      } catch (error) {
        outcomes.push({ input: arg, status: 'failed', error: (error as Error).message })
        continue
      }
      const name = arg === '-' ? 'stdin' : arg
      const [outcome] = await call(core, 'articles.import', { items: [{ name, base64 }] })
      outcomes.push({ ...outcome, input: arg })
    }
    for (const url of urls) {
      const result = await core.dispatch('articles.importUrl', { url })
      if (result.ok)
        outcomes.push(...(result.value as ImportOutcome[]).map((o) => ({ ...o, input: url })))
      else outcomes.push({ input: url, status: 'failed', error: result.error.message })
    }
    if (context.json) printJson(context, outcomes)
    else {
      for (const o of outcomes) {
        if (o.status === 'failed') context.io.stderr(`failed      ${o.error}`)
        else context.io.stdout(`${o.status.padEnd(11)} ${o.id}  ${o.title}`)
      }
    }
    return outcomes.some((o) => o.status === 'failed') ? 1 : 0
  }
}
