import { call, printJson, UsageError, type CliCommand } from '../command'

/** The snippet with its matches set off by guillemets, for a terminal without colour. */
const marked = (segments: ReadonlyArray<{ text: string; match: boolean }>): string =>
  segments.map((s) => (s.match ? `«${s.text}»` : s.text)).join('')

export const searchCommand: CliCommand = {
  name: 'search',
  usage: 'search "<query>" [--limit N]',
  summary: 'full-text search of titles, text, highlights, notes and speakers ("quoted phrase")',
  options: { limit: { type: 'string' } },
  async run(context, args, values) {
    if (args.length !== 1) throw new UsageError('search needs exactly one query (quote it)')
    const limit = values.limit === undefined ? 20 : Number(values.limit)
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      throw new UsageError(
        `--limit must be a whole number from 1 to 500, not ${String(values.limit)}`
      )
    const core = await context.core()
    // A command runs once: wait for a complete index rather than answer from titles only.
    await core.search.whenReady()
    const { results } = await call(core, 'search.query', { query: args[0], limit })
    if (context.json) {
      printJson(
        context,
        results.map((r) => ({ id: r.id, title: r.title, score: r.score, snippet: r.snippet }))
      )
    } else if (results.length === 0) {
      context.io.stdout(`Nothing found for ${JSON.stringify(args[0])}`)
    } else {
      for (const r of results) {
        context.io.stdout(`${r.id}  ${r.score.toFixed(2).padStart(7)}  ${r.title}`)
        context.io.stdout(`    ${marked(r.segments)}`)
      }
    }
    return 0
  }
}
