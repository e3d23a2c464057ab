import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { promises as fs } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
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

/**
 * `sorot serve`: the built renderer and POST /rpc/<channel> on 127.0.0.1 only. API calls need
 * `Authorization: Bearer <token>` (401 otherwise); a Host or Origin that is not this server is
 * refused (403), which also stops DNS rebinding. No CORS headers are ever sent.
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

  async function serveStatic(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    pathname: string
  ): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendError(res, 405, 'bad_input', 'Method not allowed')
    const relative =
      pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
    const file = path.resolve(rendererDir, relative)
    if (!file.startsWith(rendererDir + path.sep))
      return sendError(res, 404, 'not_found', 'Not found')
    try {
      const body = await fs.readFile(file)
      res.writeHead(200, {
        ...baseHeaders,
        'Content-Type': contentTypeOf(file),
        'Cache-Control': cacheControlFor(relative)
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    } catch {
      sendError(res, 404, 'not_found', 'Not found')
    }
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
    sendJson(res, 200, await core.dispatch(channel, input))
  }

  function serveEvents(req: http.IncomingMessage, res: http.ServerResponse): void {
    res.writeHead(200, {
      ...baseHeaders,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive'
    })
    res.write(': connected\n\n')
    streams.add(res)
    const unsubscribe = core.events.subscribe((event) =>
      res.write(`data: ${JSON.stringify(event)}\n\n`)
    )
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 20_000)
    req.on('close', () => {
      clearInterval(keepAlive)
      unsubscribe()
      streams.delete(res)
    })
  }

  const server = http.createServer((req, res) => {
    const host = req.headers.host ?? ''
    if (!allowedHosts().includes(host)) return sendError(res, 403, 'forbidden', 'Host not allowed')
    const origin = req.headers.origin
    const url = new URL(req.url ?? '/', `http://${host}`)
    const isApi = url.pathname.startsWith('/rpc/') || url.pathname === '/events'
    if (!isApi) return void serveStatic(req, res, url.pathname)
    if (origin !== undefined && !allowedOrigins().includes(origin)) {
      return sendError(res, 403, 'forbidden', 'Origin not allowed')
    }
    if (!authorized(req)) return sendError(res, 401, 'unauthorized', 'Missing or wrong token')
    if (url.pathname === '/events') {
      if (req.method !== 'GET') return sendError(res, 405, 'bad_input', 'Use GET for /events')
      return serveEvents(req, res)
    }
    serveRpc(req, res, decodeURIComponent(url.pathname.slice('/rpc/'.length))).catch(
      (error: unknown) => sendError(res, 500, 'internal', String(error))
    )
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
