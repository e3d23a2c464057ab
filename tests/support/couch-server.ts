import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp } from 'node:fs/promises'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from './paths'

/** A real CouchDB-protocol server (pouchdb-server, in memory) on 127.0.0.1, for sync tests. */
export interface CouchServer {
  url: string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port
      server.close(() => resolve(port))
    })
  })
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`)
    const up = await fetch(url).then(
      (response) => response.ok,
      () => false
    )
    if (up) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error('pouchdb-server did not start within 60 s')
}

export async function startCouchServer(): Promise<CouchServer> {
  const port = await freePort()
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'sorot-couch-'))
  const bin = path.join(ROOT, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server')
  const child = spawn(
    process.execPath,
    [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs'],
    { cwd, stdio: 'ignore' }
  )
  const url = `http://127.0.0.1:${port}`
  await waitForServer(url, child)
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGKILL')
      })
  }
}

/**
 * A proxy in front of a server that can go down and come back (the data behind it stays): a
 * device that goes offline, or a server that dies mid-sync after `cutAfter` requests.
 */
export interface FlakyProxy {
  url: string
  /** Drops every open connection and refuses new ones. */
  down(): void
  up(): void
  /** Goes down by itself after this many more requests. */
  cutAfter(requests: number): void
  close(): Promise<void>
}

/**
 * Users the proxy checks as CouchDB's `_security` would (the in-memory pouchdb-server keeps no
 * users): a wrong password gets 401, a write by a read-only member 403.
 */
export type ProxyUsers = Record<string, { password: string; readOnly?: boolean }>

function withoutAuthorization(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  const { authorization, ...rest } = headers
  void authorization
  return rest
}

function refusal(request: http.IncomingMessage, users: ProxyUsers): [number, string] | null {
  const [name, password] = Buffer.from(
    (request.headers.authorization ?? '').replace(/^Basic /, ''),
    'base64'
  )
    .toString()
    .split(':')
  const user = users[name ?? '']
  if (!user || user.password !== password) return [401, 'Name or password is incorrect.']
  const writes = request.method !== 'GET' && !request.url?.includes('/_all_docs')
  if (user.readOnly && writes) return [403, 'You are not allowed to write to this db.']
  return null
}

export async function startFlakyProxy(target: string, users?: ProxyUsers): Promise<FlakyProxy> {
  const port = await freePort()
  const sockets = new Set<net.Socket>()
  let online = true
  let budget = Infinity
  const down = (): void => {
    online = false
    for (const socket of sockets) socket.destroy()
  }
  const server = http.createServer((request, response) => {
    budget -= 1
    if (!online || budget < 0) {
      down()
      request.socket.destroy()
      return
    }
    const refused = users ? refusal(request, users) : null
    if (refused) {
      const [status, reason] = refused
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ error: status === 401 ? 'unauthorized' : 'forbidden', reason }))
      return
    }
    const forward = http.request(
      new URL(request.url ?? '/', target),
      // The proxy did the checking: the server behind it knows no users.
      { method: request.method, headers: withoutAuthorization(request.headers) },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(response)
      }
    )
    forward.on('error', () => request.socket.destroy())
    request.pipe(forward)
  })
  server.on('connection', (socket) => {
    if (!online) return socket.destroy()
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${port}`,
    down,
    up: () => {
      online = true
      budget = Infinity
    },
    cutAfter: (requests) => {
      budget = requests
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}
