import { call, printJson, UsageError, type CliCommand } from '../command'

export const showCommand: CliCommand = {
  name: 'show',
  usage: 'show <id>',
  summary: 'show one article, its canonical text and what cleaning removed',
  async run(context, args) {
    if (args.length !== 1) throw new UsageError('show needs exactly one article id')
    const article = await call(await context.core(), 'articles.get', { id: args[0] })
    if (context.json) {
      const { contentHash: _hash, versionCount: _versions, ...shown } = article
      printJson(context, shown)
    } else context.io.stdout(`${article.title}\n\n${article.text}`)
    return 0
  }
}
