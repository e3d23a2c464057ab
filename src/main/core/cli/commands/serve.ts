import { UsageError, type CliCommand } from '../command'

export const serveCommand: CliCommand = {
  name: 'serve',
  writes: true,
  usage: 'serve [--port N]',
  summary: 'serve the app to a browser on 127.0.0.1 (URL with token on the first line)',
  options: { port: { type: 'string' } },
  async run(context, args, values) {
    if (args.length > 0) throw new UsageError('serve takes no arguments')
    const port = values.port === undefined ? 0 : Number(values.port)
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(`--port must be a number from 0 to 65535, not ${String(values.port)}`)
    }
    const core = await context.core()
    // Loaded when the command runs: only `serve` needs the HTTP server.
    const { startServer } = await import('../../serve/server')
    const server = await startServer({ core, rendererDir: context.env.rendererDir, port })
    context.io.stdout(server.url)
    context.io.stderr(
      `Serving the Sorot library in ${core.store.dataDir} on 127.0.0.1 only. Press Ctrl+C to stop.`
    )
    await context.io.waitForStop()
    await server.close()
    return 0
  }
}
