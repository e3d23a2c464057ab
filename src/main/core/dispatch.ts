import { isChannel, type Channel } from '../../shared/channels'
import { inputSchemas, type ChannelOutput, type ParsedInput } from '../../shared/contract'
import { fail, ok, SorotFailure, type Result } from '../../shared/result'
import { deleteArticle, getArticle, listArticles } from './library/articles'
import { importItems } from './library/import'
import { getSettings, setSettings } from './library/settings'
import type { Core } from './core'

type Handler<C extends Channel> = (
  core: Core,
  input: ParsedInput<C>
) => Promise<ChannelOutput<C>> | ChannelOutput<C>

const notImplemented = (channel: Channel) => (): never => {
  throw new SorotFailure('not_implemented', `${channel} is not built yet`)
}

/** The use case behind each channel. Inputs arrive already validated. */
const handlers: { [C in Channel]: Handler<C> } = {
  'app.info': (core) => ({ version: core.version, dataDir: core.store.dataDir }),
  'articles.list': (core) => listArticles(core.store),
  'articles.get': (core, input) => getArticle(core.store, input.id),
  'articles.import': (core, input) =>
    importItems(
      core.store,
      input.items.map((item) =>
        'base64' in item ? { name: item.name, bytes: Buffer.from(item.base64, 'base64') } : item
      ),
      (event) => core.events.emit(event)
    ),
  'articles.delete': async (core, input) => {
    const result = await deleteArticle(core.store, input.id)
    core.events.emit({ type: 'library.changed' })
    return result
  },
  'annotations.list': notImplemented('annotations.list'),
  'annotations.create': notImplemented('annotations.create'),
  'annotations.update': notImplemented('annotations.update'),
  'annotations.delete': notImplemented('annotations.delete'),
  'search.query': notImplemented('search.query'),
  'export.render': notImplemented('export.render'),
  'settings.get': (core) => getSettings(core.store),
  'settings.set': async (core, input) => {
    const settings = await setSettings(core.store, input)
    core.events.emit({ type: 'settings.changed', settings })
    return settings
  }
}

/** Describes the first problem zod found, naming the field. */
function describeIssue(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const issue = issues[0]
  const field = issue?.path.length ? issue.path.map(String).join('.') : 'input'
  return `${field}: ${issue?.message ?? 'invalid'}`
}

/**
 * The one entry point of every bridge: checks the channel, parses the input with its zod
 * schema, runs the use case, and answers with a Result. Nothing throws across it.
 */
export async function dispatch(
  core: Core,
  channel: string,
  input: unknown
): Promise<Result<unknown>> {
  if (!isChannel(channel))
    return fail('unknown_channel', `Unknown channel: ${channel.slice(0, 100)}`)
  const parsed = inputSchemas[channel].safeParse(input ?? {})
  if (!parsed.success) return fail('bad_input', `${channel}: ${describeIssue(parsed.error.issues)}`)
  try {
    const handler = handlers[channel] as Handler<Channel>
    return ok(await handler(core, parsed.data as ParsedInput<Channel>))
  } catch (error) {
    if (error instanceof SorotFailure) return fail(error.code, error.message)
    return fail(
      'internal',
      `${channel} failed: ${error instanceof Error ? error.message : String(error)}`
    )
  }
}
