import { call, printJson, UsageError, type CliCommand } from '../command'
import { readTextFile } from './restore'

export const importAnnotationsCommand: CliCommand = {
  name: 'import-annotations',
  usage: 'import-annotations FILE.jsonld',
  writes: true,
  summary: 'attach the W3C Web Annotations of a JSON-LD file to the matching articles',
  async run(context, args) {
    if (args.length !== 1) throw new UsageError('import-annotations needs exactly one JSON-LD file')
    const content = await readTextFile(args[0])
    const report = await call(await context.core(), 'annotations.importJsonLd', { content })
    if (context.json) printJson(context, report)
    else {
      context.io.stdout(
        `imported ${report.imported.length}, skipped ${report.skipped.length} (already there), unmatched ${report.unmatched.length}`
      )
      for (const s of report.skipped) context.io.stdout(`skipped    ${s.id}: ${s.reason}`)
      for (const u of report.unmatched)
        context.io.stderr(`unmatched  ${u.id ?? '(no id)'}: ${u.reason}`)
    }
    return report.unmatched.length > 0 ? 1 : 0
  }
}
