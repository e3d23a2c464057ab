import { call, printJson, UsageError, type CliCommand } from '../command'

export const speakersCommand: CliCommand = {
  name: 'speakers',
  usage: 'speakers',
  summary: 'list the speakers of the library (one per person, with aliases) and their quotes',
  async run(context, args) {
    if (args.length > 0) throw new UsageError('speakers takes no arguments')
    const { speakers } = await call(await context.core(), 'speakers.list', { complete: true })
    if (context.json) {
      printJson(
        context,
        speakers.map(({ name, aliases, quotes, articles }) => ({ name, aliases, quotes, articles }))
      )
    } else if (speakers.length === 0) {
      context.io.stdout('No speakers yet. Import articles with quotations.')
    } else {
      for (const s of speakers) {
        const aka = s.aliases.length > 0 ? ` (also ${s.aliases.join(', ')})` : ''
        const quotes = `${s.quotes} ${s.quotes === 1 ? 'quote' : 'quotes'}`
        const articles = `${s.articles} ${s.articles === 1 ? 'article' : 'articles'}`
        context.io.stdout(`${s.name}${aka}: ${quotes} in ${articles}`)
      }
    }
    return 0
  }
}
