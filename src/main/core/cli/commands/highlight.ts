import {
  ANNOTATION_COLORS,
  isAnnotationColor,
  type AnnotationColor
} from '../../../../shared/annotations'
import { SorotFailure } from '../../../../shared/result'
import { shortenQuote } from '../../../../shared/text'
import { call, printJson, UsageError, type CliCommand, type OptionValues } from '../command'

const KINDS = ['highlight', 'quote'] as const
type HighlightKind = (typeof KINDS)[number]

/** The start offsets of every exact occurrence of `quote` in `text`. */
function occurrencesOf(text: string, quote: string): number[] {
  const starts: number[] = []
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) starts.push(at)
  return starts
}

/** The 1-based occurrence asked for, 1 when none was. */
function occurrenceOption(values: OptionValues): number {
  if (values.occurrence === undefined) return 1
  const n = Number(values.occurrence)
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(
      `--occurrence must be a whole number from 1, not ${String(values.occurrence)}`
    )
  return n
}

function kindOption(values: OptionValues): HighlightKind {
  const kind = values.kind ?? 'highlight'
  if (!(KINDS as readonly unknown[]).includes(kind))
    throw new UsageError(`--kind must be highlight or quote, not ${String(kind)}`)
  return kind as HighlightKind
}

function colorOption(values: OptionValues): AnnotationColor | undefined {
  const color = values.color as string | undefined
  if (color === undefined || isAnnotationColor(color)) return color
  throw new UsageError(`--color must be one of ${ANNOTATION_COLORS.join(', ')}, not ${color}`)
}

export const highlightCommand: CliCommand = {
  name: 'highlight',
  writes: true,
  usage: 'highlight <id> --quote TEXT',
  summary:
    'highlight the exact TEXT in an article [--occurrence N] [--color C] [--label L]… [--note TEXT] [--kind highlight|quote] [--speaker NAME]',
  options: {
    quote: { type: 'string' },
    occurrence: { type: 'string' },
    color: { type: 'string' },
    label: { type: 'string', multiple: true },
    note: { type: 'string' },
    kind: { type: 'string' },
    speaker: { type: 'string' }
  },
  async run(context, args, values) {
    if (args.length !== 1) throw new UsageError('highlight needs exactly one article id')
    const quote = values.quote
    if (typeof quote !== 'string' || quote.length === 0)
      throw new UsageError('highlight needs --quote "the exact text to highlight"')
    const occurrence = occurrenceOption(values)
    const kind = kindOption(values)
    const color = colorOption(values)
    const [articleId] = args
    const core = await context.core()
    const article = await call(core, 'articles.get', { id: articleId })
    const starts = occurrencesOf(article.text, quote)
    if (starts.length === 0)
      throw new SorotFailure(
        'not_found',
        `"${shortenQuote(quote, 57)}" is not in article ${articleId}`
      )
    if (occurrence > starts.length)
      throw new SorotFailure(
        'not_found',
        `"${shortenQuote(quote, 57)}" occurs ${starts.length} time(s) in article ${articleId}, not ${occurrence}`
      )
    const start = starts[occurrence - 1]
    const annotation = await call(core, 'annotations.create', {
      articleId,
      kind,
      start,
      end: start + quote.length,
      color,
      labels: values.label as string[] | undefined,
      note: values.note as string | undefined,
      speaker: values.speaker as string | undefined
    })
    if (context.json) printJson(context, annotation)
    else {
      context.io.stdout(
        `${annotation.id}  ${kind}  ${annotation.color}  ${start}-${start + quote.length}`
      )
      if (starts.length > 1 && values.occurrence === undefined)
        context.io.stderr(
          `"${shortenQuote(quote, 57)}" occurs ${starts.length} times; the first was highlighted (choose another with --occurrence N)`
        )
    }
    return 0
  }
}
