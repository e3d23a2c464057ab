import { promises as fs } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { ChannelOutput } from '../../../shared/contract'
import type { Channel } from '../../../shared/channels'
import type { ArticleDetail, ArticleMeta, ImportOutcome } from '../../../shared/model'
import { SorotFailure } from '../../../shared/result'
import { openCore, type Core } from '../core'
import { resolveDataDir } from '../data-dir'
import { startServer } from '../serve/server'

export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  readStdin: () => Promise<Buffer>
  /** Resolves when the user asks a long-running command (serve) to stop. */
  waitForStop: () => Promise<void>
}

export interface CliEnvironment {
  version: string
  rendererDir: string
}

export const USAGE = `Usage: sorot [--data-dir DIR] <command> [options]

Commands:
  import <path…|->     import .txt and .md files, folders, or stdin (-)
  list                 list the articles in the library
  show <id>            show one article and its text
  serve [--port N]     serve the app to a browser on 127.0.0.1

Options:
  --data-dir DIR       use DIR as the library (default: SOROT_DATA_DIR, then the app's data dir)
  --json               print machine-readable JSON
  -h, --help           show this help
  -v, --version        show the version`

class UsageError extends Error {}

const IMPORTABLE = new Set(['.txt', '.text', '.md', '.markdown'])

/** Expands folders (recursively) into the importable files they hold, sorted. */
async function expandPaths(paths: string[]): Promise<string[]> {
  const files: string[] = []
  for (const input of paths) {
    const stat = await fs.stat(input).catch(() => null)
    if (stat?.isDirectory()) {
      const entries = await fs.readdir(input, { recursive: true, withFileTypes: true })
      files.push(
        ...entries
          .filter((e) => e.isFile() && IMPORTABLE.has(path.extname(e.name).toLowerCase()))
          .map((e) => path.join(e.parentPath, e.name))
          .sort()
      )
    } else files.push(input)
  }
  return files
}

/** Answers a channel's value or throws its error, so commands read top to bottom. */
async function call<C extends Channel>(
  core: Core,
  channel: C,
  input: unknown
): Promise<ChannelOutput<C>> {
  const result = await core.dispatch(channel, input)
  if (!result.ok) throw new SorotFailure(result.error.code, result.error.message)
  return result.value as ChannelOutput<C>
}

const listFields = (a: ArticleMeta): Record<string, unknown> => ({
  id: a.id,
  title: a.title,
  outlet: a.outlet,
  author: a.author,
  url: a.url,
  publishedAt: a.publishedAt,
  language: a.language,
  wordCount: a.wordCount,
  importedAt: a.importedAt
})

async function importCommand(
  core: Core,
  args: string[],
  json: boolean,
  io: CliIo
): Promise<number> {
  if (args.length === 0) throw new UsageError('import needs at least one path, or - for stdin')
  const outcomes: ImportOutcome[] = []
  const files = await expandPaths(args.filter((a) => a !== '-'))
  for (const arg of args.includes('-') ? ['-', ...files] : files) {
    if (arg === '-') {
      const stdin = await io.readStdin()
      const [outcome] = await call(core, 'articles.import', {
        items: [{ name: 'stdin', base64: stdin.toString('base64') }]
      })
      outcomes.push({ ...outcome, input: '-' })
      continue
    }
    let bytes: Buffer
    try {
      bytes = await fs.readFile(arg)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      const why =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EACCES'
            ? 'permission denied'
            : String(code ?? error)
      outcomes.push({ input: arg, status: 'failed', error: `${arg}: ${why}` })
      continue
    }
    const [outcome] = await call(core, 'articles.import', {
      items: [{ name: arg, base64: bytes.toString('base64') }]
    })
    outcomes.push({ ...outcome, input: arg })
  }
  if (json) io.stdout(JSON.stringify(outcomes, null, 2))
  else {
    for (const o of outcomes) {
      if (o.status === 'failed') io.stderr(`failed     ${o.input}: ${o.error}`)
      else io.stdout(`${o.status.padEnd(10)} ${o.id}  ${o.title}`)
    }
  }
  return outcomes.some((o) => o.status === 'failed') ? 1 : 0
}

async function listCommand(core: Core, json: boolean, io: CliIo): Promise<number> {
  const articles = await call(core, 'articles.list', {})
  if (json) io.stdout(JSON.stringify(articles.map(listFields), null, 2))
  else if (articles.length === 0)
    io.stdout('The library is empty. Import an article with: sorot import FILE')
  else
    for (const a of articles)
      io.stdout(
        `${a.id}  ${a.importedAt.slice(0, 10)}  ${String(a.wordCount).padStart(6)} words  ${a.title}`
      )
  return 0
}

async function showCommand(core: Core, args: string[], json: boolean, io: CliIo): Promise<number> {
  if (args.length !== 1) throw new UsageError('show needs exactly one article id')
  const article: ArticleDetail = await call(core, 'articles.get', { id: args[0] })
  if (json) {
    const {
      id,
      title,
      outlet,
      author,
      url,
      publishedAt,
      language,
      wordCount,
      importedAt,
      version,
      text,
      blocks,
      removed
    } = article
    io.stdout(
      JSON.stringify(
        {
          id,
          title,
          outlet,
          author,
          url,
          publishedAt,
          language,
          wordCount,
          importedAt,
          version,
          text,
          blocks,
          removed
        },
        null,
        2
      )
    )
  } else io.stdout(`${article.title}\n\n${article.text}`)
  return 0
}

async function serveCommand(
  core: Core,
  port: string | undefined,
  env: CliEnvironment,
  io: CliIo
): Promise<number> {
  const portNumber = port === undefined ? 0 : Number(port)
  if (!Number.isInteger(portNumber) || portNumber < 0 || portNumber > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, not ${port}`)
  const server = await startServer({ core, rendererDir: env.rendererDir, port: portNumber })
  io.stdout(server.url)
  io.stderr(
    `Serving the Sorot library in ${core.store.dataDir} on 127.0.0.1 only. Press Ctrl+C to stop.`
  )
  await io.waitForStop()
  await server.close()
  return 0
}

/** Runs one CLI invocation and returns its exit code: 0 ok, 1 failure, 2 usage error. */
export async function runCli(argv: string[], io: CliIo, env: CliEnvironment): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        json: { type: 'boolean', default: false },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false }
      }
    })
  } catch (error) {
    io.stderr(`sorot: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.stdout(USAGE)
    return 0
  }
  if (values.version) {
    io.stdout(env.version)
    return 0
  }
  const [command, ...args] = positionals
  const commands = ['import', 'list', 'show', 'serve']
  if (!command || !commands.includes(command)) {
    io.stderr(
      `${command ? `sorot: unknown command "${command}"` : 'sorot: no command given'}\n\n${USAGE}`
    )
    return 2
  }
  let core: Core | undefined
  try {
    if ((command === 'list' || command === 'serve') && args.length > 0)
      throw new UsageError(`${command} takes no arguments`)
    core = await openCore({ dataDir: resolveDataDir(values['data-dir']), version: env.version })
    for (const recovery of core.recoveries) {
      io.stderr(
        `sorot: ${recovery.file} was damaged (${recovery.reason}); it was moved to ${recovery.movedTo}`
      )
    }
    switch (command) {
      case 'import':
        return await importCommand(core, args, values.json, io)
      case 'list':
        return await listCommand(core, values.json, io)
      case 'show':
        return await showCommand(core, args, values.json, io)
      default:
        return await serveCommand(core, values.port, env, io)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`sorot: ${error.message}\n\n${USAGE}`)
      return 2
    }
    io.stderr(`sorot: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    await core?.close()
  }
}
