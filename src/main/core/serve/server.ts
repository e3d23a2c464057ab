import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { promises as fs } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { RPC_PATHS } from '../../../shared/channels'
import type { ErrorCode } from '../../../shared/result'
import type { Core } from '../core'
import { contentTypeOf } from './content-types'
import { CONTENT_SECURITY_POLICY } from './csp'

/** Largest request body: a 20 MB import in base64 plus the JSON around it. */
export const MAX_BODY_BYTES = 30 * 1024 * 1024

export interface ServeOptions {
  core: Core
  /** The built renderer (out/renderer). */
  rendererDir: string
  port?: number
  token?: string
}

export interface RunningServer {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const baseHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY'
}

/**
 * The built assets carry a hash of their content in their names (assets/index-3fa9c1.js), so a
 * browser may keep them for good: a reload then reuses them, compiled code included, and only
 * index.html, which names the current ones, is asked for again.
 */
export function cacheControlFor(relative: string): string {
  return /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$/.test(relative)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache'
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest()

/** Compares tokens in constant time (hashing first so lengths never leak). */
export function tokensMatch(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...baseHeaders,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store'
  })
  res.end(text)
}

function sendError(
  res: http.ServerResponse,
  status: number,
  code: ErrorCode,
  message: string
): void {
  sendJson(res, status, { ok: false, error: { code, message } })
}

/** The HTTP status of a result: clients and proxies read the status, not only the body. */
const statusOf: Record<ErrorCode, number> = {
  bad_input: 400,
  bad_json: 400,
  unknown_channel: 404,
  not_found: 404,
  not_implemented: 501,
  unsupported: 415,
  forbidden: 403,
  unauthorized: 401,
  too_large: 413,
  unreadable: 422,
  storage: 500,
  internal: 500
}

/** An answer the guarded handler sends as it is (status and `{ok:false,error}` body). */
class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
  }
}

/** Decodes a percent-encoded path, or refuses it (400) when the encoding is malformed. */
function decodePath(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    throw new HttpRefusal(400, 'bad_input', 'The request path is not valid percent-encoding')
  }
}

/** Parses the request target, or refuses it (400): `http://[` and such never reach a handler. */
function parseTarget(target: string, host: string): URL {
  try {
    return new URL(target, `http://${host}`)
  } catch {
    throw new HttpRefusal(400, 'bad_input', 'The request target is not a valid URL')
  }
}

/** The origin a Referer names, or null when it is not a URL at all. */
function refererOrigin(referer: string): string | null {
  try {
    return new URL(referer).origin
  } catch {
    return null
  }
}

/** Reads the whole body, or null once it passes the limit. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) return resolve(null)
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        req.removeAllListeners('data')
        req.resume()
        resolve(null)
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Writes to an open stream only: a write after the client left must not throw. */
function writeIfOpen(res: http.ServerResponse, text: string): void {
  if (!res.writableEnded && !res.destroyed) res.write(text)
}

/**
 * `sorot serve`: the built renderer and POST /rpc/<channel> on 127.0.0.1 only. API calls need
 * `Authorization: Bearer <token>` (401 otherwise); a Host that is not this server is refused
 * (403), which also stops DNS rebinding. On API paths an `Origin` must be this server, and so
 * must a `Referer` when it comes without an Origin (403). No CORS headers are ever sent. Every
 * request goes through one guarded handler: a malformed one gets 400, a failure 500, and the
 * server keeps serving.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { core } = options
  const token = options.token ?? randomBytes(24).toString('base64url')
  const rendererDir = path.resolve(options.rendererDir)
  const streams = new Set<http.ServerResponse>()
  let port = 0

  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`]
  const allowedOrigins = (): string[] => allowedHosts().map((host) => `http://${host}`)

  const authorized = (req: http.IncomingMessage): boolean => {
    const header = req.headers.authorization ?? ''
    const match = /^Bearer (.+)$/.exec(header)
    return match !== null && tokensMatch(match[1], token)
  }

  /** The Origin/Referer rule of the API paths: a foreign page's request is refused. */
  const sameSite = (req: http.IncomingMessage): boolean => {
    const { origin, referer } = req.headers
    if (origin !== undefined) return allowedOrigins().includes(origin)
    if (referer !== undefined) return allowedOrigins().includes(refererOrigin(referer) ?? '')
    return true
  }

  async function serveStatic(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 405, 'bad_input', 'Method not allowed')
    const relative = pathname === '/' ? 'index.html' : decodePath(pathname).replace(/^\/+/, '')
    const file = path.resolve(rendererDir, relative)
    if (!file.startsWith(rendererDir + path.sep) || relative.includes('\0'))
      return sendError(res, 404, 'not_found', 'Not found')
    let body: Buffer
    try {
      body = await fs.readFile(file)
    } catch {
      return sendError(res, 404, 'not_found', 'Not found')
    }
    res.writeHead(200, {
      ...baseHeaders,
      'Content-Type': contentTypeOf(file),
      'Cache-Control': cacheControlFor(relative)
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  async function serveRpc(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    channel: string
  ): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'bad_input', 'Use POST for /rpc')
    const body = await readBody(req, MAX_BODY_BYTES)
    if (body === null)
      return sendError(
        res,
        413,
        'too_large',
        `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB`
      )
    let input: unknown
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {}
    } catch {
      return sendError(res, 400, 'bad_json', 'The request body is not valid JSON')
    }
    const result = await core.dispatch(channel, input)
    sendJson(res, result.ok ? 200 : statusOf[result.error.code], result)
  }

  function serveEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'GET') return sendError(res, 405, 'bad_input', 'Use GET for /events')
    res.writeHead(200, {
      ...baseHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive'
    })
    res.write(': connected\n\n')
    streams.add(res)
    const unsubscribe = core.events.subscribe((event) =>
      writeIfOpen(res, `data: ${JSON.stringify(event)}\n\n`)
    )
    const keepAlive = setInterval(() => writeIfOpen(res, ': keep-alive\n\n'), 20_000)
    req.on('close', () => {
      clearInterval(keepAlive)
      unsubscribe()
      streams.delete(res)
    })
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = req.headers.host ?? ''
    if (!allowedHosts().includes(host)) return sendError(res, 403, 'forbidden', 'Host not allowed')
    const url = parseTarget(req.url ?? '/', host)
    const isApi = url.pathname.startsWith(RPC_PATHS.prefix) || url.pathname === RPC_PATHS.events
    if (!isApi) return serveStatic(req, res, url.pathname)
    if (!sameSite(req)) return sendError(res, 403, 'forbidden', 'Origin or Referer not allowed')
    if (!authorized(req)) return sendError(res, 401, 'unauthorized', 'Missing or wrong token')
    if (url.pathname === RPC_PATHS.events) return serveEvents(req, res)
    return serveRpc(req, res, decodePath(url.pathname.slice(RPC_PATHS.prefix.length)))
  }

  /** The one guarded handler: whatever a request does, it gets an answer and the server lives. */
  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.on('error', () => res.destroy())
    req.on('error', () => req.destroy())
    route(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy()
      if (error instanceof HttpRefusal)
        return sendError(res, error.status, error.code, error.message)
      sendError(res, 500, 'internal', 'The server could not answer this request')
    })
  }

  const server = http.createServer(handle)
  // A request line Node cannot parse gets a plain 400 instead of a dropped socket.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy()
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  })
  server.requestTimeout = 120_000

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
