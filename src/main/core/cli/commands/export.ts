import { promises as fs } from 'node:fs'
import path from 'node:path'
import { SorotFailure } from '../../../../shared/result'
import { backupCommand, writeNewFile } from './backup'
import { importAnnotationsCommand } from './import-annotations'
import { restoreCommand } from './restore'
import {
  EXPORT_FORMATS,
  isOneOf,
  LANGUAGES,
  type ExportFormat,
  type Language
} from '../../../../shared/enums'
import { call, UsageError, type CliCommand, type CliContext, type OptionValues } from '../command'

function formatOption(values: OptionValues): ExportFormat {
  const format = values.format
  if (format === undefined)
    throw new UsageError(`export needs --format ${EXPORT_FORMATS.join('|')}`)
  if (!isOneOf(EXPORT_FORMATS, format))
    throw new UsageError(
      `--format must be one of ${EXPORT_FORMATS.join(', ')}, not ${String(format)}`
    )
  return format
}

function languageOption(values: OptionValues): Language | undefined {
  const lang = values.lang
  if (lang === undefined || isOneOf(LANGUAGES, lang)) return lang
  throw new UsageError(`--lang must be ${LANGUAGES.join(' or ')}, not ${String(lang)}`)
}

function labelOption(values: OptionValues): string | undefined {
  const labels = values.label as string[] | undefined
  if (labels && labels.length > 1) throw new UsageError('export takes one --label')
  return labels?.[0]
}

/** Writes split Markdown notes into a folder, refusing to replace any note unless forced. */
async function writeNotes(
  context: CliContext,
  folder: string,
  files: Array<{ fileName: string; content: string }>,
  force: boolean
): Promise<void> {
  await fs.mkdir(folder, { recursive: true })
  if (!force)
    for (const file of files) {
      const target = path.join(folder, file.fileName)
      if (
        await fs.stat(target).then(
          () => true,
          () => false
        )
      )
        throw new SorotFailure(
          'bad_input',
          `${target} already exists; choose another --out folder or add --force to overwrite`
        )
    }
  for (const file of files)
    await writeNewFile(path.join(folder, file.fileName), file.content, force)
  context.io.stderr(`wrote ${files.length} note(s) into ${folder}`)
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export [id…] --format F',
  summary:
    'export annotations (all articles when no id) as md|csv|jsonld|html|txt [--out PATH] [--force] [--lang id|en] [--label L] [--speaker S] [--author A] [--split]',
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    lang: { type: 'string' },
    label: { type: 'string', multiple: true },
    speaker: { type: 'string' },
    split: { type: 'boolean' },
    author: { type: 'string' }
  },
  async run(context, args, values) {
    const format = formatOption(values)
    const language = languageOption(values)
    const label = labelOption(values)
    const split = values.split === true
    if (split && format !== 'md') throw new UsageError('--split works with --format md only')
    const out = values.out as string | undefined
    if (split && !out) throw new UsageError('--split needs --out FOLDER to write the notes into')
    const force = values.force === true
    const rendered = await call(await context.core(), 'export.render', {
      format,
      ...(args.length > 0 && { articleIds: args }),
      ...(language && { language }),
      ...(label && { label }),
      ...(typeof values.speaker === 'string' && { speaker: values.speaker }),
      ...(split && { split }),
      ...(typeof values.author === 'string' && { author: values.author })
    })
    if (split && out) await writeNotes(context, out, rendered.files ?? [], force)
    else if (out) {
      await writeNewFile(out, rendered.content, force)
      context.io.stderr(`wrote ${out}`)
    } else context.io.stdout(rendered.content.replace(/\n$/, ''))
    return 0
  }
}

/** The export, backup, restore and import-annotations commands, registered together. */
export const exportCommands: CliCommand[] = [
  exportCommand,
  importAnnotationsCommand,
  backupCommand,
  restoreCommand
]
