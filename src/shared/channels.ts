/**
 * Every channel name: the contract's `noun.verb` channels, the app's save channels, the event
 * channel and the RPC paths of `sorot serve`. Kept apart from the zod schemas (contract.ts,
 * save-requests.ts) so the sandboxed preload can bundle these names without bundling zod.
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

/** The IPC channels of the app-level save capability (not contract channels: no core call). */
export const SAVE_CHANNELS = { file: 'sorot:save-file', files: 'sorot:save-files' } as const

/** The IPC channel on which core events reach a window (Server-Sent Events in a browser). */
export const EVENT_CHANNEL = 'sorot:event'

/** `sorot serve`'s paths: POST `/rpc/<channel>` calls a channel, GET `/events` streams events. */
export const RPC_PATHS = { prefix: '/rpc/', events: '/events' } as const

/** The HTTP path that calls `channel` on `sorot serve`. */
export function rpcPath(channel: Channel): string {
  return `${RPC_PATHS.prefix}${channel}`
}
