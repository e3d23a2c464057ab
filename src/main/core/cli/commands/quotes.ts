import { existsSync, statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { findQuotes, type Quotation } from '../../../../shared/quotes'
import { canonicalText } from '../../../../shared/text'
import { decodeBytes } from '../../import/decode'
import { call, printJson, UsageError, type CliCommand, type CliContext } from '../command'

/** The canonical text of a file, cleaned as an import would clean it, without storing it. */
async function fileText(file: string): Promise<string> {
  const name = path.basename(file)
  // Loaded only for a file: the extractor pulls in the HTML parsers.
  const { extractArticle, formatOf } = await import('../../import/extract')
  const draft = extractArticle(decodeBytes(await readFile(file), name), name, formatOf(name))
  return canonicalText(draft.blocks)
}

/** A file's quotations, or a stored article's through the core's cached `quotes.list`. */
async function quotesOf(context: CliContext, target: string): Promise<Quotation[]> {
  if (existsSync(target) && statSync(target).isFile()) return findQuotes(await fileText(target))
  const { quotations } = await call(await context.core(), 'quotes.list', { articleId: target })
  return quotations.map(({ quote, speaker, kind, start, end, confidence }) => ({
    quote,
    speaker,
    kind,
    start,
    end,
    confidence
  }))
}

const line = (q: Quotation): string =>
  `${q.start}-${q.end} ${q.kind} ${q.speaker ?? '(unknown)'}: “${q.quote.replace(/\s+/g, ' ')}”`

export const quotesCommand: CliCommand = {
  name: 'quotes',
  usage: 'quotes <id | file>',
  summary: 'list the quotations of an article or a file, with speakers',
  async run(context, args) {
    if (args.length !== 1) throw new UsageError('quotes needs exactly one article id or file')
    const quotes = await quotesOf(context, args[0])
    if (context.json) printJson(context, quotes)
    else for (const quote of quotes) context.io.stdout(line(quote))
    return 0
  }
}
