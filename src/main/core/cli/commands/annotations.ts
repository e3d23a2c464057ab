import { isMadeBy } from '../../../../shared/annotations'
import type { Annotation } from '../../../../shared/model'
import { shortenQuote } from '../../../../shared/text'
import { call, printJson, UsageError, type CliCommand } from '../command'

/** One annotation as the CLI prints it: flat, with the quoted text and its offsets. */
function row(annotation: Annotation): Record<string, unknown> {
  const [position, quote] = annotation.target?.selectors ?? []
  return {
    id: annotation.id,
    kind: annotation.kind,
    exact: quote?.exact ?? null,
    start: position?.start ?? null,
    end: position?.end ?? null,
    color: annotation.color,
    labels: annotation.labels,
    note: annotation.note,
    speaker: annotation.speaker ?? null,
    author: annotation.author ?? null,
    orphan: annotation.orphan === true,
    createdAt: annotation.createdAt,
    updatedAt: annotation.updatedAt
  }
}

/** A one-line summary for people: id, kind, colour, labels and the start of the text. */
function line(annotation: Annotation): string {
  const quote = annotation.target?.selectors[1].exact
  const text = quote ?? annotation.note
  const shown = shortenQuote(text, 67)
  const labels = annotation.labels.length ? ` [${annotation.labels.join(', ')}]` : ''
  const orphan = annotation.orphan ? ' (orphan)' : ''
  const author = annotation.author ? ` by ${annotation.author}` : ''
  return `${annotation.id}  ${annotation.kind.padEnd(9)} ${annotation.color.padEnd(6)}${labels}${orphan}${author}  ${JSON.stringify(shown.replace(/\s+/g, ' '))}`
}

export const annotationsCommand: CliCommand = {
  name: 'annotations',
  usage: 'annotations <id> [--trash] [--author NAME]',
  summary:
    "list an article's annotations in text order (--trash: the deleted ones; --author: one person's)",
  options: { trash: { type: 'boolean' }, author: { type: 'string' } },
  async run(context, args, values) {
    if (args.length !== 1) throw new UsageError('annotations needs exactly one article id')
    const listed = await call(await context.core(), 'annotations.list', {
      articleId: args[0],
      trash: values.trash === true
    })
    const author = values.author
    const annotations =
      typeof author === 'string' ? listed.filter((a) => isMadeBy(a, author)) : listed
    if (context.json) printJson(context, annotations.map(row))
    else if (annotations.length === 0)
      context.io.stdout(values.trash ? 'The trash is empty.' : 'This article has no annotations.')
    else for (const annotation of annotations) context.io.stdout(line(annotation))
    return 0
  }
}
