import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { findQuotes, type Quotation } from '../../../../shared/quotes'
import { canonicalText } from '../../../../shared/text'
import { decodeBytes } from '../../import/decode'
import { extractArticle, formatOf } from '../../import/extract'
import { call, printJson, UsageError, type CliCommand, type CliContext } from '../command'

/** The canonical text of a file, cleaned as an import would clean it, without storing it. */
async function fileText(file: string): Promise<string> {
  const name = path.basename(file)
  const draft = extractArticle(decodeBytes(await readFile(file), name), name, formatOf(name))
  return canonicalText(draft.blocks)
}

async function textOf(context: CliContext, target: string): Promise<string> {
  if (existsSync(target) && statSync(target).isFile()) return fileText(target)
  const article = await call(await context.core(), 'articles.get', { id: target })
  return article.text
}

const line = (q: Quotation): string =>
  `${q.start}-${q.end} ${q.kind} ${q.speaker ?? '(unknown)'}: “${q.quote.replace(/\s+/g, ' ')}”`

export const quotesCommand: CliCommand = {
  name: 'quotes',
  usage: 'quotes <id | file>',
  summary: 'list the quotations of an article or a file, with speakers',
  async run(context, args) {
    if (args.length !== 1) throw new UsageError('quotes needs exactly one article id or file')
    const quotes = findQuotes(await textOf(context, args[0]))
    if (context.json) printJson(context, quotes)
    else for (const quote of quotes) context.io.stdout(line(quote))
    return 0
  }
}
