import { call, printJson, UsageError, type CliCommand } from '../command'

export const listCommand: CliCommand = {
  name: 'list',
  usage: 'list',
  summary: 'list the articles in the library',
  async run(context, args) {
    if (args.length > 0) throw new UsageError('list takes no arguments')
    const articles = await call(await context.core(), 'articles.list', {})
    if (context.json) {
      printJson(
        context,
        articles.map((a) => ({
          id: a.id,
          title: a.title,
          outlet: a.outlet,
          author: a.author,
          url: a.url,
          publishedAt: a.publishedAt,
          language: a.language,
          wordCount: a.wordCount,
          importedAt: a.importedAt
        }))
      )
    } else if (articles.length === 0) {
      context.io.stdout('The library is empty. Import an article with: sorot import FILE')
    } else {
      for (const a of articles) {
        context.io.stdout(
          `${a.id}  ${a.importedAt.slice(0, 10)}  ${String(a.wordCount).padStart(6)} words  ${a.title}`
        )
      }
    }
    return 0
  }
}
