/**
 * Every channel name, `noun.verb`. Kept apart from the zod schemas so the sandboxed preload
 * can bundle this list without bundling zod.
 */
export const CHANNELS = [
  'app.info',
  'articles.list',
  'articles.summaries',
  'articles.get',
  'articles.import',
  'articles.delete',
  'articles.update',
  'articles.importUrl',
  'articles.cancelImport',
  'articles.restoreRemoval',
  'articles.progress',
  'articles.tag',
  'tags.list',
  'tags.rename',
  'annotations.list',
  'annotations.create',
  'annotations.update',
  'annotations.delete',
  'annotations.restore',
  'annotations.emptyTrash',
  'search.query',
  'quotes.list',
  'quotes.speakers',
  'export.render',
  'annotations.importJsonLd',
  'backup.create',
  'backup.restore',
  'backup.list',
  'backup.restoreSnapshot',
  'settings.get',
  'settings.set',
  'speakers.list',
  'speakers.merge',
  'speakers.split',
  'quotes.correct',
  'sync.status',
  'sync.start',
  'sync.pause',
  'sync.resume',
  'sync.stop'
] as const

export type Channel = (typeof CHANNELS)[number]

/** True when `name` is one of the contract's channels. */
export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name)
}
