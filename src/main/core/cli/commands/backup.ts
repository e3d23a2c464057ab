import { promises as fs } from 'node:fs'
import { SorotFailure } from '../../../../shared/result'
import { call, printJson, type CliCommand } from '../command'

/**
 * Writes a new file, refusing to replace one unless `force`: the `wx` flag makes the check
 * and the creation one step, so no file that appears meanwhile is overwritten.
 */
export async function writeNewFile(file: string, content: string, force: boolean): Promise<void> {
  try {
    await fs.writeFile(file, content, { encoding: 'utf8', flag: force ? 'w' : 'wx' })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST')
      throw new SorotFailure(
        'bad_input',
        `${file} already exists; choose another --out or add --force to overwrite it`
      )
    throw new SorotFailure('storage', `Could not write ${file}: ${(error as Error).message}`)
  }
}

export const backupCommand: CliCommand = {
  name: 'backup',
  usage: 'backup --out FILE',
  summary:
    'write the whole library (articles, versions, annotations, trash, settings) to one file [--force]',
  options: { out: { type: 'string' }, force: { type: 'boolean' } },
  async run(context, args, values) {
    const { content, fileName } = await call(await context.core(), 'backup.create', {})
    const out = values.out as string | undefined
    if (!out) {
      context.io.stdout(content.replace(/\n$/, ''))
      return 0
    }
    await writeNewFile(out, content, values.force === true)
    if (context.json) printJson(context, { file: out, suggestedName: fileName })
    else context.io.stderr(`wrote ${out}`)
    return 0
  }
}
