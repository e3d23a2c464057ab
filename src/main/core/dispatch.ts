import { isChannel, type Channel } from '../../shared/channels'
import { inputSchemas, type ChannelOutput, type ParsedInput } from '../../shared/contract'
import { fail, ok, SorotFailure, type Result } from '../../shared/result'
import {
  deleteArticle,
  getArticle,
  listArticles,
  listArticleSummaries,
  restoreRemoval,
  setReadingProgress,
  updateArticle
} from './library/articles'
import { fetchArticlePage } from './import/fetch-url'
import {
  createAnnotation,
  deleteAnnotation,
  emptyAnnotationTrash,
  listAnnotations,
  restoreAnnotation,
  updateAnnotation
} from './library/annotations'
import { listTags, renameTag, tagArticles } from './library/tags'
import { getSettings, setSettings } from './library/settings'
import type { Emit } from './events'
import type { Services } from './services'
import { createBackup, restoreBackup } from './backup/archive'
import { listSnapshotSummaries, restoreSnapshot } from './backup/restore-snapshot'
import { importJsonLd } from './library/import-annotations'
import { correctSpeaker } from './library/speaker-identities'
import { mergeSpeakerNames, splitSpeakerName } from './quotes/speaker-edits'

// Loaded when first used: importing and exporting pull in the HTML parsers (jsdom), which a
// CLI `list` never needs (issue 20: a command loads only what it uses).
const importItems: typeof import('./library/import').importItems = async (...args) =>
  (await import('./library/import')).importItems(...args)
const renderExport: typeof import('./export').renderExport = async (...args) =>
  (await import('./export')).renderExport(...args)

type Handler<C extends Channel> = (
  core: Services,
  input: ParsedInput<C>
) => Promise<ChannelOutput<C>> | ChannelOutput<C>

/** The core's event stream as the use cases emit into it. */
const emitOf =
  (core: Services): Emit =>
  (event) =>
    core.events.emit(event)

/** The use case behind each channel. Inputs arrive already validated. */
const handlers: { [C in Channel]: Handler<C> } = {
  'app.info': (core) => ({ version: core.version, dataDir: core.store.dataDir }),
  'articles.list': (core) => {
    // Counts fill in the background; the library refreshes when they are in.
    void core.counts.ensure()
    return listArticles(core.store)
  },
  'articles.summaries': (core, input) => {
    void core.counts.ensure()
    return listArticleSummaries(core.store, input.limit)
  },
  'articles.get': (core, input) => getArticle(core.store, input.id),
  'articles.import': (core, input) =>
    core.imports.run(input.jobId, (isCancelled) =>
      importItems(
        core.store,
        input.items.map((item) =>
          'base64' in item
            ? { name: item.name, bytes: Buffer.from(item.base64, 'base64'), format: item.format }
            : item
        ),
        (event) => core.events.emit(event),
        { jobId: input.jobId, isCancelled }
      )
    ),
  'articles.importUrl': (core, input) =>
    core.imports.run(input.jobId, async (isCancelled) => {
      const page = await fetchArticlePage(input.url)
      const name = page.url
      return importItems(
        core.store,
        [{ name, bytes: page.bytes, format: page.format, url: page.url }],
        (event) => core.events.emit(event),
        { jobId: input.jobId, isCancelled }
      )
    }),
  'articles.cancelImport': (core, input) => ({
    jobId: input.jobId,
    cancelled: core.imports.cancel(input.jobId)
  }),
  'articles.update': (core, input) => {
    const { id, ...change } = input
    return updateArticle(core.store, id, change, emitOf(core))
  },
  'articles.restoreRemoval': (core, input) =>
    restoreRemoval(core.store, input.id, input.removal, emitOf(core)),
  'articles.progress': (core, input) => setReadingProgress(core.store, input.id, input.progress),
  'articles.delete': (core, input) => deleteArticle(core.store, input.id, emitOf(core)),
  'annotations.list': (core, input) =>
    listAnnotations(core.store, input.articleId, { trash: input.trash }),
  'annotations.create': (core, input) => createAnnotation(core.store, input, emitOf(core)),
  'annotations.update': (core, input) => updateAnnotation(core.store, input, emitOf(core)),
  'annotations.delete': (core, input) =>
    deleteAnnotation(core.store, input.articleId, input.id, emitOf(core)),
  'annotations.restore': (core, input) =>
    restoreAnnotation(core.store, input.articleId, input.id, emitOf(core)),
  'annotations.emptyTrash': (core, input) =>
    emptyAnnotationTrash(core.store, input.articleId, emitOf(core)),
  'search.query': (core, input) => core.search.search(input.query, input.limit),
  'quotes.list': (core, input) => core.quotes.listQuotes(input.articleId),
  'quotes.speakers': (core, input) => core.quotes.speakers(input.query, input.perSpeaker),
  'articles.tag': (core, input) => tagArticles(core.store, input.ids, input, emitOf(core)),
  'tags.list': (core) => listTags(core.store),
  'tags.rename': (core, input) => renameTag(core.store, input.name, input, emitOf(core)),
  'export.render': async (core, input) =>
    renderExport(core.store, input, { speakerName: await core.quotes.speakerNames() }),
  'annotations.importJsonLd': (core, input) =>
    importJsonLd(core.store, input.content, emitOf(core)),
  'backup.create': async (core) => ({
    content: await createBackup(core.store, core.version),
    fileName: `sorot-backup-${new Date().toISOString().slice(0, 10)}.json`
  }),
  'backup.restore': (core, input) => restoreBackup(core.store, input.content, emitOf(core)),
  'backup.list': (core) => listSnapshotSummaries(core.store),
  'backup.restoreSnapshot': (core, input) => restoreSnapshot(core.store, input.name, emitOf(core)),
  'speakers.list': (core, input) => core.quotes.summaries(input.complete),
  'speakers.merge': (core, input) =>
    mergeSpeakerNames(core.quotes, core.store, input, emitOf(core)),
  'speakers.split': (core, input) =>
    splitSpeakerName(core.quotes, core.store, input.alias, emitOf(core)),
  'quotes.correct': async (core, input) => {
    const { articleId, start, end, speaker } = await correctSpeaker(core.store, input, emitOf(core))
    return { articleId, start, end, speaker }
  },
  'settings.get': (core) => getSettings(core.store),
  'settings.set': (core, input) => setSettings(core.store, input, emitOf(core)),
  'sync.status': (core) => core.sync.status(),
  'sync.start': (core, input) => core.sync.start(input),
  'sync.pause': (core) => core.sync.pause(),
  'sync.resume': (core) => core.sync.resume(),
  'sync.stop': (core) => core.sync.stop()
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
  core: Services,
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
