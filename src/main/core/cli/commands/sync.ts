import { UsageError, printJson, type CliCommand } from '../command'

/**
 * `sorot sync`: one sync with a CouchDB database, on demand. Secrets come from the environment
 * (SOROT_SYNC_PASSWORD, SOROT_SYNC_PASSPHRASE) or stdin and are never stored.
 */
export const syncCommand: CliCommand = {
  name: 'sync',
  writes: true,
  usage: 'sync --url URL --db NAME [--user NAME] [--author NAME] [--password-stdin] [--stop]',
  summary:
    'sync the library with a CouchDB database (password: SOROT_SYNC_PASSWORD or stdin; passphrase: SOROT_SYNC_PASSPHRASE)',
  options: {
    url: { type: 'string' },
    db: { type: 'string' },
    user: { type: 'string' },
    author: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    stop: { type: 'boolean' }
  },
  async run(context, args, values) {
    if (args.length > 0) throw new UsageError('sync takes no arguments')
    const core = await context.core()
    // Loaded when the command runs: only `sync` needs the sync engine.
    const [{ syncLibrary }, { forgetSyncState, readSyncState }] = await Promise.all([
      import('../../sync/engine'),
      import('../../sync/state')
    ])
    if (values.stop === true) {
      await forgetSyncState(core.store.dataDir)
      context.io.stderr('This library no longer syncs; everything stays on this computer.')
      return 0
    }
    const stored = await readSyncState(core.store.dataDir)
    const url = (values.url as string | undefined) ?? stored?.url
    const database = (values.db as string | undefined) ?? stored?.database
    if (!url) throw new UsageError('sync needs --url (the CouchDB server)')
    if (!database) throw new UsageError('sync needs --db (the database name)')
    const password =
      values['password-stdin'] === true
        ? (await context.io.readStdin()).toString('utf8').replace(/\r?\n$/, '')
        : process.env.SOROT_SYNC_PASSWORD || null
    const report = await syncLibrary(core.store, {
      url,
      database,
      user: (values.user as string | undefined) ?? stored?.user ?? null,
      password,
      passphrase: process.env.SOROT_SYNC_PASSPHRASE || null,
      author: (values.author as string | undefined) ?? null,
      emit: (event) => core.events.emit(event)
    })
    if (report.readOnly)
      context.io.stderr(
        'This library is read-only for you on the server: your edits stay on this computer and were not sent.'
      )
    if (context.json) printJson(context, report)
    else
      context.io.stderr(
        `Synced with ${url.replace(/\/\/[^@/]*@/, '//')}/${database}: ${report.pulled} received, ${report.pushed} sent, ${report.articlesAdded} new articles` +
          (report.noteConflicts ? `, ${report.noteConflicts} notes with two versions` : '')
      )
    return 0
  }
}
